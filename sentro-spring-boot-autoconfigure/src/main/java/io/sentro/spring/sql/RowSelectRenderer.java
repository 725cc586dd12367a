package io.sentro.spring.sql;

import java.util.ArrayList;
import java.util.List;

import io.sentro.spring.dialect.SqlDialect;
import io.sentro.spring.plan.Condition;
import io.sentro.spring.plan.Key;
import io.sentro.spring.schema.Column;
import io.sentro.spring.schema.Table;

/** Renders the SELECTs of whole rows by key or by condition, which writes and the {@code db} helper read. */
record RowSelectRenderer(SqlDialect dialect, SqlParts parts, ConditionSql conditions) {

    /** One row by key, when it also meets {@code scope}. */
    SqlStatement selectByKey(Table table, List<Column> projection, Key key, Condition scope) {
        TableSql tableSql = parts.table(table);
        String sql = projection == table.columns() ? tableSql.selectByKey : "SELECT " + parts.columnList(projection)
                + " FROM " + tableSql.name + " WHERE " + tableSql.keyPredicate;
        if (scope.isEmpty()) {
            return new SqlStatement(sql, parts.keyParameters(key), projection);
        }
        List<Object> parameters = parts.keyParameters(key);
        StringBuilder scoped = new StringBuilder(sql);
        conditions.andScope(scoped, parameters, scope);
        return new SqlStatement(scoped.toString(), parameters, projection);
    }

    /** Every row matching a condition, in primary key order, unpaged: for the {@code db} helper. */
    SqlStatement selectWhere(Table table, Condition condition) {
        TableSql tableSql = parts.table(table);
        List<Object> parameters = new ArrayList<>();
        StringBuilder sql = new StringBuilder(128).append("SELECT ").append(tableSql.allColumns).append(" FROM ")
                .append(tableSql.name);
        conditions.where(sql, parameters, condition, table);
        for (int i = 0; i < table.primaryKey().size(); i++) {
            sql.append(i == 0 ? " ORDER BY " : ", ").append(dialect.quote(table.primaryKey().get(i)));
        }
        return new SqlStatement(sql.toString(), parameters, table.columns());
    }

    /**
     * Every row that meets a condition, whole, in primary key order, locked for the rest of the transaction
     * ({@link SqlDialect#lockingClause()}): the rows a bulk write is about to change, read before it so that hooks see
     * them as they were and no other writer changes them in between.
     */
    SqlStatement selectForUpdate(Table table, Condition condition) {
        TableSql tableSql = parts.table(table);
        List<Object> parameters = new ArrayList<>();
        StringBuilder sql = new StringBuilder(128).append("SELECT ").append(tableSql.allColumns).append(" FROM ")
                .append(tableSql.name).append(dialect.lockedTableHint());
        conditions.where(sql, parameters, condition, table);
        for (int i = 0; i < table.primaryKey().size(); i++) {
            sql.append(i == 0 ? " ORDER BY " : ", ").append(dialect.quote(table.primaryKey().get(i)));
        }
        sql.append(dialect.lockingClause());
        return new SqlStatement(sql.toString(), parameters, table.columns());
    }

    /** Whole rows by their keys (at most {@link SqlRenderer#MAX_KEYS_PER_STATEMENT}), in primary key order. */
    SqlStatement selectByKeys(Table table, List<List<Object>> keys) {
        if (keys.isEmpty() || keys.size() > SqlRenderer.MAX_KEYS_PER_STATEMENT) {
            throw new IllegalArgumentException("Between 1 and " + SqlRenderer.MAX_KEYS_PER_STATEMENT + " keys, not "
                    + keys.size());
        }
        TableSql tableSql = parts.table(table);
        List<Object> parameters = new ArrayList<>(keys.size());
        StringBuilder sql = new StringBuilder(128).append("SELECT ").append(tableSql.allColumns("sentro_t"))
                .append(" FROM ").append(tableSql.name).append(" sentro_t WHERE ");
        conditions.keyIn(sql, parameters, "sentro_t", table.primaryKeyColumns(), keys);
        for (int i = 0; i < table.primaryKey().size(); i++) {
            sql.append(i == 0 ? " ORDER BY " : ", ").append("sentro_t.").append(dialect.quote(table.primaryKey()
                    .get(i)));
        }
        return new SqlStatement(sql.toString(), parameters, table.columns());
    }
}
