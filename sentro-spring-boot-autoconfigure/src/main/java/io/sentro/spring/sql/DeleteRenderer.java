package io.sentro.spring.sql;

import java.util.ArrayList;
import java.util.List;

import io.sentro.spring.dialect.ReturningStyle;
import io.sentro.spring.dialect.SqlDialect;
import io.sentro.spring.plan.Condition;
import io.sentro.spring.plan.Key;
import io.sentro.spring.plan.OperationPlan.DeleteWherePlan;
import io.sentro.spring.schema.Table;

/** Renders the DELETE of one row by key or of every row matching a condition. */
record DeleteRenderer(SqlDialect dialect, SqlParts parts, ConditionSql conditions) {

    /** A DELETE of one row by key, when it meets {@code scope}. */
    SqlStatement delete(Table table, Key key, Condition scope) {
        if (scope.isEmpty()) {
            return new SqlStatement(parts.table(table).deleteByKey, parts.keyParameters(key), List.of());
        }
        List<Object> parameters = parts.keyParameters(key);
        StringBuilder sql = new StringBuilder(parts.table(table).deleteByKey);
        conditions.andScope(sql, parameters, scope);
        return new SqlStatement(sql.toString(), parameters, List.of());
    }

    /**
     * A bulk DELETE of every row that meets the plan's condition. With {@code returning} it returns the deleted rows
     * where the dialect can ({@link SqlDialect#deleteReturning()}).
     */
    SqlStatement deleteWhere(DeleteWherePlan plan, boolean returning) {
        TableSql tableSql = parts.table(plan.table());
        ReturningStyle style = returning ? dialect.deleteReturning() : ReturningStyle.RESELECT;
        List<Object> parameters = new ArrayList<>();
        StringBuilder sql = new StringBuilder(128).append("DELETE FROM ").append(tableSql.name);
        sql.append(style.output(tableSql.outputDeleted));
        conditions.writeWhere(sql, parameters, plan.condition(), plan.table());
        sql.append(style.end(tableSql.allColumns));
        return new SqlStatement(sql.toString(), parameters, style.resultColumns(plan.table()));
    }
}
