package io.sentro.spring.sql;

import java.util.ArrayList;
import java.util.List;

import io.sentro.spring.dialect.SqlDialect;
import io.sentro.spring.plan.EmbedPlan;
import io.sentro.spring.plan.SortOrder;
import io.sentro.spring.schema.Column;
import io.sentro.spring.schema.Relation;

/** Renders the SELECT of an embedded relation's rows for a page of parent rows. */
record EmbedRenderer(SqlDialect dialect, SqlParts parts, ConditionSql conditions) {

    /**
     * The related rows of an embedded relation for some parent rows, in one statement: each result row begins with
     * the values that name its parent ({@link EmbedPlan#keyColumns()}, as {@code sentro_k0...}), then the plan's
     * projection. A to-many relation reads at most {@code limit} rows per parent, in the plan's order: with one
     * parent as a page, with several numbered per parent ({@code ROW_NUMBER() OVER (PARTITION BY ...)}).
     *
     * @param parentKeys the parents' values of the relation's columns, converted to the related key columns' types
     */
    SqlStatement related(EmbedPlan plan, List<List<Object>> parentKeys) {
        Relation relation = plan.relation();
        List<Column> keyColumns = plan.keyColumns();
        String keyAlias = plan.through() == null ? "sentro_t" : "sentro_j";
        List<Object> parameters = new ArrayList<>();
        StringBuilder select = new StringBuilder(256).append("SELECT ");
        for (int i = 0; i < keyColumns.size(); i++) {
            select.append(i == 0 ? "" : ", ").append(keyAlias).append('.').append(dialect.quote(keyColumns.get(i)
                    .name())).append(" AS sentro_k").append(i);
        }
        for (Column column : plan.projection()) {
            select.append(", sentro_t.").append(dialect.quote(column.name()));
        }
        StringBuilder from = new StringBuilder(128).append(" FROM ").append(parts.table(plan.target()).name)
                .append(" sentro_t");
        if (plan.through() != null) {
            from.append(" JOIN ").append(parts.table(plan.through()).name).append(" sentro_j ON ");
            conditions.equalColumns(from, "sentro_j", relation.through().targetColumns(), "sentro_t",
                    relation.targetColumns());
        }
        from.append(" WHERE ");
        conditions.keyIn(from, parameters, keyAlias, keyColumns, parentKeys);
        if (!plan.condition().isEmpty()) {
            from.append(" AND ");
            conditions.predicate(from, parameters, plan.condition(), "sentro_t.", "sentro_t", 0);
        }
        if (!plan.throughScope().isEmpty()) {
            from.append(" AND ");
            conditions.predicate(from, parameters, plan.throughScope(), "sentro_j.", "sentro_j", 0);
        }
        List<Column> resultColumns = new ArrayList<>(keyColumns);
        resultColumns.addAll(plan.projection());
        if (!plan.toMany()) {
            return new SqlStatement(select.append(from).toString(), parameters, resultColumns);
        }
        StringBuilder order = new StringBuilder();
        for (SortOrder item : plan.order()) {
            order.append(order.isEmpty() ? "" : ", ").append("sentro_t.").append(dialect.quote(item.column().name()))
                    .append(item.descending() ? " DESC" : "");
        }
        if (parentKeys.size() == 1) {
            StringBuilder sql = select.append(from);
            if (!order.isEmpty()) {
                sql.append(" ORDER BY ").append(order);
            }
            dialect.paginate(sql, !order.isEmpty(), plan.limit(), 0);
            return new SqlStatement(sql.toString(), parameters, resultColumns);
        }
        StringBuilder partition = new StringBuilder();
        for (Column keyColumn : keyColumns) {
            partition.append(partition.isEmpty() ? "" : ", ").append(keyAlias).append('.')
                    .append(dialect.quote(keyColumn.name()));
        }
        StringBuilder outer = new StringBuilder(256).append("SELECT ");
        for (int i = 0; i < keyColumns.size(); i++) {
            outer.append(i == 0 ? "" : ", ").append("sentro_k").append(i);
        }
        for (Column column : plan.projection()) {
            outer.append(", ").append(dialect.quote(column.name()));
        }
        outer.append(" FROM (").append(select).append(", ROW_NUMBER() OVER (PARTITION BY ").append(partition)
                .append(" ORDER BY ").append(order.isEmpty() ? partition : order).append(") AS sentro_rn")
                .append(from).append(") sentro_page WHERE sentro_rn <= ").append(plan.limit())
                .append(" ORDER BY sentro_rn"); // a literal, as dialect.paginate explains
        return new SqlStatement(outer.toString(), parameters, resultColumns);
    }
}
