package io.sentro.spring.entities;

import java.util.List;

/**
 * What an upsert does with a row whose key exists: merge the given values into it, or leave it as it is; the key is
 * the primary key unless {@link #on} names a unique one.
 *
 * @param merges whether an existing row gets the given values (it needs the caller's update rule too)
 * @param columns the columns of the unique key that decides, empty for the primary key
 */
public record Conflict(boolean merges, List<String> columns) {

    public Conflict {
        columns = List.copyOf(columns);
    }

    /** An existing row gets the given values: HTTP's {@code Prefer: resolution=merge-duplicates}. */
    public static Conflict merge() {
        return new Conflict(true, List.of());
    }

    /** An existing row is left as it is: HTTP's {@code Prefer: resolution=ignore-duplicates}. */
    public static Conflict ignore() {
        return new Conflict(false, List.of());
    }

    /** The unique key that decides, by its columns: HTTP's {@code on_conflict}. */
    public Conflict on(String... columns) {
        return new Conflict(merges, List.of(columns));
    }
}
