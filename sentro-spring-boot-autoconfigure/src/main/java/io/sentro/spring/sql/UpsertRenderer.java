package io.sentro.spring.sql;

import java.util.ArrayList;
import java.util.List;

import io.sentro.spring.dialect.SqlDialect;
import io.sentro.spring.dialect.UpsertStatement;
import io.sentro.spring.plan.OperationPlan.UpsertPlan;
import io.sentro.spring.schema.Column;

/** Renders an upsert of one row: the quoted parts of an {@link UpsertStatement} the dialect writes out. */
record UpsertRenderer(SqlDialect dialect, SqlParts parts) {

    /**
     * An upsert of one row ({@link SqlDialect#upsert}). Its result columns are the table's, plus what the dialect
     * reports the outcome with ({@link UpsertStatement.Outcome}); none where it reports an update count.
     */
    SqlStatement upsert(UpsertPlan plan) {
        TableSql tableSql = parts.table(plan.table());
        List<Object> parameters = new ArrayList<>(plan.row().size());
        List<String> columns = new ArrayList<>(plan.row().size());
        plan.row().forEach((column, value) -> {
            columns.add(dialect.quote(column.name()));
            parameters.add(parts.bind(column, value));
        });
        UpsertStatement upsert = new UpsertStatement(tableSql.name, columns, quoted(plan.conflict()),
                quoted(plan.updates()), plan.version() == null ? null : dialect.quote(plan.version().name()),
                plan.merge(), quoted(plan.table().columns()));
        boolean returnsRows = dialect.upsertOutcome() != UpsertStatement.Outcome.UPDATE_COUNT;
        return new SqlStatement(dialect.upsert(upsert), parameters, returnsRows ? plan.table().columns() : List.of());
    }

    private List<String> quoted(List<Column> columns) {
        List<String> quoted = new ArrayList<>(columns.size());
        for (Column column : columns) {
            quoted.add(dialect.quote(column.name()));
        }
        return quoted;
    }
}
