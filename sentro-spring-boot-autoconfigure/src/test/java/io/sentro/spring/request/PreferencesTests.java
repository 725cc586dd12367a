package io.sentro.spring.request;

import java.util.Collections;
import java.util.List;

import io.sentro.spring.error.ErrorCode;
import io.sentro.spring.error.SentroException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The {@code Prefer} header as RFC 7240 reads it: known preferences taken, unknown ones ignored, bad ones refused. */
class PreferencesTests {

    private static Preferences parse(String... headers) {
        return Preferences.parse(Collections.enumeration(List.of(headers)));
    }

    @Test
    void readsTheKnownPreferencesOfEveryHeader() {
        Preferences preferences = parse("return=minimal", "resolution=merge-duplicates, max-affected=10");
        assertThat(preferences.returning()).isEqualTo(Preferences.Return.MINIMAL);
        assertThat(preferences.resolution()).isEqualTo(Preferences.Resolution.MERGE_DUPLICATES);
        assertThat(preferences.maxAffected()).isEqualTo(10L);
        assertThat(preferences.applied(true, true, true))
                .isEqualTo("return=minimal, resolution=merge-duplicates, max-affected=10");
        assertThat(preferences.applied(false, false, false)).isNull();
        assertThat(Preferences.parse(null)).isEqualTo(Preferences.NONE);
    }

    @Test
    void ignoresUnknownPreferencesAndTakesTheFirstOfARepeatedOne() {
        Preferences preferences = parse("respond-async, wait=10; x=\"a,b\"", "RETURN=Representation",
                "return=minimal", " , handling=strict ,");
        assertThat(preferences.returning()).isEqualTo(Preferences.Return.REPRESENTATION);
        assertThat(preferences.maxAffected()).isNull();
        assertThat(parse("return=\"minimal\"").minimal()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "return=", "return=sometimes", "=minimal", "return=\"minimal", "return minimal",
            "max-affected=-1", "max-affected=1.5", "max-affected=", "resolution=merge", "return=mini mal",
            "return=minimal; =x", "wait=10; \"x\"" })
    void refusesWhatItCannotReadNamingTheHeader(String header) {
        SentroException refused = catchThrowableOfType(SentroException.class, () -> parse(header));
        assertThat(refused).as(header).isNotNull();
        assertThat(refused.code()).isEqualTo(ErrorCode.INVALID_HEADER);
        assertThat(refused.parameter()).isEqualTo("Prefer");
    }
}
