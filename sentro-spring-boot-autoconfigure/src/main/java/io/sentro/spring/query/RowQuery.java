package io.sentro.spring.query;

import java.util.List;

/**
 * The intent of a get-by-key request, parsed from its query string.
 *
 * @param fields the projection; empty for every column
 * @param embeds relations to embed in the row
 */
public record RowQuery(List<String> fields, List<EmbedQuery> embeds) {

    public static final RowQuery ALL = new RowQuery(List.of(), List.of());

    public RowQuery {
        fields = List.copyOf(fields);
        embeds = List.copyOf(embeds);
    }
}
