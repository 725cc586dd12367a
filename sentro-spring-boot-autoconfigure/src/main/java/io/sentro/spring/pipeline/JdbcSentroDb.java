package io.sentro.spring.pipeline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.sentro.spring.customize.SentroDb;
import io.sentro.spring.customize.SqlExpression;
import io.sentro.spring.events.ChangeEvents;
import io.sentro.spring.execute.SqlExecutor;
import io.sentro.spring.execute.SqlExecutor.Written;
import io.sentro.spring.plan.Condition;
import io.sentro.spring.plan.Filter;
import io.sentro.spring.plan.Increment;
import io.sentro.spring.plan.OperationPlan.UpdateWherePlan;
import io.sentro.spring.plan.RawValue;
import io.sentro.spring.plan.RowTags;
import io.sentro.spring.plan.ValueConverter;
import io.sentro.spring.query.Operator;
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
    private final ChangeEvents events;

    /**
     * @param tags knows the version column, which the helper's updates move as the API's do
     * @param events the change events its writes make, in a transaction (the caller's, or one of their own)
     */
    JdbcSentroDb(SchemaModel model, ValueConverter values, SqlExecutor executor, RowTags tags, ChangeEvents events) {
        this.events = events;
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
        Map<Column, @Nullable Object> row = columnValues(served, data);
        if (!events.enabled(served)) {
            return executor.insertOne(served, row);
        }
        return executor.inTransaction(served, () -> {
            Map<String, @Nullable Object> created = executor.insertOne(served, row);
            events.record(served, "create", null, created, ChangeEvents.principal());
            return created;
        });
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
        Condition condition = condition(served, where);
        if (!events.enabled(served) || !served.hasPrimaryKey()) {
            return executor.updateWhere(served, row, condition);
        }
        // Each row before (locked) and after, for its event: the rows after come from the UPDATE itself (where the
        // dialect returns them; else read again by key in one query), paired with the rows before by key.
        return executor.inTransaction(served, () -> {
            List<Map<String, @Nullable Object>> before = executor.selectForUpdate(served, condition);
            Written written = executor.updateWhere(new UpdateWherePlan(served, row, condition), true, 0);
            Map<List<@Nullable Object>, Map<String, @Nullable Object>> after = new HashMap<>();
            written.rows().forEach(updated -> after.put(key(served, updated), updated));
            for (Map<String, @Nullable Object> previous : before) {
                Map<String, @Nullable Object> updated = after.get(keyAfter(served, previous, row));
                if (updated == null && before.size() == 1 && written.rows().size() == 1) {
                    updated = written.rows().get(0); // its key set by an expression: the one row written is it
                }
                events.record(served, "update", previous, updated, ChangeEvents.principal());
            }
            return (int) written.count();
        });
    }

    private static List<@Nullable Object> key(Table table, Map<String, @Nullable Object> row) {
        List<@Nullable Object> key = new ArrayList<>();
        table.primaryKeyColumns().forEach(column -> key.add(row.get(column.name())));
        return key;
    }

    /** A row's key after an update that may set key columns ({@code null} parts: set by an expression, unknown). */
    private static List<@Nullable Object> keyAfter(Table table, Map<String, @Nullable Object> previous,
            Map<Column, @Nullable Object> values) {
        List<@Nullable Object> key = new ArrayList<>();
        for (Column column : table.primaryKeyColumns()) {
            if (!values.containsKey(column)) {
                key.add(previous.get(column.name()));
            }
            else {
                Object value = values.get(column);
                key.add(value instanceof RawValue || value instanceof Increment ? null : value);
            }
        }
        return key;
    }

    @Override
    public int delete(String table, Map<String, ?> where) {
        Table served = table(table);
        if (where.isEmpty()) {
            throw new IllegalArgumentException("db.delete on '" + table + "' needs a non-empty where");
        }
        Condition condition = condition(served, where);
        if (!events.enabled(served) || !served.hasPrimaryKey()) {
            return executor.deleteWhere(served, condition);
        }
        return executor.inTransaction(served, () -> {
            List<Map<String, @Nullable Object>> before = executor.selectForUpdate(served, condition);
            int deleted = executor.deleteWhere(served, condition);
            before.forEach(previous -> events.record(served, "delete", previous, null, ChangeEvents.principal()));
            return deleted;
        });
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
