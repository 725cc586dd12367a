package io.sentro.spring.plan;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What access control lets one request see of its table, decided once before any hook runs and applied by the
 * planner like the rest of the request: hidden columns are unknown to the caller (not selectable, filterable,
 * sortable, searchable or writable) and never returned; a row scope is a condition of every statement (the caller's
 * rows are those whose scoped columns hold one of the allowed values), filled into and checked on every write.
 *
 * @param hiddenColumns names of the columns the caller may not see
 * @param scope the caller's row scope, column by column (all must hold)
 * @param noRows whether the caller is scoped to no row at all (they lack the attribute their scope needs)
 */
public record Grant(Set<String> hiddenColumns, List<ScopedColumn> scope, boolean noRows) {

    /** A scoped column and the values the caller's rows may hold in it (converted by the planner). */
    public record ScopedColumn(String column, List<Object> allowedValues) {

        public ScopedColumn {
            allowedValues = List.copyOf(allowedValues);
        }
    }

    /** Everything visible, every row. */
    public static final Grant FULL = new Grant(Set.of(), List.of(), false);

    public Grant {
        hiddenColumns = Set.copyOf(hiddenColumns);
        scope = List.copyOf(scope);
    }

    public Grant(Set<String> hiddenColumns) {
        this(hiddenColumns, List.of(), false);
    }

    /** Whether the caller is limited to some rows. */
    public boolean scoped() {
        return noRows || !scope.isEmpty();
    }

    public boolean hides(String column) {
        return !hiddenColumns.isEmpty() && hiddenColumns.contains(column);
    }

    /**
     * Rows about to be returned without the hidden columns (rows that hooks or RETURNING filled whole). Rows that hold
     * none are passed through as they are.
     */
    public List<Map<String, @Nullable Object>> strip(List<Map<String, @Nullable Object>> rows) {
        if (hiddenColumns.isEmpty()) {
            return rows;
        }
        List<Map<String, @Nullable Object>> stripped = new java.util.ArrayList<>(rows.size());
        for (Map<String, @Nullable Object> row : rows) {
            stripped.add(strip(row));
        }
        return stripped;
    }

    /** One row without the hidden columns. */
    public Map<String, @Nullable Object> strip(Map<String, @Nullable Object> row) {
        if (hiddenColumns.isEmpty() || hiddenColumns.stream().noneMatch(row::containsKey)) {
            return row;
        }
        Map<String, @Nullable Object> copy = new java.util.LinkedHashMap<>(row);
        copy.keySet().removeAll(hiddenColumns);
        return copy;
    }
}
