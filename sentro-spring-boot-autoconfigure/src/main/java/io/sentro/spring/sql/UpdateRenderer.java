package io.sentro.spring.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.sentro.spring.dialect.ReturningStyle;
import io.sentro.spring.dialect.SqlDialect;
import io.sentro.spring.plan.Condition;
import io.sentro.spring.plan.Key;
import io.sentro.spring.plan.OperationPlan.UpdateWherePlan;
import io.sentro.spring.schema.Column;
import io.sentro.spring.schema.Table;

import org.jspecify.annotations.Nullable;

/** Renders the UPDATE of one row by key or of every row matching a condition. */
record UpdateRenderer(SqlDialect dialect, SqlParts parts, ConditionSql conditions) {

    /** An UPDATE of one row by key when it meets {@code scope}, returning the stored row when the dialect can. */
    SqlStatement update(Table table, Key key, Map<Column, @Nullable Object> values, Condition scope) {
        TableSql tableSql = parts.table(table);
        ReturningStyle returning = dialect.updateReturning();
        List<Object> parameters = new ArrayList<>(values.size() + key.values().size());
        StringBuilder sql = new StringBuilder(128).append("UPDATE ").append(tableSql.name).append(" SET ");
        parts.assignments(sql, parameters, values);
        sql.append(returning.output(tableSql.outputInserted)).append(" WHERE ").append(tableSql.keyPredicate);
        parameters.addAll(parts.keyParameters(key));
        conditions.andScope(sql, parameters, scope);
        sql.append(returning.end(tableSql.allColumns));
        return new SqlStatement(sql.toString(), parameters, returning.resultColumns(table));
    }

    /**
     * A bulk UPDATE: the same values on every row that meets the plan's condition. With {@code returning} it returns
     * the rows as stored where the dialect can ({@link SqlDialect#updateReturning()}); its result columns are then the
     * table's, and empty when it returns nothing.
     */
    SqlStatement updateWhere(UpdateWherePlan plan, boolean returning) {
        TableSql tableSql = parts.table(plan.table());
        ReturningStyle style = returning ? dialect.updateReturning() : ReturningStyle.RESELECT;
        List<Object> parameters = new ArrayList<>();
        StringBuilder sql = new StringBuilder(128).append("UPDATE ").append(tableSql.name).append(" SET ");
        parts.assignments(sql, parameters, plan.values());
        sql.append(style.output(tableSql.outputInserted));
        conditions.writeWhere(sql, parameters, plan.condition(), plan.table());
        sql.append(style.end(tableSql.allColumns));
        return new SqlStatement(sql.toString(), parameters, style.resultColumns(plan.table()));
    }
}
