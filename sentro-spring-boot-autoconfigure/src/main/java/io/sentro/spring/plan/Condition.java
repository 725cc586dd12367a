package io.sentro.spring.plan;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.sentro.spring.schema.Column;

/**
 * The WHERE of a read: every filter in {@code allOf}, and at least one group of {@code anyOf} when there are groups,
 * and the search text in at least one of {@code searchColumns} when there is a search.
 */
public record Condition(List<Filter> allOf, List<List<Filter>> anyOf, List<Column> searchColumns,
        @Nullable String search) {

    public static final Condition NONE = new Condition(List.of(), List.of(), List.of(), null);

    public Condition {
        allOf = List.copyOf(allOf);
        anyOf = anyOf.stream().map(List::copyOf).toList();
        searchColumns = List.copyOf(searchColumns);
    }

    public boolean isEmpty() {
        return allOf.isEmpty() && anyOf.isEmpty() && search == null;
    }
}
