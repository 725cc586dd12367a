package io.sentro.spring.sql;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import io.sentro.spring.dialect.SqlDialect;
import io.sentro.spring.plan.Increment;
import io.sentro.spring.plan.Key;
import io.sentro.spring.plan.RawValue;
import io.sentro.spring.schema.Column;
import io.sentro.spring.schema.SchemaModel;
import io.sentro.spring.schema.Table;

import org.jspecify.annotations.Nullable;

/**
 * What every statement renderer shares: each table's fixed fragments, rendered once, quoted column lists, and
 * values as bound parameters in the form the driver binds.
 */
final class SqlParts {

    private final SqlDialect dialect;
    private final Map<Table, TableSql> tables = new IdentityHashMap<>();

    SqlParts(SqlDialect dialect, SchemaModel model) {
        this.dialect = dialect;
        for (Table table : model.tables()) {
            tables.put(table, new TableSql(this, table));
        }
    }

    SqlDialect dialect() {
        return dialect;
    }

    /** {@code "a" = ?, "b" = DEFAULT, ...}: the SET list of an UPDATE. */
    void assignments(StringBuilder sql, List<Object> parameters, Map<Column, @Nullable Object> values) {
        int i = 0;
        for (Map.Entry<Column, Object> entry : values.entrySet()) {
            sql.append(i++ == 0 ? "" : ", ").append(dialect.quote(entry.getKey().name())).append(" = ");
            value(sql, parameters, entry.getKey(), entry.getValue());
        }
    }

    /** Appends a value to assign: a parameter, or SQL in its place ({@link RawValue}, {@link Increment}). */
    void value(StringBuilder sql, List<Object> parameters, Column column, @Nullable Object value) {
        if (value instanceof RawValue raw) {
            sql.append(raw.sql());
            return;
        }
        if (value instanceof Increment) {
            sql.append(dialect.quote(column.name())).append(" + 1");
            return;
        }
        sql.append('?');
        parameters.add(bind(column, value));
    }

    /** A value in the form the dialect binds for its column. */
    Object bind(Column column, @Nullable Object value) {
        return value == null ? dialect.bindNull(column.type()) : dialect.bindValue(column.type(), value);
    }

    /** The bound values of a key, in the order of its predicate. */
    List<Object> keyParameters(Key key) {
        List<Object> parameters = new ArrayList<>(key.values().size());
        for (int i = 0; i < key.columns().size(); i++) {
            parameters.add(bind(key.columns().get(i), key.values().get(i)));
        }
        return parameters;
    }

    /** {@code q."a", q."b", ...}: the quoted names of some columns, each prefixed with {@code qualifier}. */
    String columnList(String qualifier, List<Column> columns) {
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            list.append(i == 0 ? "" : ", ").append(qualifier).append(dialect.quote(columns.get(i).name()));
        }
        return list.toString();
    }

    /** {@code "a", "b", ...}: the quoted names of some columns. */
    String columnList(List<Column> columns) {
        return columnList("", columns);
    }

    /** The fixed parts of a table's statements. */
    TableSql table(Table table) {
        TableSql tableSql = tables.get(table);
        return tableSql != null ? tableSql : new TableSql(this, table);
    }
}
