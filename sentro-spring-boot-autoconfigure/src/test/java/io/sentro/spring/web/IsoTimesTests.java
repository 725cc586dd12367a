package io.sentro.spring.web;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IsoTimesTests {

    private static final int[] NANOS = { 0, 1, 10, 500_000_000, 123_000_000, 123_456_000, 123_456_789, 100_000,
            999_999_999, 5_000 };

    private static final ZoneOffset[] OFFSETS = { ZoneOffset.UTC, ZoneOffset.ofHours(2), ZoneOffset.ofHoursMinutes(-9, -30),
            ZoneOffset.ofHoursMinutesSeconds(5, 30, 15), ZoneOffset.MAX, ZoneOffset.MIN };

    @Test
    void writesWhatTheIsoFormattersWrite() {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 100_000; i++) {
            LocalDate date = LocalDate.ofEpochDay(random.nextLong(LocalDate.of(-20_000, 1, 1).toEpochDay(),
                    LocalDate.of(20_000, 12, 31).toEpochDay()));
            int nanos = i < NANOS.length * 10 ? NANOS[i % NANOS.length] : random.nextInt(1_000_000_000);
            if (random.nextInt(3) == 0) {
                nanos = nanos / 1000 * 1000; // microseconds, as PostgreSQL stores them
            }
            LocalTime time = LocalTime.of(random.nextInt(24), random.nextInt(60), random.nextInt(60), nanos);
            OffsetDateTime offset = OffsetDateTime.of(date, time, OFFSETS[random.nextInt(OFFSETS.length)]);
            LocalDateTime local = LocalDateTime.of(date, time);
            assertThat(IsoTimes.format(offset)).isEqualTo(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(offset));
            assertThat(IsoTimes.format(local)).isEqualTo(DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(local));
            assertThat(IsoTimes.format(date)).isEqualTo(DateTimeFormatter.ISO_LOCAL_DATE.format(date));
            assertThat(IsoTimes.format(time)).isEqualTo(DateTimeFormatter.ISO_LOCAL_TIME.format(time));
        }
    }

    @Test
    void writesTheEdgesOfTheFourDigitYears() {
        for (LocalDateTime edge : new LocalDateTime[] { LocalDateTime.of(0, 1, 1, 0, 0), LocalDateTime.of(9999, 12, 31,
                23, 59, 59, 999_999_999), LocalDateTime.of(10_000, 1, 1, 0, 0), LocalDateTime.of(-1, 12, 31, 0, 0),
                LocalDateTime.MIN, LocalDateTime.MAX }) {
            assertThat(IsoTimes.format(edge)).isEqualTo(DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(edge));
            OffsetDateTime offset = edge.atOffset(ZoneOffset.UTC);
            assertThat(IsoTimes.format(offset)).isEqualTo(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(offset));
        }
        assertThat(IsoTimes.format(LocalTime.MIDNIGHT)).isEqualTo("00:00:00");
        assertThat(IsoTimes.format(OffsetDateTime.of(2026, 11, 30, 6, 1, 0, 0, ZoneOffset.UTC)))
                .isEqualTo("2026-11-30T06:01:00Z");
    }
}
