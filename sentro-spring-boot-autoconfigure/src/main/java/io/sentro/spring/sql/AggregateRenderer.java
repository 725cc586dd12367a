package io.sentro.spring.sql;

import java.util.ArrayList;
import java.util.List;

import io.sentro.spring.dialect.SqlDialect;
import io.sentro.spring.plan.AggregatePlan;
import io.sentro.spring.schema.Column;
import io.sentro.spring.schema.ColumnType;
import io.sentro.spring.schema.TypeKind;

/** Renders the grouped SELECT of an aggregate plan and the count of its groups. */
record AggregateRenderer(SqlDialect dialect, SqlParts parts, ConditionSql conditions) {

    /**
     * The groups of an aggregate plan and their aggregates, one more than the page (see
     * {@link SelectRenderer#selectPage}). Result columns: the group columns, then one per aggregate, named by its key
     * ({@link #aggregateColumns}).
     */
    SqlStatement aggregate(AggregatePlan plan) {
        List<Object> parameters = new ArrayList<>();
        StringBuilder sql = new StringBuilder(256).append("SELECT ");
        StringBuilder groupBy = new StringBuilder();
        for (Column column : plan.group()) {
            groupBy.append(groupBy.isEmpty() ? "" : ", ").append(dialect.quote(column.name()));
        }
        sql.append(groupBy);
        boolean first = groupBy.isEmpty();
        for (AggregatePlan.Aggregate aggregate : plan.aggregates()) {
            sql.append(first ? "" : ", ").append(aggregateExpression(aggregate)).append(" AS ")
                    .append(dialect.quote(aggregate.key()));
            first = false;
        }
        groupedRows(sql, parameters, plan, groupBy);
        StringBuilder order = new StringBuilder();
        for (AggregatePlan.Order item : plan.order()) {
            order.append(order.isEmpty() ? "" : ", ").append(item.column() != null
                    ? dialect.quote(item.column().name()) : aggregateExpression(item.aggregate()))
                    .append(item.descending() ? " DESC" : "");
        }
        if (!order.isEmpty()) {
            sql.append(" ORDER BY ").append(order);
        }
        dialect.paginate(sql, !order.isEmpty(), plan.limit() + 1, plan.offset());
        return new SqlStatement(sql.toString(), parameters, aggregateColumns(plan));
    }

    /** The number of groups an aggregate plan has (one, or none when HAVING refuses it, without group columns). */
    SqlStatement countGroups(AggregatePlan plan) {
        List<Object> parameters = new ArrayList<>();
        StringBuilder groupBy = new StringBuilder();
        for (Column column : plan.group()) {
            groupBy.append(groupBy.isEmpty() ? "" : ", ").append(dialect.quote(column.name()));
        }
        StringBuilder sql = new StringBuilder(256).append("SELECT COUNT(*) FROM (SELECT 1 AS sentro_one");
        groupedRows(sql, parameters, plan, groupBy);
        return new SqlStatement(sql.append(") sentro_groups").toString(), parameters, List.of());
    }

    /** {@code FROM ... WHERE ... GROUP BY ... HAVING ...}. */
    private void groupedRows(StringBuilder sql, List<Object> parameters, AggregatePlan plan, CharSequence groupBy) {
        sql.append(" FROM ").append(parts.table(plan.table()).name);
        conditions.where(sql, parameters, plan.condition(), plan.table());
        if (!groupBy.isEmpty()) {
            sql.append(" GROUP BY ").append(groupBy);
        }
        for (int i = 0; i < plan.having().size(); i++) {
            AggregatePlan.Having having = plan.having().get(i);
            sql.append(i == 0 ? " HAVING " : " AND ");
            String expression = aggregateExpression(having.aggregate());
            Column column = having.aggregate().function() == AggregatePlan.Function.MIN
                    || having.aggregate().function() == AggregatePlan.Function.MAX ? having.aggregate().column() : null;
            switch (having.operator()) {
                case IS_NULL -> sql.append(expression)
                        .append(Boolean.TRUE.equals(having.value()) ? " IS NULL" : " IS NOT NULL");
                case IN, NIN -> {
                    sql.append(expression).append(having.operator() == io.sentro.spring.query.Operator.IN ? " IN ("
                            : " NOT IN (");
                    List<?> values = (List<?>) having.value();
                    for (int v = 0; v < values.size(); v++) {
                        sql.append(v == 0 ? "?" : ", ?");
                        parameters.add(column != null ? parts.bind(column, values.get(v)) : values.get(v));
                    }
                    sql.append(')');
                }
                default -> {
                    sql.append(expression).append(switch (having.operator()) {
                        case EQ -> " = ?";
                        case NEQ -> " <> ?";
                        case GT -> " > ?";
                        case GTE -> " >= ?";
                        case LT -> " < ?";
                        case LTE -> " <= ?";
                        default -> throw new IllegalArgumentException("Not an aggregate filter: " + having.operator());
                    });
                    parameters.add(column != null ? parts.bind(column, having.value()) : having.value());
                }
            }
        }
    }

    private String aggregateExpression(AggregatePlan.Aggregate aggregate) {
        if (aggregate.column() == null) {
            return "COUNT(*)";
        }
        return dialect.aggregate(aggregate.function().name(), dialect.quote(aggregate.column().name()),
                aggregate.column().type());
    }

    /**
     * The result columns of an aggregate plan: the group columns, then one per aggregate, typed as it is read: a
     * count as an integer, a sum or average of exact numbers as a decimal, of floating-point numbers as a double,
     * a minimum or maximum as its column.
     */
    static List<Column> aggregateColumns(AggregatePlan plan) {
        List<Column> columns = new ArrayList<>(plan.group());
        for (AggregatePlan.Aggregate aggregate : plan.aggregates()) {
            Column column = aggregate.column();
            ColumnType type = switch (aggregate.function()) {
                case COUNT -> ColumnType.of("bigint", TypeKind.BIGINT);
                case SUM, AVG -> column.kind() == TypeKind.REAL || column.kind() == TypeKind.DOUBLE
                        ? ColumnType.of("double precision", TypeKind.DOUBLE) : ColumnType.of("numeric", TypeKind.DECIMAL);
                case MIN, MAX -> column.type();
            };
            columns.add(new Column(aggregate.key(), type, true, null, false, false, false, null));
        }
        return columns;
    }
}
