package io.sentro.spring.execute;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.sentro.spring.dialect.RowEstimate;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementSetter;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.core.SqlParameterValue;

import static org.assertj.core.api.Assertions.assertThat;

class RowEstimatesTests {

    private final AtomicInteger queries = new AtomicInteger();

    private final AtomicLong now = new AtomicLong();

    /** Answers every estimate with the number of estimates asked so far, times 1000. */
    private final JdbcTemplate jdbc = new JdbcTemplate() {
        @Override
        @SuppressWarnings("unchecked")
        public <T> T query(String sql, PreparedStatementSetter setter, ResultSetExtractor<T> extractor) {
            return (T) Long.valueOf(queries.incrementAndGet() * 1000L);
        }
    };

    private static RowEstimate estimate(Object... parameters) {
        return new RowEstimate("EXPLAIN SELECT 1 FROM t WHERE a = ?", List.of(parameters), result -> 0L);
    }

    @Test
    void reusesAnEstimateForTheSameConditionUntilItIsOld() {
        RowEstimates estimates = new RowEstimates(jdbc, Duration.ofSeconds(10), now::get);
        assertThat(estimates.rows(estimate(1))).isEqualTo(1000);
        now.addAndGet(Duration.ofSeconds(9).toNanos());
        assertThat(estimates.rows(estimate(1))).isEqualTo(1000);
        assertThat(estimates.rows(estimate(2))).as("another value, another estimate").isEqualTo(2000);
        now.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThat(estimates.rows(estimate(1))).as("asked again once old").isEqualTo(3000);
        assertThat(queries).hasValue(3);
    }

    @Test
    void comparesTypedParametersByValue() {
        RowEstimates estimates = new RowEstimates(jdbc, Duration.ofSeconds(10), now::get);
        estimates.rows(estimate(new SqlParameterValue(java.sql.Types.OTHER, "happy")));
        estimates.rows(estimate(new SqlParameterValue(java.sql.Types.OTHER, "happy")));
        assertThat(queries).hasValue(1);
        estimates.rows(estimate(new SqlParameterValue(java.sql.Types.OTHER, "sad")));
        assertThat(queries).hasValue(2);
    }

    @Test
    void asksEveryTimeWithoutAMaximumAge() {
        RowEstimates estimates = new RowEstimates(jdbc, Duration.ZERO, now::get);
        estimates.rows(estimate(1));
        estimates.rows(estimate(1));
        assertThat(queries).hasValue(2);
    }
}
