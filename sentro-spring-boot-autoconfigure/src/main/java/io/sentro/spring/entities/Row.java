package io.sentro.spring.entities;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * One row as the caller may see it: its fields in the table's column order (or the order {@link Query#fields} asked
 * for), display fields after them, embedded relations as nested rows or lists of rows; values as the JSON answer
 * would carry them. Read-only.
 */
public final class Row extends AbstractMap<String, @Nullable Object> {

    private final Map<String, @Nullable Object> values;

    private Row(Map<String, @Nullable Object> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /** A row of the values, in their order; nested maps and lists of maps become rows too. */
    static Row of(Map<String, @Nullable Object> values) {
        Map<String, @Nullable Object> copy = new LinkedHashMap<>();
        values.forEach((name, value) -> copy.put(name, nested(value)));
        return new Row(copy);
    }

    @SuppressWarnings("unchecked")
    private static @Nullable Object nested(@Nullable Object value) {
        if (value instanceof Map<?, ?> map) {
            return of((Map<String, @Nullable Object>) map);
        }
        if (value instanceof java.util.List<?> list && !list.isEmpty() && list.get(0) instanceof Map<?, ?>) {
            return list.stream().map(Row::nested).toList();
        }
        return value;
    }

    @Override
    public Set<Entry<String, @Nullable Object>> entrySet() {
        return values.entrySet();
    }

    @Override
    public @Nullable Object get(@Nullable Object name) {
        return values.get(name);
    }

    @Override
    public boolean containsKey(@Nullable Object name) {
        return values.containsKey(name);
    }
}
