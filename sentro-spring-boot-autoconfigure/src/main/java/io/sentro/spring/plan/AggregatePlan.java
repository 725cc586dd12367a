package io.sentro.spring.plan;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.sentro.spring.query.CountMode;
import io.sentro.spring.query.Operator;
import io.sentro.spring.schema.Column;
import io.sentro.spring.schema.Table;

/**
 * Groups of rows and their aggregates ({@code group}, {@code agg}, {@code having.*}), checked against the table:
 * one result row per group holding the group columns and each aggregate under its key.
 *
 * @param group the columns rows are grouped by; empty for one group of every matching row
 * @param aggregates what each group computes, in order
 * @param condition the rows' filters and the caller's row scope (WHERE)
 * @param having the groups' filters (HAVING), all of which must hold
 * @param order the order of the groups
 * @param limit groups per page
 * @param offset groups to skip
 * @param count whether to count the groups
 */
public record AggregatePlan(Table table, List<Column> group, List<Aggregate> aggregates, Condition condition,
        List<Having> having, List<Order> order, long limit, long offset, CountMode count) implements OperationPlan {

    public AggregatePlan {
        group = List.copyOf(group);
        aggregates = List.copyOf(aggregates);
        having = List.copyOf(having);
        order = List.copyOf(order);
    }

    /** An aggregate function. */
    public enum Function {
        COUNT, SUM, AVG, MIN, MAX;

        public String token() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * One aggregate of a group.
     *
     * @param column the column it applies to; null for {@code count} of rows
     * @param key its key in each result row: {@code count}, {@code sum_views}
     */
    public record Aggregate(Function function, @Nullable Column column, String key) {
    }

    /** A filter on an aggregate; {@code value} is converted to the aggregate's type (a list for in/nin). */
    public record Having(Aggregate aggregate, Operator operator, Object value) {
    }

    /** One ORDER BY item: a group column or an aggregate. */
    public record Order(@Nullable Column column, @Nullable Aggregate aggregate, boolean descending) {
    }
}
