package io.sentro.spring.query;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The aggregate part of a list request ({@code group}, {@code agg}, {@code having.*}), as the client wrote it.
 *
 * @param group the columns to group rows by; empty for one group of every matching row
 * @param aggregates what to compute per group, in order
 * @param having filters on the aggregates ({@code having.count.gt=5}), all of which must hold; each term's column
 * is an aggregate's key
 */
public record AggregateQuery(List<String> group, List<Term> aggregates, List<FilterTerm> having) {

    public AggregateQuery {
        group = List.copyOf(group);
        aggregates = List.copyOf(aggregates);
        having = List.copyOf(having);
    }

    /**
     * One aggregate: {@code count}, or {@code <function>:<column>}.
     *
     * @param function the function's token: count, sum, avg, min, max
     * @param column the column, or null for {@code count} of rows
     */
    public record Term(String function, @Nullable String column) {

        /** The key of the aggregate in each row: {@code count}, or {@code <function>_<column>}. */
        public String key() {
            return column == null ? function : function + "_" + column;
        }
    }
}
