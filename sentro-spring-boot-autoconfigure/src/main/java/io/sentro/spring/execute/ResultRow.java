package io.sentro.spring.execute;

import java.util.AbstractMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

import org.jspecify.annotations.Nullable;

/**
 * One row as read from a result set: the column names, shared by every row of the result, and this row's values.
 * It is a {@link Map} in column order, as hooks expect, but costs one array per row instead of a hash table and an
 * entry per column; most rows go straight to the JSON writer ({@link #forEach}) and are never looked up by name.
 * Values are replaced in place, and keys added after the columns (embedded relations) are kept beside them, in the
 * order added; removing a key (a hook taking a column out) copies the row into a {@link LinkedHashMap}, which serves
 * every call after it.
 */
final class ResultRow extends AbstractMap<String, @Nullable Object> {

    private final String[] names;
    private final @Nullable Object[] values;
    private @Nullable Map<String, @Nullable Object> changed;
    private String @Nullable [] addedNames;
    private @Nullable Object @Nullable [] addedValues;
    private int added;

    ResultRow(String[] names, @Nullable Object[] values) {
        this.names = names;
        this.values = values;
    }

    private int indexOf(@Nullable Object key) {
        for (int i = 0; i < names.length; i++) {
            if (names[i] == key || names[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    private int indexOfAdded(@Nullable Object key) {
        for (int i = 0; i < added; i++) {
            if (addedNames[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    private Map<String, @Nullable Object> changeable() {
        if (changed == null) {
            Map<String, @Nullable Object> copy = new LinkedHashMap<>((names.length + added) * 2);
            for (int i = 0; i < names.length; i++) {
                copy.put(names[i], values[i]);
            }
            for (int i = 0; i < added; i++) {
                copy.put(addedNames[i], addedValues[i]);
            }
            changed = copy;
        }
        return changed;
    }

    @Override
    public int size() {
        return changed != null ? changed.size() : names.length + added;
    }

    @Override
    public boolean containsKey(@Nullable Object key) {
        return changed != null ? changed.containsKey(key) : indexOf(key) >= 0 || indexOfAdded(key) >= 0;
    }

    @Override
    public @Nullable Object get(@Nullable Object key) {
        if (changed != null) {
            return changed.get(key);
        }
        int index = indexOf(key);
        if (index >= 0) {
            return values[index];
        }
        index = indexOfAdded(key);
        return index < 0 ? null : addedValues[index];
    }

    /** A value is replaced in place, and a new key kept beside the columns: neither copies the row. */
    @Override
    public @Nullable Object put(String key, @Nullable Object value) {
        if (changed != null) {
            return changed.put(key, value);
        }
        int index = indexOf(key);
        if (index >= 0) {
            Object old = values[index];
            values[index] = value;
            return old;
        }
        index = indexOfAdded(key);
        if (index >= 0) {
            Object old = addedValues[index];
            addedValues[index] = value;
            return old;
        }
        if (addedNames == null) {
            addedNames = new String[4];
            addedValues = new Object[4];
        }
        else if (added == addedNames.length) {
            addedNames = java.util.Arrays.copyOf(addedNames, added * 2);
            addedValues = java.util.Arrays.copyOf(addedValues, added * 2);
        }
        addedNames[added] = key;
        addedValues[added++] = value;
        return null;
    }

    @Override
    public @Nullable Object remove(@Nullable Object key) {
        return changeable().remove(key);
    }

    @Override
    public void clear() {
        changeable().clear();
    }

    /** In column order, without copying the row. */
    @Override
    public void forEach(BiConsumer<? super String, ? super @Nullable Object> action) {
        if (changed != null) {
            changed.forEach(action);
            return;
        }
        for (int i = 0; i < names.length; i++) {
            action.accept(names[i], values[i]);
        }
        for (int i = 0; i < added; i++) {
            action.accept(addedNames[i], addedValues[i]);
        }
    }

    /** A view that may be changed (entries, iterator removal), so it is the copy's. */
    @Override
    public Set<Entry<String, @Nullable Object>> entrySet() {
        return changeable().entrySet();
    }
}
