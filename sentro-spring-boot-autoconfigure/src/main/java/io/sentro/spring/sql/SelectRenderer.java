package io.sentro.spring.sql;

import java.util.ArrayList;
import java.util.List;

import io.sentro.spring.dialect.SqlDialect;
import io.sentro.spring.plan.EmbedPlan;
import io.sentro.spring.plan.OperationPlan.ReadPlan;
import io.sentro.spring.plan.SortOrder;
import io.sentro.spring.schema.Column;

import org.jspecify.annotations.Nullable;

/** Renders the SELECT of a page of a read plan: its joined relations, its cursor, its total. */
record SelectRenderer(SqlDialect dialect, SqlParts parts, ConditionSql conditions) {

    /** The rows of a page. */
    SqlStatement select(ReadPlan plan) {
        return select(plan, false, false);
    }

    /**
     * The rows of a page and one more, which tells whether another page follows (and is not returned); after the
     * plan's cursor, when it has one.
     */
    SqlStatement selectPage(ReadPlan plan) {
        return select(plan, false, true);
    }

    /**
     * The rows of a page and one more, as {@link #selectPage}, each followed by the number of rows matching the
     * condition ({@code COUNT(*) OVER ()}): the page and its total in one statement. The database visits every
     * matching row for it, so it is for conditions expected to match few; and not for a page after a cursor, whose
     * total is not that of its rows.
     */
    SqlStatement selectWithTotal(ReadPlan plan) {
        if (plan.after() != null) {
            throw new IllegalArgumentException("A page after a cursor is counted on its own");
        }
        return select(plan, true, true);
    }

    private SqlStatement select(ReadPlan plan, boolean withTotal, boolean lookAhead) {
        TableSql table = parts.table(plan.table());
        List<Object> parameters = new ArrayList<>();
        StringBuilder sql = new StringBuilder(256);
        // With joined relations every column is qualified: the main table is sentro_m, the joined ones sentro_e<n>.
        boolean joins = !plan.joined().isEmpty();
        String qualifier = joins ? "sentro_m." : "";
        List<Column> resultColumns = plan.projection();
        sql.append("SELECT ").append(plan.projection() != plan.table().columns() ? parts.columnList(qualifier,
                plan.projection()) : joins ? table.allColumns("sentro_m") : table.allColumns);
        StringBuilder from = new StringBuilder(128).append(" FROM ").append(table.name);
        if (joins) {
            resultColumns = new ArrayList<>(plan.projection());
            from.append(" sentro_m");
            for (int i = 0; i < plan.joined().size(); i++) {
                EmbedPlan embed = plan.joined().get(i);
                String alias = "sentro_e" + (i + 1);
                List<Column> keyColumns = embed.keyColumns();
                resultColumns.addAll(keyColumns);
                resultColumns.addAll(embed.projection());
                sql.append(", ").append(parts.columnList(alias + ".", keyColumns)).append(", ")
                        .append(embed.projection() == embed.target().columns()
                                ? parts.table(embed.target()).allColumns(alias)
                                : parts.columnList(alias + ".", embed.projection()));
                from.append(" LEFT JOIN ").append(parts.table(embed.target()).name).append(' ').append(alias)
                        .append(" ON ");
                conditions.equalColumns(from, alias, embed.relation().targetColumns(), "sentro_m",
                        embed.relation().columns());
                if (!embed.condition().isEmpty()) {
                    from.append(" AND ");
                    conditions.predicate(from, parameters, embed.condition(), alias + ".", alias, 0);
                }
            }
        }
        if (withTotal) {
            sql.append(", COUNT(*) OVER ()");
        }
        sql.append(from);
        conditions.where(sql, parameters, plan.condition(), qualifier, joins ? "sentro_m" : table.name, 0);
        if (plan.after() != null) {
            sql.append(plan.condition().isEmpty() ? " WHERE " : " AND ");
            after(sql, parameters, plan.order(), plan.after(), qualifier);
        }
        boolean ordered = !plan.order().isEmpty();
        if (ordered) {
            sql.append(" ORDER BY ");
            for (int i = 0; i < plan.order().size(); i++) {
                SortOrder order = plan.order().get(i);
                sql.append(i == 0 ? "" : ", ").append(qualifier).append(dialect.quote(order.column().name()));
                if (order.descending()) {
                    sql.append(" DESC");
                }
            }
        }
        dialect.paginate(sql, ordered, lookAhead ? plan.limit() + 1 : plan.limit(), plan.offset());
        return new SqlStatement(sql.toString(), parameters, resultColumns);
    }

    /**
     * The rows after a row in the page's order: after it in the first sort column, or equal there and after it in
     * the second, and so on; the primary key ends every order, so no two rows tie. NULLs sort as the dialect sorts
     * them. A bound on the first column lets an index on it start the scan at the cursor.
     */
    private void after(StringBuilder sql, List<Object> parameters, List<SortOrder> order, List<Object> values,
            String qualifier) {
        SortOrder first = order.get(0);
        Object firstValue = values.get(0);
        if (firstValue != null && !first.column().nullable() && order.size() > 1) {
            sql.append(qualifier).append(dialect.quote(first.column().name())).append(first.descending() ? " <= ?" : " >= ?")
                    .append(" AND ");
            parameters.add(parts.bind(first.column(), firstValue));
        }
        sql.append('(');
        int terms = 0;
        for (int i = 0; i < order.size(); i++) {
            StringBuilder term = new StringBuilder();
            List<Object> termParameters = new ArrayList<>();
            for (int j = 0; j < i; j++) {
                String quoted = qualifier + dialect.quote(order.get(j).column().name());
                if (values.get(j) == null) {
                    term.append(quoted).append(" IS NULL AND ");
                }
                else {
                    term.append(quoted).append(" = ? AND ");
                    termParameters.add(parts.bind(order.get(j).column(), values.get(j)));
                }
            }
            if (!strictlyAfter(term, termParameters, order.get(i), values.get(i), qualifier)) {
                continue;
            }
            sql.append(terms++ == 0 ? "(" : " OR (").append(term).append(')');
            parameters.addAll(termParameters);
        }
        sql.append(terms == 0 ? "1 = 0)" : ")");
    }

    /** Appends "this column's value comes after {@code value}"; false when nothing comes after it. */
    private boolean strictlyAfter(StringBuilder term, List<Object> parameters, SortOrder order,
            @Nullable Object value, String qualifier) {
        String quoted = qualifier + dialect.quote(order.column().name());
        // Whether NULLs come after every value in this direction.
        boolean nullsAfter = dialect.nullsSortHigh() != order.descending();
        if (value == null) {
            if (nullsAfter) {
                return false;
            }
            term.append(quoted).append(" IS NOT NULL");
            return true;
        }
        boolean orNull = nullsAfter && order.column().nullable();
        term.append(orNull ? "(" : "").append(quoted).append(order.descending() ? " < ?" : " > ?");
        parameters.add(parts.bind(order.column(), value));
        if (orNull) {
            term.append(" OR ").append(quoted).append(" IS NULL)");
        }
        return true;
    }
}
