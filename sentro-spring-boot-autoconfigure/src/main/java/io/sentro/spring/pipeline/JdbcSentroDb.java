package io.sentro.spring.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.sentro.spring.customize.SentroDb;
import io.sentro.spring.customize.SqlExpression;
import io.sentro.spring.execute.SqlExecutor;
import io.sentro.spring.plan.Condition;
import io.sentro.spring.plan.Filter;
import io.sentro.spring.plan.Increment;
import io.sentro.spring.plan.RawValue;
import io.sentro.spring.plan.RowTags;
import io.sentro.spring.plan.ValueConverter;
import io.sentro.spring.request.Operator;
import io.sentro.spring.schema.Column;
import io.sentro.spring.schema.SchemaModel;
import io.sentro.spring.schema.Table;

import org.jspecify.annotations.Nullable;

/**
 * The {@code db} helper: names checked against the served model, values converted to column types and bound.
 * Statements run on the application's DataSource through Spring's transaction synchronisation, so inside a write
 * operation they share its connection and transaction.
 */
final class JdbcSentroDb implements SentroDb {

    private final SchemaModel model;
    private final ValueConverter values;
    private final SqlExecutor executor;
    private final RowTags tags;

    /** @param tags knows the version column, which the helper's updates move as the API's do */
    JdbcSentroDb(SchemaModel model, ValueConverter values, SqlExecutor executor, RowTags tags) {
        this.model = model;
        this.values = values;
        this.executor = executor;
        this.tags = tags;
    }

    @Override
    public List<Map<String, @Nullable Object>> get(String table, Map<String, ?> where) {
        Table served = table(table);
        return executor.selectWhere(served, condition(served, where));
    }

    @Override
    public @Nullable Map<String, @Nullable Object> getSingle(String table, Map<String, ?> where) {
        List<Map<String, @Nullable Object>> rows = get(table, where);
        if (rows.size() > 1) {
            throw new IllegalStateException("db.getSingle on '" + table + "' matched " + rows.size() + " rows");
        }
        return rows.isEmpty() ? null : rows.get(0);
    }

    @Override
    public Map<String, @Nullable Object> insert(String table, Map<String, ?> data) {
        Table served = table(table);
        return executor.insertOne(served, columnValues(served, data));
    }

    @Override
    public int update(String table, Map<String, ?> data, Map<String, ?> where) {
        Table served = table(table);
        if (where.isEmpty()) {
            throw new IllegalArgumentException("db.update on '" + table + "' needs a non-empty where");
        }
        if (data.isEmpty()) {
            throw new IllegalArgumentException("db.update on '" + table + "' needs data");
        }
        Map<Column, @Nullable Object> row = columnValues(served, data);
        // Hooks and actions change rows too: their updates move the version, so that If-Match sees them.
        tags.versionColumn(served).filter(version -> !row.containsKey(version))
                .ifPresent(version -> row.put(version, new Increment()));
        return executor.updateWhere(served, row, condition(served, where));
    }

    @Override
    public int delete(String table, Map<String, ?> where) {
        Table served = table(table);
        if (where.isEmpty()) {
            throw new IllegalArgumentException("db.delete on '" + table + "' needs a non-empty where");
        }
        return executor.deleteWhere(served, condition(served, where));
    }

    private Table table(String name) {
        return model.table(name).orElseThrow(() -> new IllegalArgumentException("db: unknown table '" + name + "'"));
    }

    private static Column column(Table table, String name) {
        return table.column(name).orElseThrow(() -> new IllegalArgumentException("db: table '" + table.name()
                + "' has no column '" + name + "'"));
    }

    private Map<Column, @Nullable Object> columnValues(Table table, Map<String, ?> data) {
        Map<Column, @Nullable Object> row = new LinkedHashMap<>();
        data.forEach((name, value) -> {
            Column column = column(table, name);
            row.put(column, value instanceof SqlExpression expression ? new RawValue(expression.sql())
                    : values.fromObject(column, value, name));
        });
        return row;
    }

    private Condition condition(Table table, Map<String, ?> where) {
        List<Filter> filters = new ArrayList<>(where.size());
        where.forEach((name, value) -> {
            Column column = column(table, name);
            filters.add(value == null ? new Filter(column, Operator.IS_NULL, Boolean.TRUE)
                    : new Filter(column, Operator.EQ, values.fromObject(column, value, name)));
        });
        return Condition.allOf(filters);
    }
}
