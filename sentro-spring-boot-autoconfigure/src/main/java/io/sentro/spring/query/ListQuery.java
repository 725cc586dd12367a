package io.sentro.spring.query;

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
 * @param after the cursor of the previous page ({@code next}), to continue after its last row; or null
 * @param embeds relations to embed in each row
 * @param aggregate with {@code group}, {@code agg} or {@code having.*}: rows of groups and aggregates instead of
 * table rows; null otherwise
 */
public record ListQuery(List<String> fields, List<SortTerm> sort, List<FilterTerm> filters,
        Map<String, List<FilterTerm>> anyOf, @Nullable String search, @Nullable Long limit, @Nullable Long offset,
        @Nullable CountMode count, @Nullable String after, List<EmbedQuery> embeds,
        @Nullable AggregateQuery aggregate) {

    public ListQuery {
        fields = List.copyOf(fields);
        sort = List.copyOf(sort);
        filters = List.copyOf(filters);
        anyOf = Collections.unmodifiableMap(new LinkedHashMap<>(anyOf));
        embeds = List.copyOf(embeds);
    }

    /** A query without cursor or embedded relations. */
    public ListQuery(List<String> fields, List<SortTerm> sort, List<FilterTerm> filters,
            Map<String, List<FilterTerm>> anyOf, @Nullable String search, @Nullable Long limit, @Nullable Long offset,
            @Nullable CountMode count) {
        this(fields, sort, filters, anyOf, search, limit, offset, count, null, List.of(), null);
    }

    /** This query with another projection. */
    public ListQuery withFields(List<String> fields) {
        return new ListQuery(fields, sort, filters, anyOf, search, limit, offset, count, after, embeds, aggregate);
    }

    /**
     * This query with other fields, sort, filters, search and page; its cursor, OR groups, count, embeds and
     * aggregates kept.
     */
    public ListQuery with(List<String> fields, List<SortTerm> sort, List<FilterTerm> filters, @Nullable String search,
            @Nullable Long limit, @Nullable Long offset) {
        return new ListQuery(fields, sort, filters, anyOf, search, limit, offset, count, after, embeds, aggregate);
    }
}
