package io.sentro.spring.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.sentro.spring.error.ErrorCode;
import io.sentro.spring.error.SentroException;
import io.sentro.spring.plan.OperationPlan.CreatePlan;
import io.sentro.spring.plan.OperationPlan.DeletePlan;
import io.sentro.spring.plan.OperationPlan.DeleteWherePlan;
import io.sentro.spring.plan.OperationPlan.UpdatePlan;
import io.sentro.spring.plan.OperationPlan.UpdateWherePlan;
import io.sentro.spring.query.ListQuery;
import io.sentro.spring.schema.Column;
import io.sentro.spring.schema.Table;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Checks write requests against a table and produces write plans: unknown fields, fields the database fills, values
 * that do not convert, values outside the caller's row scope and missing required values are refused here, before any
 * SQL is rendered. Bodies are read into typed rows before the hooks run ({@link #createBody}, {@link #updateBody});
 * the plans are made from what the hooks leave ({@link #create}, {@link #update}).
 */
public final class WritePlanner {

    private final ValueConverter values;
    private final Planner reads;
    private final RowTags tags;
    private final boolean roundDecimals;
    private final NestedBodies nested;

    /** @param reads plans the filters of bulk writes and the caller's row scope, as for reads */
    public WritePlanner(ValueConverter values, Planner reads) {
        this(values, reads, new RowTags(null), false);
    }

    /**
     * @param tags knows the version column, which every update increments and no client writes
     * @param roundDecimals whether a decimal with more places than its column keeps is rounded to them
     * ({@code sentro.writes.round-decimals}) rather than refused
     */
    public WritePlanner(ValueConverter values, Planner reads, RowTags tags, boolean roundDecimals) {
        this(values, reads, tags, roundDecimals, 1000);
    }

    /**
     * @param maxRows the most rows one request may write ({@code sentro.writes.max-rows}); a nested insert counts
     * every related row it creates
     */
    public WritePlanner(ValueConverter values, Planner reads, RowTags tags, boolean roundDecimals, int maxRows) {
        this.values = values;
        this.reads = reads;
        this.tags = tags;
        this.roundDecimals = roundDecimals;
        this.nested = new NestedBodies(this, reads, maxRows);
    }

    /** The caller's row scope on a table, as a condition (see {@link Planner#scope}). */
    public Condition scope(Table table, Grant grant) {
        return reads.scope(table, grant);
    }

    /** The typed key of a row from the path's raw values. */
    public Key key(Table table, List<String> rawKey) {
        return reads.key(table, rawKey);
    }

    /** The rows of a create body: a JSON object (one row) or a JSON array of objects (several rows). */
    public record BodyRows(List<Map<String, @Nullable Object>> rows, boolean many) {
    }

    /**
     * Reads a create body into rows of typed values keyed by column name. Unknown fields, fields the database fills
     * and values that do not convert are refused here, before any hook runs.
     */
    public BodyRows createBody(Table table, JsonNode given, Grant grant) {
        return reads.planned("create", table, () -> createBodyUnobserved(table, given, grant));
    }

    private BodyRows createBodyUnobserved(Table table, JsonNode given, Grant grant) {
        JsonNode body = nested.withoutEmptyRelations(table, given);
        if (body.isObject()) {
            return new BodyRows(List.of(scoped(table, bodyValues(table, body, "", grant), "", grant, true)), false);
        }
        if (body.isArray()) {
            List<JsonNode> items = objects(body, "create");
            List<Map<String, @Nullable Object>> rows = new ArrayList<>(items.size());
            for (int i = 0; i < items.size(); i++) {
                String prefix = "[" + i + "].";
                rows.add(scoped(table, bodyValues(table, items.get(i), prefix, grant), prefix, grant, true));
            }
            return new BodyRows(rows, true);
        }
        throw new SentroException(ErrorCode.INVALID_BODY, "The body must be a JSON object, or an array of objects",
                "body");
    }

    /**
     * Whether a create body carries related rows inline: an object with a field that names a relation of the table
     * rather than a column ({@code "comments": [...]} on a post).
     */
    public boolean hasNestedRows(Table table, JsonNode body) {
        return nested.hasNestedRows(table, body);
    }

    /**
     * Reads the body of a nested insert: each row with its own typed values and its related rows, checked against the
     * model and the caller's CREATE grant on every table it reaches ({@code createGrants}, which throws the access
     * problem for a table the caller may not create in), before anything is written.
     */
    public NestedRow.Body nestedBody(Table table, JsonNode body, Grant grant,
            java.util.function.Function<Table, Grant> createGrants) {
        return reads.planned("nested_create", table, () -> nested.read(table, body, grant, createGrants));
    }

    /**
     * The objects of an array body, in order: an empty array, or an item that is not an object, is a 400 naming the
     * item ({@code what} the rows are for: {@code create}, {@code update}).
     */
    static List<JsonNode> objects(JsonNode array, String what) {
        if (array.isEmpty()) {
            throw new SentroException(ErrorCode.INVALID_BODY, "The array of rows to " + what + " is empty", "body");
        }
        List<JsonNode> items = new ArrayList<>(array.size());
        for (JsonNode item : array.values()) {
            if (!item.isObject()) {
                throw new SentroException(ErrorCode.INVALID_BODY, "Item [" + items.size() + "] of the body must be a "
                        + "JSON object", "body");
            }
            items.add(item);
        }
        return items;
    }

    /** One object of a body read into typed values held to the row scope (scoped columns filled). */
    Map<String, @Nullable Object> rowValues(Table table, JsonNode object, String prefix, Grant grant) {
        return scoped(table, bodyValues(table, object, prefix, grant), prefix, grant, true);
    }

    /**
     * Reads an update body (a JSON object) into typed values keyed by column name. For a PUT, {@code replacedKey} is
     * the key in the path: a key column in the body may repeat it (as a row read with GET has it), even when the
     * database assigns that column, but may not differ from it.
     */
    public Map<String, @Nullable Object> updateBody(Table table, JsonNode body, @Nullable Key replacedKey,
            Grant grant) {
        return reads.planned("update", table, () -> updateBodyUnobserved(table, body, replacedKey, grant));
    }

    private Map<String, @Nullable Object> updateBodyUnobserved(Table table, JsonNode body, @Nullable Key replacedKey,
            Grant grant) {
        if (!body.isObject()) {
            throw new SentroException(ErrorCode.INVALID_BODY, "The body must be a JSON object", "body");
        }
        if (replacedKey == null) {
            return scoped(table, bodyValues(table, body, "", grant), "", grant, false);
        }
        tools.jackson.databind.node.ObjectNode rest = (tools.jackson.databind.node.ObjectNode) body.deepCopy();
        for (int i = 0; i < replacedKey.columns().size(); i++) {
            Column keyColumn = replacedKey.columns().get(i);
            JsonNode given = rest.remove(keyColumn.name());
            if (given != null && !sameValue(values.fromJson(keyColumn, given, keyColumn.name()),
                    replacedKey.values().get(i))) {
                throw new SentroException(ErrorCode.INVALID_BODY, "Field '" + keyColumn.name()
                        + "' differs from the key in the path; PUT replaces the row at its path", keyColumn.name());
            }
        }
        return scoped(table, bodyValues(table, rest, "", grant), "", grant, true);
    }

    private static boolean sameValue(@Nullable Object given, Object key) {
        if (given instanceof java.math.BigDecimal a && key instanceof java.math.BigDecimal b) {
            return a.compareTo(b) == 0;
        }
        return key.equals(given);
    }

    /**
     * Plans the insert of rows whose values may come from the client or from hooks: each value is converted to its
     * column's type and every required column must have one.
     */
    public CreatePlan create(Table table, List<Map<String, @Nullable Object>> rows, boolean many, Grant grant) {
        List<Map<Column, Object>> planned = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            planned.add(createRow(table, rows.get(i), many ? "[" + i + "]." : "", grant));
        }
        return new CreatePlan(table, planned, many);
    }

    /**
     * Plans the insert of one row of a body with many ({@code prefix} names it in errors: {@code [2].},
     * {@code comments[1].}).
     */
    public CreatePlan create(Table table, Map<String, @Nullable Object> row, String prefix, Grant grant) {
        return new CreatePlan(table, List.of(createRow(table, row, prefix, grant)), false);
    }

    /** One row to insert: converted, held to the row scope, with every required column. */
    private Map<Column, Object> createRow(Table table, Map<String, @Nullable Object> values, String prefix,
            Grant grant) {
        Map<Column, Object> row = columnValues(table, scoped(table, values, prefix, grant, true), prefix);
        tags.versionColumn(table).filter(version -> version.defaultValue() == null)
                .ifPresent(version -> row.put(version, this.values.fromObject(version, 1, version.name())));
        List<Column> missing = table.columns().stream()
                .filter(column -> column.requiredOnCreate() && !row.containsKey(column)).toList();
        if (missing.stream().anyMatch(column -> grant.hides(column.name()))) {
            // Naming a column the caller cannot see would reveal it.
            throw new SentroException(ErrorCode.MISSING_VALUE, "The row cannot be created: a required column that "
                    + "callers do not set has no value (the application must fill it)", null);
        }
        if (!missing.isEmpty()) {
            throw missing(missing, prefix);
        }
        return row;
    }

    /** Plans a partial update (PATCH) or a full replacement (PUT) of one row. */
    public UpdatePlan update(Table table, Key key, Map<String, @Nullable Object> values, boolean replace,
            Grant grant) {
        return update(table, key, values, replace, grant, "");
    }

    /** As {@link #update(Table, Key, Map, boolean, Grant)}; {@code prefix} names a bulk item in errors ({@code [2].}). */
    public UpdatePlan update(Table table, Key key, Map<String, @Nullable Object> values, boolean replace,
            Grant grant, String prefix) {
        Map<Column, Object> given = columnValues(table, scoped(table, values, prefix, grant, replace), prefix);
        if (replace) {
            for (int i = 0; i < key.columns().size(); i++) {
                Column keyColumn = key.columns().get(i);
                if (given.containsKey(keyColumn) && !key.values().get(i).equals(given.get(keyColumn))) {
                    throw new SentroException(ErrorCode.INVALID_BODY, "Field '" + keyColumn.name()
                            + "' differs from the key in the path; PUT replaces the row at its path", keyColumn.name());
                }
            }
            Map<Column, Object> replacement = new LinkedHashMap<>();
            for (Column column : table.columns()) {
                if (!column.writable() || key.columns().contains(column) || isVersion(table, column)) {
                    continue;
                }
                if (given.containsKey(column)) {
                    replacement.put(column, given.get(column));
                }
                else if (column.defaultValue() != null) {
                    replacement.put(column, RawValue.DEFAULT);
                }
                else if (column.nullable()) {
                    replacement.put(column, null);
                }
                else {
                    throw missing(List.of(column), "");
                }
            }
            given = replacement;
        }
        if (given.isEmpty()) {
            throw new SentroException(ErrorCode.INVALID_BODY, "The body names no column to update", "body");
        }
        return new UpdatePlan(table, key, versioned(table, given), replace, reads.scope(table, grant));
    }

    public DeletePlan delete(Table table, Key key, Grant grant) {
        return new DeletePlan(table, key, reads.scope(table, grant));
    }


    // ---- upserts ---------------------------------------------------------------------------------------------------

    /**
     * The key an upsert conflicts on: the primary key without {@code on_conflict}, else the primary or unique key
     * whose columns it names (in any order). Anything else is a 400 naming {@code on_conflict} and the table's keys.
     */
    public List<Column> conflictKey(Table table, @Nullable List<String> onConflict) {
        List<List<String>> keys = new ArrayList<>();
        if (table.hasPrimaryKey()) {
            keys.add(table.primaryKey());
        }
        table.uniqueConstraints().forEach(unique -> keys.add(unique.columns()));
        if (onConflict == null) {
            if (!table.hasPrimaryKey()) {
                throw new SentroException(ErrorCode.INVALID_PARAMETER, "'" + table.name() + "' has no primary key: "
                        + "name the unique key an upsert matches rows on with on_conflict" + describeKeys(keys),
                        "on_conflict");
            }
            return table.primaryKeyColumns();
        }
        for (List<String> key : keys) {
            if (key.size() == onConflict.size() && new java.util.HashSet<>(key).equals(new java.util.HashSet<>(
                    onConflict))) {
                return key.stream().map(name -> table.column(name).orElseThrow()).toList();
            }
        }
        throw new SentroException(ErrorCode.INVALID_PARAMETER, "on_conflict=" + String.join(",", onConflict)
                + " is not a unique key of '" + table.name() + "'" + describeKeys(keys), "on_conflict");
    }

    private static String describeKeys(List<List<String>> keys) {
        return keys.isEmpty() ? "; it has none" : "; its keys: " + String.join("; ", keys.stream()
                .map(key -> String.join(",", key)).toList());
    }

    /**
     * Plans the upsert of one row (values from the client or hooks, as for a create): converted, held to the row
     * scope, the required columns given, and every column of the conflict key given ({@code prefix} names the item of
     * an array in errors).
     */
    public OperationPlan.UpsertPlan upsert(Table table, Map<String, @Nullable Object> row, List<Column> conflict,
            boolean merge, Grant grant, String prefix) {
        Map<Column, Object> planned = createRow(table, row, prefix, grant);
        List<String> missing = conflict.stream().filter(column -> !planned.containsKey(column))
                .map(column -> prefix + column.name()).toList();
        if (!missing.isEmpty()) {
            throw new SentroException(ErrorCode.MISSING_VALUE, "An upsert finds the existing row by ("
                    + String.join(", ", conflict.stream().map(Column::name).toList()) + "): missing field"
                    + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing), missing.get(0));
        }
        return new OperationPlan.UpsertPlan(table, planned, conflict, merge, tags.versionColumn(table).orElse(null));
    }

    // ---- bulk writes --------------------------------------------------------------------------------------------

    /**
     * The rows a bulk PATCH or DELETE changes: the list's filters, OR groups, search and related-row filters, and the
     * caller's row scope. A request that filters nothing is refused: "change every row" is never what a client
     * that forgot a parameter meant.
     */
    public Condition bulkCondition(Table table, ListQuery filter, Grant grant, Grants grants) {
        return reads.planned("bulk", table, () -> bulkConditionUnobserved(table, filter, grant, grants));
    }

    private Condition bulkConditionUnobserved(Table table, ListQuery filter, Grant grant, Grants grants) {
        if (filter.filters().isEmpty() && filter.anyOf().isEmpty() && filter.search() == null) {
            throw new SentroException(ErrorCode.FILTER_REQUIRED, "A PATCH or DELETE on '" + table.name() + "' itself "
                    + "changes the rows its filters select, and this one has none: add where.<column>.<operator>, "
                    + "or.<group>.*, or search (a filter that matches every row, such as where."
                    + firstColumn(table) + ".isNull=false, says so on purpose)", "where");
        }
        return reads.condition(table, filter, grant, grants);
    }

    /** Sets the same values on every row that meets {@code condition}; the values are held to the row scope. */
    public UpdateWherePlan updateWhere(Table table, Condition condition, Map<String, @Nullable Object> values,
            Grant grant) {
        Map<Column, Object> given = columnValues(table, scoped(table, values, "", grant, false), "");
        if (given.isEmpty()) {
            throw new SentroException(ErrorCode.INVALID_BODY, "The body names no column to update", "body");
        }
        return new UpdateWherePlan(table, versioned(table, given), condition);
    }

    /** Deletes every row that meets {@code condition}. */
    public DeleteWherePlan deleteWhere(Table table, Condition condition) {
        return new DeleteWherePlan(table, condition);
    }

    /** One object of a PATCH with an array body: the row its key columns name, and the values to set on it. */
    public record KeyedValues(Key key, Map<String, @Nullable Object> values, String prefix) {
    }

    /**
     * Reads a PATCH body that is an array of objects, each naming its row by its primary key columns and carrying the
     * values to set on it. Mistakes name the item: {@code [2].id}.
     */
    public List<KeyedValues> keyedUpdates(Table table, JsonNode body, Grant grant) {
        List<JsonNode> items = objects(body, "update");
        List<KeyedValues> updates = new ArrayList<>(items.size());
        for (int index = 0; index < items.size(); index++) {
            JsonNode item = items.get(index);
            String prefix = "[" + index + "].";
            tools.jackson.databind.node.ObjectNode rest = (tools.jackson.databind.node.ObjectNode) item.deepCopy();
            List<Object> keyValues = new ArrayList<>();
            for (Column keyColumn : table.primaryKeyColumns()) {
                JsonNode given = rest.remove(keyColumn.name());
                if (given == null || given.isNull()) {
                    throw new SentroException(ErrorCode.MISSING_VALUE, "Item " + prefix.substring(0,
                            prefix.length() - 1) + " must name its row by its key: field '" + prefix + keyColumn.name()
                            + "' is missing", prefix + keyColumn.name());
                }
                keyValues.add(values.fromJson(keyColumn, given, prefix + keyColumn.name()));
            }
            Map<String, @Nullable Object> changes = scoped(table, bodyValues(table, rest, prefix, grant), prefix, grant,
                    false);
            if (changes.isEmpty()) {
                throw new SentroException(ErrorCode.INVALID_BODY, "Item " + prefix.substring(0, prefix.length() - 1)
                        + " names no column to update besides its key", "body");
            }
            updates.add(new KeyedValues(new Key(table.primaryKeyColumns(), keyValues), changes, prefix));
        }
        return updates;
    }

    private static String firstColumn(Table table) {
        return table.hasPrimaryKey() ? table.primaryKey().get(0) : table.columns().get(0).name();
    }

    /**
     * A row about to be written, held to the caller's row scope: a scoped column left out is filled with the caller's
     * value when they have exactly one (and {@code fill}, for creates and replacements); a value outside the scope, or
     * a write by a caller scoped to nothing, is refused with 403 and nothing is written.
     */
    private Map<String, @Nullable Object> scoped(Table table, Map<String, @Nullable Object> row, String prefix,
            Grant grant, boolean fill) {
        if (!grant.scoped()) {
            return row;
        }
        if (grant.noRows()) {
            throw new SentroException(ErrorCode.FORBIDDEN, "Your row scope on '" + table.name() + "' allows no rows: "
                    + "you may not write to it", null).withExtensions(Map.of("table", table.name()));
        }
        Map<String, @Nullable Object> checked = row;
        for (Grant.ScopedColumn scoped : grant.scope()) {
            Column column = table.column(scoped.column()).orElseThrow();
            List<Object> allowed = reads.allowedValues(column, scoped);
            String field = prefix + column.name();
            if (!row.containsKey(column.name())) {
                if (!fill) {
                    continue;
                }
                if (allowed.size() != 1) {
                    throw new SentroException(ErrorCode.FORBIDDEN, "Field '" + field + "' must be given: your row "
                            + "scope on '" + table.name() + "' allows " + describe(allowed), field)
                            .withExtensions(Map.of("table", table.name()));
                }
                if (checked == row) {
                    checked = new LinkedHashMap<>(row);
                }
                checked.put(column.name(), allowed.get(0));
                continue;
            }
            Object given = values.fromObject(column, row.get(column.name()), field);
            if (allowed.stream().noneMatch(value -> given != null && sameValue(given, value))) {
                throw new SentroException(ErrorCode.FORBIDDEN, "Field '" + field + "' is outside your row scope on '"
                        + table.name() + "': it may only be " + describe(allowed), field)
                        .withExtensions(Map.of("table", table.name()));
            }
        }
        return checked;
    }

    private static String describe(List<Object> allowed) {
        if (allowed.isEmpty()) {
            return "no value";
        }
        return allowed.size() == 1 ? String.valueOf(allowed.get(0))
                : "one of " + String.join(", ", allowed.stream().map(String::valueOf).toList());
    }

    private Map<String, @Nullable Object> bodyValues(Table table, JsonNode body, String prefix, Grant grant) {
        Map<String, @Nullable Object> row = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : body.properties()) {
            Column column = writableColumn(table, field.getKey(), prefix + field.getKey(), grant);
            row.put(column.name(), values.fromJsonForHooks(column, field.getValue(), prefix + field.getKey()));
        }
        return row;
    }

    private Map<Column, Object> columnValues(Table table, Map<String, @Nullable Object> values, String prefix) {
        Map<Column, Object> row = new LinkedHashMap<>();
        for (Map.Entry<String, @Nullable Object> field : values.entrySet()) {
            Column column = writableColumn(table, field.getKey(), prefix + field.getKey(), Grant.FULL);
            Object value = this.values.fromObject(column, field.getValue(), prefix + field.getKey());
            row.put(column, value instanceof java.math.BigDecimal decimal ? fitted(column, decimal,
                    prefix + field.getKey()) : value);
        }
        return row;
    }

    /**
     * A decimal as its column stores it: the databases round (PostgreSQL, MySQL) or refuse (SQL Server, MySQL in strict
     * mode) a value with more places than the column keeps, so it is refused here, naming the field, unless
     * {@code roundDecimals}; a value with more digits before the point than the column has is refused always (the
     * database would say only that some value overflowed).
     */
    private java.math.BigDecimal fitted(Column column, java.math.BigDecimal value, String field) {
        Integer declaredPrecision = column.type().precision();
        Integer declaredScale = column.type().scale();
        if (declaredPrecision == null || declaredScale == null) {
            return value;
        }
        int precision = declaredPrecision;
        int scale = declaredScale;
        java.math.BigDecimal fitted = value;
        java.math.BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() > scale) {
            if (!roundDecimals) {
                throw new SentroException(ErrorCode.INVALID_VALUE, "Field '" + field + "' has " + stripped.scale()
                        + " decimal places; column '" + column.name() + "' (" + column.type().databaseType() + ") keeps "
                        + scale + ". Send at most " + scale + " (sentro.writes.round-decimals=true rounds instead)",
                        field);
            }
            fitted = value.setScale(scale, java.math.RoundingMode.HALF_UP);
        }
        int integerDigits = fitted.precision() - fitted.scale();
        if (fitted.signum() != 0 && integerDigits > precision - scale) {
            throw new SentroException(ErrorCode.INVALID_VALUE, "Field '" + field + "' is too large for column '"
                    + column.name() + "' (" + column.type().databaseType() + "): at most " + (precision - scale)
                    + " digits before the decimal point", field);
        }
        return fitted;
    }

    /** The values of an update, and the version column's increment when the table has one. */
    private Map<Column, Object> versioned(Table table, Map<Column, Object> given) {
        tags.versionColumn(table).ifPresent(version -> given.put(version, new Increment()));
        return given;
    }

    private boolean isVersion(Table table, Column column) {
        return tags.versionColumn(table).filter(column::equals).isPresent();
    }

    private Column writableColumn(Table table, String name, String parameter, Grant grant) {
        Column column = table.column(name).filter(found -> !grant.hides(found.name())).orElseThrow(() ->
                new SentroException(ErrorCode.UNKNOWN_COLUMN, "Unknown field '" + parameter + "': table '"
                        + table.name() + "' has no column '" + name + "'. Columns: " + Planner.columnNames(table, grant),
                        parameter));
        if (!column.writable()) {
            throw new SentroException(ErrorCode.READ_ONLY_COLUMN, "Field '" + parameter + "' cannot be written: "
                    + readOnlyReason(column), parameter);
        }
        if (isVersion(table, column)) {
            throw new SentroException(ErrorCode.READ_ONLY_COLUMN, "Field '" + parameter + "' cannot be written: "
                    + "column '" + column.name() + "' versions the rows of '" + table.name() + "' "
                    + "(sentro.concurrency.version-column); Sentro increments it on every update", parameter);
        }
        return column;
    }

    private static String readOnlyReason(Column column) {
        if (column.managed()) {
            return "column '" + column.name() + "' versions the rows (sentro.concurrency.version-column); Sentro "
                    + "increments it on every update";
        }
        if (column.generated()) {
            return "column '" + column.name() + "' is generated by the database";
        }
        if (column.autoIncrement()) {
            return "column '" + column.name() + "' is assigned by the database (identity/auto-increment)";
        }
        if (!column.updatable()) {
            return "column '" + column.name() + "' of this view is not updatable";
        }
        return "column '" + column.name() + "' has type " + column.type().databaseType()
                + ", which Sentro serves read-only";
    }

    /** Required columns without a value; {@code prefix} is a bulk row's {@code [i].}, for the parameter names. */
    private static SentroException missing(List<Column> columns, String prefix) {
        List<String> names = columns.stream().map(column -> prefix + column.name()).toList();
        return new SentroException(ErrorCode.MISSING_VALUE, "Missing required field" + (names.size() > 1 ? "s " : " ")
                + String.join(", ", names) + " (NOT NULL without a default)", names.get(0));
    }
}
