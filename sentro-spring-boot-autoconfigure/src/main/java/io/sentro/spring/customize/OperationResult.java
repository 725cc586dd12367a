package io.sentro.spring.customize;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What an operation returns, as after hooks see and change it: the rows (one for a get, a create of one row or an
 * update; none for a delete) and, for a counted list, the total.
 */
public final class OperationResult {

    private final List<Map<String, @Nullable Object>> rows;
    private @Nullable Long total;

    public OperationResult(List<Map<String, @Nullable Object>> rows, @Nullable Long total) {
        this.rows = rows;
        this.total = total;
    }

    /** The rows, mutable: hooks may remove keys ({@code r.remove("password")}) or add them. */
    public List<Map<String, @Nullable Object>> rows() {
        return rows;
    }

    public @Nullable Long total() {
        return total;
    }

    public OperationResult total(@Nullable Long total) {
        this.total = total;
        return this;
    }
}
