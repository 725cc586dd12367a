package io.sentro.spring.entities;

import io.sentro.spring.query.AggregateQuery;

import org.jspecify.annotations.Nullable;

/**
 * One aggregate of a grouped {@link Query}: {@code count()} of rows, or a function of a column. Each result row holds
 * it under its {@link #key()}: {@code count}, {@code sum_views}.
 *
 * @param function count, sum, avg, min or max
 * @param column the column, or null for a count of rows
 */
public record Aggregate(String function, @Nullable String column) {

    public static Aggregate count() {
        return new Aggregate("count", null);
    }

    public static Aggregate sum(String column) {
        return new Aggregate("sum", column);
    }

    public static Aggregate avg(String column) {
        return new Aggregate("avg", column);
    }

    public static Aggregate min(String column) {
        return new Aggregate("min", column);
    }

    public static Aggregate max(String column) {
        return new Aggregate("max", column);
    }

    /** Where a result row holds it. */
    public String key() {
        return term().key();
    }

    AggregateQuery.Term term() {
        return new AggregateQuery.Term(function, column);
    }
}
