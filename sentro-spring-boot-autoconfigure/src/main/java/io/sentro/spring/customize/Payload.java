package io.sentro.spring.customize;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What an operation is about to do, as hooks see and change it.
 * <ul>
 * <li>CREATE: the map itself is the row to insert ({@code payload.put("created_at", Instant.now())}).</li>
 * <li>UPDATE: the map is the patch ({@link #patch()} returns it) and {@link #key()} names the target row.</li>
 * <li>DELETE: {@link #key()} names the target row; the map is empty.</li>
 * <li>UPDATE and DELETE of a bulk write ({@code PATCH} or {@code DELETE} on the table with filters): also
 * {@link #previous()}, the row as stored before the write, read under a lock.</li>
 * <li>READ: {@link #query()} holds filters, sort and page for a list, or the {@link #key()} for a get.</li>
 * </ul>
 * Values are Java values ({@code String}, {@code Long}, {@code BigDecimal}, {@code LocalDate}, {@code Instant}...);
 * Sentro converts them to the column's type after the hooks ran.
 */
public final class Payload extends LinkedHashMap<String, @Nullable Object> {

    private final Operation operation;
    private final Map<String, Object> key;
    private final @Nullable ReadQuery query;
    private final @Nullable Map<String, @Nullable Object> previous;
    private final transient HookContext context;

    public Payload(Operation operation, Map<String, ?> values, Map<String, Object> key, @Nullable ReadQuery query,
            HookContext context) {
        this(operation, values, key, query, context, null);
    }

    /** @param previous the row as stored before the write, when Sentro read it (bulk writes); else null */
    public Payload(Operation operation, Map<String, ?> values, Map<String, Object> key, @Nullable ReadQuery query,
            HookContext context, @Nullable Map<String, @Nullable Object> previous) {
        super(values);
        this.operation = operation;
        this.key = Collections.unmodifiableMap(new LinkedHashMap<>(key));
        this.query = query;
        this.context = context;
        this.previous = previous == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(previous));
    }

    /**
     * UPDATE and DELETE in a bulk write: the whole row as stored before this write, read and locked in the write's
     * transaction (so it is what the write changes). Null for a write of one row by key, which does not read it.
     */
    public @Nullable Map<String, @Nullable Object> previous() {
        return previous;
    }

    public Operation operation() {
        return operation;
    }

    /** UPDATE: the columns to change; the same map as the payload itself. */
    public Map<String, @Nullable Object> patch() {
        return this;
    }

    /** The primary key of the target row (UPDATE, DELETE, a READ by key), column to value; empty otherwise. */
    public Map<String, Object> key() {
        return key;
    }

    /** READ of a list: the query, which hooks may narrow (e.g. add a tenant filter). Null for other operations. */
    public @Nullable ReadQuery query() {
        return query;
    }

    /** The context of the operation: table, HTTP request, principal, db helper, integrations. */
    public HookContext context() {
        return context;
    }

    @Override
    public boolean equals(Object other) {
        return super.equals(other);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
