package io.sentro.spring.request;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The intent of a list request, parsed from its query string. Nothing here is checked against the table yet.
 *
 * @param fields the projection; empty for every column
 * @param sort sort terms in order
 * @param filters {@code where.*} filters, all of which must hold
 * @param anyOf {@code or.<group>.*} filter groups by group name: a row matches when all filters of at least one
 * group hold
 * @param search text to find in any text column, or null
 * @param limit page size, or null for the default
 * @param offset rows to skip, or null for none
 * @param count whether and how to count the matching rows, or null for the configured default
 */
public record ListQuery(List<String> fields, List<SortTerm> sort, List<FilterTerm> filters,
        Map<String, List<FilterTerm>> anyOf, @Nullable String search, @Nullable Long limit, @Nullable Long offset,
        @Nullable CountMode count) {

    public ListQuery {
        fields = List.copyOf(fields);
        sort = List.copyOf(sort);
        filters = List.copyOf(filters);
        anyOf = Collections.unmodifiableMap(new LinkedHashMap<>(anyOf));
    }
}
