package io.sentro.spring.plan;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.sentro.spring.schema.Column;

/**
 * The WHERE of a read: every filter in {@code allOf}, and at least one group of {@code anyOf} when there are groups,
 * and the search text in at least one of {@code searchColumns} when there is a search, and a related row for each
 * of {@code related}. With {@code matchesNothing} no row matches at all (a caller scoped to rows by an attribute they
 * do not have).
 */
public record Condition(List<Filter> allOf, List<List<Filter>> anyOf, List<Column> searchColumns,
        @Nullable String search, boolean matchesNothing, List<Exists> related) {

    public static final Condition NONE = new Condition(List.of(), List.of(), List.of(), null, false);

    /** No row at all. */
    public static final Condition NOTHING = new Condition(List.of(), List.of(), List.of(), null, true);

    public Condition {
        allOf = List.copyOf(allOf);
        anyOf = anyOf.stream().map(List::copyOf).toList();
        searchColumns = List.copyOf(searchColumns);
        related = List.copyOf(related);
    }

    public Condition(List<Filter> allOf, List<List<Filter>> anyOf, List<Column> searchColumns,
            @Nullable String search, boolean matchesNothing) {
        this(allOf, anyOf, searchColumns, search, matchesNothing, List.of());
    }

    /** This condition and {@code other}: the filters and related rows of both. */
    public Condition and(Condition other) {
        if (other.isEmpty()) {
            return this;
        }
        if (isEmpty()) {
            return other;
        }
        if (search != null && other.search != null) {
            throw new IllegalArgumentException("Two searches cannot be combined");
        }
        List<Filter> filters = new java.util.ArrayList<>(other.allOf);
        filters.addAll(allOf);
        List<List<Filter>> groups = new java.util.ArrayList<>(anyOf);
        if (!other.anyOf.isEmpty() && !anyOf.isEmpty()) {
            throw new IllegalArgumentException("Two sets of OR groups cannot be combined");
        }
        groups.addAll(other.anyOf);
        List<Exists> exists = new java.util.ArrayList<>(related);
        exists.addAll(other.related);
        return new Condition(filters, groups, search != null ? searchColumns : other.searchColumns,
                search != null ? search : other.search, matchesNothing || other.matchesNothing, exists);
    }

    public Condition(List<Filter> allOf, List<List<Filter>> anyOf, List<Column> searchColumns,
            @Nullable String search) {
        this(allOf, anyOf, searchColumns, search, false);
    }

    /** Only these filters, all of which must hold. */
    public static Condition allOf(List<Filter> filters) {
        return filters.isEmpty() ? NONE : new Condition(filters, List.of(), List.of(), null, false);
    }

    public boolean isEmpty() {
        return allOf.isEmpty() && anyOf.isEmpty() && search == null && !matchesNothing && related.isEmpty();
    }
}
