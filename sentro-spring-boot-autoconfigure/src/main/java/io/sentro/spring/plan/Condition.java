package io.sentro.spring.plan;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.sentro.spring.schema.Column;

/**
 * The WHERE of a read: every filter in {@code allOf}, and at least one group of {@code anyOf} when there are groups,
 * and the search text in at least one of {@code searchColumns} when there is a search. With {@code matchesNothing}
 * no row matches at all (a caller scoped to rows by an attribute they do not have).
 */
public record Condition(List<Filter> allOf, List<List<Filter>> anyOf, List<Column> searchColumns,
        @Nullable String search, boolean matchesNothing) {

    public static final Condition NONE = new Condition(List.of(), List.of(), List.of(), null, false);

    /** No row at all. */
    public static final Condition NOTHING = new Condition(List.of(), List.of(), List.of(), null, true);

    public Condition {
        allOf = List.copyOf(allOf);
        anyOf = anyOf.stream().map(List::copyOf).toList();
        searchColumns = List.copyOf(searchColumns);
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
        return allOf.isEmpty() && anyOf.isEmpty() && search == null && !matchesNothing;
    }
}
