package io.sentro.spring.execute;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

import io.sentro.spring.dialect.RowEstimate;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;

/**
 * The database's row estimates for list conditions, kept for a short while. An estimate is already approximate, and
 * the statistics it comes from change every few minutes at most, so asking the planner once per condition and
 * second instead of once per page costs no accuracy worth having and saves a round trip on every page. Keys are the
 * estimate statement and its parameters, which include the caller's row scope: one caller's estimate never answers
 * another's condition.
 */
final class RowEstimates {

    /** Past this many conditions the cache starts over: a bound on memory, not an eviction policy. */
    private static final int MAX_ENTRIES = 10_000;

    private record Key(String sql, List<Object> parameters) {
    }

    private record Entry(@Nullable Long rows, long expiresAt) {
    }

    private final JdbcTemplate jdbc;
    private final long maxAgeNanos;
    private final LongSupplier clock;
    private final ConcurrentMap<Key, Entry> entries = new ConcurrentHashMap<>();

    RowEstimates(JdbcTemplate jdbc, Duration maxAge, LongSupplier nanoClock) {
        this.jdbc = jdbc;
        this.maxAgeNanos = maxAge.toNanos();
        this.clock = nanoClock;
    }

    /** The estimated number of rows; null when the database gave none. */
    @Nullable Long rows(RowEstimate estimate) {
        if (maxAgeNanos <= 0) {
            return query(estimate);
        }
        Key key = new Key(estimate.sql(), comparable(estimate.parameters()));
        long now = clock.getAsLong();
        Entry entry = entries.get(key);
        if (entry != null && now - entry.expiresAt() < 0) {
            return entry.rows();
        }
        Long rows = query(estimate);
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(key, new Entry(rows, now + maxAgeNanos));
        return rows;
    }

    /** Parameters with equality: a typed parameter by its type and value. */
    private static List<Object> comparable(List<Object> parameters) {
        List<Object> values = new ArrayList<>(parameters.size());
        for (Object parameter : parameters) {
            values.add(parameter instanceof SqlParameterValue typed
                    ? Arrays.asList(typed.getSqlType(), typed.getTypeName(), typed.getValue()) : parameter);
        }
        return values;
    }

    private @Nullable Long query(RowEstimate estimate) {
        RowEstimate.Reader reader = estimate.reader();
        return jdbc.query(estimate.sql(), new ArgumentPreparedStatementSetter(estimate.parameters().toArray()),
                reader::read);
    }
}
