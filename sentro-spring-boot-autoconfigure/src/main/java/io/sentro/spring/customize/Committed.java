package io.sentro.spring.customize;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A committed write, as a {@link CommittedHook} sees it: the rows as the write's answer showed them (after the after
 * hooks, so without what they took out), who wrote them, and a {@link SentroDb} for more work (in transactions of its
 * own: the write's is over).
 *
 * @param table the table's name in URLs
 * @param operation CREATE, UPDATE or DELETE
 * @param rows the rows written (for a delete, the rows as they were)
 * @param principal the name of the caller who wrote them, or {@code null} when anonymous
 * @param db the database helper
 */
public record Committed(String table, Operation operation, List<Map<String, @Nullable Object>> rows,
        @Nullable String principal, SentroDb db) {

    public Committed {
        rows = rows.stream().map(row -> java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(row)))
                .toList();
    }
}
