package io.sentro.spring.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.sentro.spring.error.ErrorCode;
import io.sentro.spring.error.SentroException;
import io.sentro.spring.plan.OperationPlan.UpdatePlan;
import io.sentro.spring.plan.OperationPlan.UpdateWherePlan;
import io.sentro.spring.plan.OperationPlan.UpsertPlan;
import io.sentro.spring.schema.Column;
import io.sentro.spring.schema.Table;

import org.jspecify.annotations.Nullable;

/**
 * Plans the rows a write stores, from the values the client and the hooks leave: a row to insert (held to the row
 * scope, the version column started, every required column given), an upsert's row (and its conflict key given), an
 * update by key (a PUT replaces every writable column) and the values set on every row a condition selects.
 */
final class WritePlans {

    private final ValueConverter values;
    private final WriteColumns columns;
    private final RowScopes scopes;

    WritePlans(ValueConverter values, WriteColumns columns, RowScopes scopes) {
        this.values = values;
        this.columns = columns;
        this.scopes = scopes;
    }

    /** One row to insert: converted, held to the row scope, with every required column. */
    Map<Column, Object> createRow(Table table, Map<String, @Nullable Object> named, String prefix, Grant grant) {
        Map<Column, Object> row = columns.columnValues(table, scopes.held(table, named, prefix, grant, true), prefix);
        columns.versionColumn(table).filter(version -> version.defaultValue() == null)
                .ifPresent(version -> row.put(version, values.fromObject(version, 1, version.name())));
        List<Column> missing = table.columns().stream()
                .filter(column -> column.requiredOnCreate() && !row.containsKey(column)).toList();
        if (missing.stream().anyMatch(column -> grant.hides(column.name()))) {
            // Naming a column the caller cannot see would reveal it.
            throw new SentroException(ErrorCode.MISSING_VALUE, "The row cannot be created: a required column that "
                    + "callers do not set has no value (the application must fill it)", null);
        }
        if (!missing.isEmpty()) {
            throw WriteColumns.missing(missing, prefix);
        }
        return row;
    }

    /** See {@link WritePlanner#upsert}. */
    UpsertPlan upsert(Table table, Map<String, @Nullable Object> row, List<Column> conflict, boolean merge,
            Grant grant, String prefix) {
        Map<Column, Object> planned = createRow(table, row, prefix, grant);
        List<String> missing = conflict.stream().filter(column -> !planned.containsKey(column))
                .map(column -> prefix + column.name()).toList();
        if (!missing.isEmpty()) {
            throw new SentroException(ErrorCode.MISSING_VALUE, "An upsert finds the existing row by ("
                    + String.join(", ", conflict.stream().map(Column::name).toList()) + "): missing field"
                    + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing), missing.get(0));
        }
        return new UpsertPlan(table, planned, conflict, merge, columns.versionColumn(table).orElse(null));
    }

    /** See {@link WritePlanner#update(Table, Key, Map, boolean, Grant, String)}. */
    UpdatePlan update(Table table, Key key, Map<String, @Nullable Object> named, boolean replace, Grant grant,
            String prefix) {
        Map<Column, Object> given = columns.columnValues(table, scopes.held(table, named, prefix, grant, replace),
                prefix);
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
                if (!column.writable() || key.columns().contains(column) || columns.isVersion(table, column)) {
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
                    throw WriteColumns.missing(List.of(column), "");
                }
            }
            given = replacement;
        }
        if (given.isEmpty()) {
            throw new SentroException(ErrorCode.INVALID_BODY, "The body names no column to update", "body");
        }
        return new UpdatePlan(table, key, columns.versioned(table, given), replace, scopes.scope(table, grant));
    }

    /** Sets the same values on every row that meets {@code condition}; the values are held to the row scope. */
    UpdateWherePlan updateWhere(Table table, Condition condition, Map<String, @Nullable Object> named, Grant grant) {
        Map<Column, Object> given = columns.columnValues(table, scopes.held(table, named, "", grant, false), "");
        if (given.isEmpty()) {
            throw new SentroException(ErrorCode.INVALID_BODY, "The body names no column to update", "body");
        }
        return new UpdateWherePlan(table, columns.versioned(table, given), condition);
    }
}
