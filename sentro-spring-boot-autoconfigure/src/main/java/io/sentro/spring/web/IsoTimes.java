package io.sentro.spring.web;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Writes dates and times exactly as {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME} and its local siblings do, by
 * appending digits: the formatter's general machinery was 5% of a list request's CPU, for text whose shape never
 * changes. Years outside 0000–9999 (which the formatter signs) go to the formatter itself.
 */
final class IsoTimes {

    private IsoTimes() {
    }

    static String format(OffsetDateTime value) {
        LocalDateTime local = value.toLocalDateTime();
        if (outsideFourDigits(local.getYear())) {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value);
        }
        StringBuilder text = new StringBuilder(35);
        appendDate(text, local.toLocalDate());
        text.append('T');
        appendTime(text, local.toLocalTime());
        // ZoneOffset's id is the formatter's offset form: Z, +HH:MM, or +HH:MM:SS when there are seconds.
        return text.append(value.getOffset().getId()).toString();
    }

    static String format(LocalDateTime value) {
        if (outsideFourDigits(value.getYear())) {
            return DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(value);
        }
        StringBuilder text = new StringBuilder(29);
        appendDate(text, value.toLocalDate());
        text.append('T');
        appendTime(text, value.toLocalTime());
        return text.toString();
    }

    static String format(LocalDate value) {
        if (outsideFourDigits(value.getYear())) {
            return DateTimeFormatter.ISO_LOCAL_DATE.format(value);
        }
        StringBuilder text = new StringBuilder(10);
        appendDate(text, value);
        return text.toString();
    }

    static String format(LocalTime value) {
        StringBuilder text = new StringBuilder(18);
        appendTime(text, value);
        return text.toString();
    }

    private static boolean outsideFourDigits(int year) {
        return year < 0 || year > 9999;
    }

    private static void appendDate(StringBuilder text, LocalDate date) {
        int year = date.getYear();
        text.append((char) ('0' + year / 1000)).append((char) ('0' + year / 100 % 10))
                .append((char) ('0' + year / 10 % 10)).append((char) ('0' + year % 10));
        twoDigits(text.append('-'), date.getMonthValue());
        twoDigits(text.append('-'), date.getDayOfMonth());
    }

    /** HH:mm:ss, then the fraction of a second without trailing zeros, if any. */
    private static void appendTime(StringBuilder text, LocalTime time) {
        twoDigits(text, time.getHour());
        twoDigits(text.append(':'), time.getMinute());
        twoDigits(text.append(':'), time.getSecond());
        int nanos = time.getNano();
        if (nanos == 0) {
            return;
        }
        int digits = 9;
        while (nanos % 10 == 0) {
            nanos /= 10;
            digits--;
        }
        text.append('.');
        int start = text.length();
        for (int i = 0; i < digits; i++) {
            text.append('0');
        }
        for (int i = start + digits - 1; i >= start; i--) {
            text.setCharAt(i, (char) ('0' + nanos % 10));
            nanos /= 10;
        }
    }

    private static void twoDigits(StringBuilder text, int value) {
        text.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }
}
