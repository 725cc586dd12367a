package io.sentro.spring.plan;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What access control lets one request see of its table, decided once before any hook runs and applied by the
 * planner like the rest of the request: hidden columns are unknown to the caller (not selectable, filterable,
 * sortable, searchable or writable) and never returned.
 *
 * @param hiddenColumns names of the columns the caller may not see
 */
public record Grant(Set<String> hiddenColumns) {

    /** Everything visible. */
    public static final Grant FULL = new Grant(Set.of());

    public Grant {
        hiddenColumns = Set.copyOf(hiddenColumns);
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
