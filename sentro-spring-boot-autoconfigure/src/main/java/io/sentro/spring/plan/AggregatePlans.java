package io.sentro.spring.plan;

import java.util.ArrayList;
import java.util.List;

import io.sentro.spring.error.ErrorCode;
import io.sentro.spring.error.SentroException;
import io.sentro.spring.query.AggregateQuery;
import io.sentro.spring.query.FilterTerm;
import io.sentro.spring.query.ListQuery;
import io.sentro.spring.query.Operator;
import io.sentro.spring.query.SortTerm;
import io.sentro.spring.schema.Column;
import io.sentro.spring.schema.Table;
import io.sentro.spring.schema.TypeKind;

/**
 * Plans groups and aggregates ({@code group}, {@code agg}, {@code having.*}): group columns that can be compared,
 * aggregate functions that fit their column's type, {@code having} values converted to the aggregate's type, groups
 * sorted by group columns and aggregate keys and paged like a list.
 */
final class AggregatePlans {

    private final ValueConverter values;
    private final Conditions conditions;
    private final Paging paging;

    AggregatePlans(ValueConverter values, Conditions conditions, Paging paging) {
        this.values = values;
        this.conditions = conditions;
        this.paging = paging;
    }

    AggregatePlan aggregate(Table table, ListQuery query, Grant grant, Grants grants) {
        AggregateQuery requested = java.util.Objects.requireNonNull(query.aggregate());
        refuseWithAggregates(!query.fields().isEmpty(), "fields", "the rows hold the group columns and the "
                + "aggregates");
        refuseWithAggregates(!query.embeds().isEmpty(), "embed", "groups have no related rows");
        refuseWithAggregates(query.after() != null, "after", "groups are paged with offset");
        if (requested.group().isEmpty() && requested.aggregates().isEmpty()) {
            throw new SentroException(ErrorCode.INVALID_PARAMETER, "'having' filters aggregates: name them in 'agg' "
                    + "(agg=count&having.count.gt=5)", requested.having().get(0).parameter());
        }
        List<Column> group = new ArrayList<>();
        for (String name : requested.group()) {
            Column column = VisibleColumns.column(table, name, "group", grant);
            if (!column.kind().isComparable()) {
                throw new SentroException(ErrorCode.INVALID_PARAMETER, "Cannot group by column '" + name + "' ("
                        + column.type().databaseType() + ")", "group");
            }
            if (group.contains(column)) {
                throw new SentroException(ErrorCode.INVALID_PARAMETER, "'group' names '" + name + "' twice", "group");
            }
            group.add(column);
        }
        List<AggregatePlan.Aggregate> aggregates = new ArrayList<>();
        for (AggregateQuery.Term term : requested.aggregates()) {
            AggregatePlan.Aggregate aggregate = aggregate(table, term, grant);
            boolean taken = aggregates.stream().anyMatch(other -> other.key().equals(aggregate.key()))
                    || group.stream().anyMatch(column -> column.name().equals(aggregate.key()));
            if (taken) {
                throw new SentroException(ErrorCode.INVALID_PARAMETER, "'agg' computes '" + aggregate.key()
                        + "' twice, or as a group column's name", "agg");
            }
            aggregates.add(aggregate);
        }
        List<AggregatePlan.Having> having = new ArrayList<>();
        for (FilterTerm term : requested.having()) {
            having.add(having(aggregates, term));
        }
        List<AggregatePlan.Order> order = new ArrayList<>();
        for (SortTerm term : query.sort()) {
            Column column = group.stream().filter(candidate -> candidate.name().equals(term.column())).findFirst()
                    .orElse(null);
            AggregatePlan.Aggregate aggregate = aggregates.stream()
                    .filter(candidate -> candidate.key().equals(term.column())).findFirst().orElse(null);
            if (column == null && aggregate == null) {
                throw new SentroException(ErrorCode.INVALID_PARAMETER, "Cannot sort groups by '" + term.column()
                        + "': sort by a group column or an aggregate key (" + String.join(", ", outputKeys(group,
                                aggregates)) + ")", "sort");
            }
            order.add(new AggregatePlan.Order(column, aggregate, term.descending()));
        }
        // Group columns break ties, so that pages of groups are stable.
        for (Column column : group) {
            if (order.stream().noneMatch(item -> column.equals(item.column()))) {
                order.add(new AggregatePlan.Order(column, null, false));
            }
        }
        return new AggregatePlan(table, group, aggregates, conditions.condition(table, query, grant, grants), having,
                order, paging.limit(query), Paging.offset(query), paging.count(query));
    }

    private static void refuseWithAggregates(boolean given, String parameter, String why) {
        if (given) {
            throw new SentroException(ErrorCode.INVALID_PARAMETER, "'" + parameter + "' does not apply with group or "
                    + "agg: " + why, parameter);
        }
    }

    private static List<String> outputKeys(List<Column> group, List<AggregatePlan.Aggregate> aggregates) {
        List<String> keys = new ArrayList<>(group.stream().map(Column::name).toList());
        aggregates.forEach(aggregate -> keys.add(aggregate.key()));
        return keys;
    }

    /** One {@code agg} term; which functions fit which column types is written here. */
    private static AggregatePlan.Aggregate aggregate(Table table, AggregateQuery.Term term, Grant grant) {
        AggregatePlan.Function function = AggregatePlan.Function.valueOf(term.function()
                .toUpperCase(java.util.Locale.ROOT));
        if (term.column() == null) {
            return new AggregatePlan.Aggregate(function, null, term.key());
        }
        Column column = VisibleColumns.column(table, term.column(), "agg", grant);
        TypeKind kind = column.kind();
        boolean applies = switch (function) {
            case COUNT -> true;
            case SUM, AVG -> kind.isNumeric();
            case MIN, MAX -> kind.isOrdered();
        };
        if (!applies) {
            throw new SentroException(ErrorCode.INVALID_PARAMETER, "'" + term.function() + "' does not apply to "
                    + "column '" + column.name() + "' (" + column.type().databaseType() + ")"
                    + (function == AggregatePlan.Function.SUM || function == AggregatePlan.Function.AVG
                            ? "; it needs a numeric column" : "; it needs a column with an order"), "agg");
        }
        return new AggregatePlan.Aggregate(function, column, term.key());
    }

    /** {@code having.<key>.<operator>=<value>}, the value converted to the aggregate's type. */
    private AggregatePlan.Having having(List<AggregatePlan.Aggregate> aggregates, FilterTerm term) {
        String parameter = term.parameter();
        AggregatePlan.Aggregate aggregate = aggregates.stream().filter(found -> found.key().equals(term.column()))
                .findFirst().orElseThrow(() -> new SentroException(ErrorCode.INVALID_PARAMETER, "'" + parameter
                        + "' filters '" + term.column() + "', which 'agg' does not compute; it computes "
                        + String.join(", ", aggregates.stream().map(AggregatePlan.Aggregate::key).toList()),
                        parameter));
        Operator operator = term.operator();
        if (operator == Operator.IS_NULL) {
            return new AggregatePlan.Having(aggregate, operator, Conditions.nullTest(term));
        }
        if (operator.isPattern()) {
            throw new SentroException(ErrorCode.INVALID_PARAMETER, "'" + operator.token() + "' does not apply to an "
                    + "aggregate; use eq, neq, gt, gte, lt, lte, in, nin or isNull", parameter);
        }
        if (operator.takesList()) {
            List<Object> converted = new ArrayList<>(term.values().size());
            for (String value : term.values()) {
                converted.add(aggregateValue(aggregate, value, parameter));
            }
            return new AggregatePlan.Having(aggregate, operator, converted);
        }
        return new AggregatePlan.Having(aggregate, operator, aggregateValue(aggregate, term.values().get(0),
                parameter));
    }

    private Object aggregateValue(AggregatePlan.Aggregate aggregate, String text, String parameter) {
        Column column = aggregate.column();
        if (aggregate.function() == AggregatePlan.Function.MIN || aggregate.function() == AggregatePlan.Function.MAX) {
            return values.fromText(java.util.Objects.requireNonNull(column), text, parameter);
        }
        try {
            java.math.BigDecimal number = new java.math.BigDecimal(text.trim());
            if (aggregate.function() == AggregatePlan.Function.COUNT) {
                return number.longValueExact();
            }
            return number;
        }
        catch (NumberFormatException | ArithmeticException ex) {
            throw new SentroException(ErrorCode.INVALID_VALUE, "'" + parameter + "' must be "
                    + (aggregate.function() == AggregatePlan.Function.COUNT ? "a whole number" : "a number")
                    + ", got '" + text + "'", parameter);
        }
    }
}
