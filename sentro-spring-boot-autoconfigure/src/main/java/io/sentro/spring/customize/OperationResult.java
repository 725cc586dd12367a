package io.sentro.spring.customize;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What an operation returns, as after hooks see and change it: the rows (one for a get, a create of one row or an
 * update; none for a delete) and, for a counted list, the total and whether it is the database's estimate.
 */
public final class OperationResult {

    private final List<Map<String, @Nullable Object>> rows;
    private @Nullable Long total;
    private boolean totalIsEstimate;

    public OperationResult(List<Map<String, @Nullable Object>> rows, @Nullable Long total) {
        this(rows, total, false);
    }

    public OperationResult(List<Map<String, @Nullable Object>> rows, @Nullable Long total, boolean totalIsEstimate) {
        this.rows = rows;
        this.total = total;
        this.totalIsEstimate = total != null && totalIsEstimate;
    }

    /** The rows, mutable: hooks may remove keys ({@code r.remove("password")}) or add them. */
    public List<Map<String, @Nullable Object>> rows() {
        return rows;
    }

    public @Nullable Long total() {
        return total;
    }

    /** Whether {@link #total()} is the database's estimate ({@code count=estimated} on a large result). */
    public boolean totalIsEstimate() {
        return totalIsEstimate;
    }

    /** Sets the total, as exact: a hook that sets it is taken to know it. */
    public OperationResult total(@Nullable Long total) {
        this.total = total;
        this.totalIsEstimate = false;
        return this;
    }
}
