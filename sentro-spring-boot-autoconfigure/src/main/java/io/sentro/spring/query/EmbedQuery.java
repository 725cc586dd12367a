package io.sentro.spring.query;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One relation to embed in each row, as the client wrote it ({@code embed=comments.author}) with its own parameters,
 * spelled with its path as prefix ({@code comments.fields}, {@code comments.sort}, {@code comments.limit},
 * {@code comments.where.<column>.<operator>}). Nothing here is checked against the schema yet.
 *
 * @param path the relation's path from the requested table, dot-separated, for error messages
 * @param relation the relation's name in its parent table
 * @param fields the projection of the embedded rows; empty for every column
 * @param sort sort terms of the embedded rows, for a to-many relation
 * @param limit embedded rows per parent row, or null for the default page size
 * @param filters filters of the embedded rows, all of which must hold
 * @param embeds the relations embedded in the embedded rows
 */
public record EmbedQuery(String path, String relation, List<String> fields, List<SortTerm> sort, @Nullable Long limit,
        List<FilterTerm> filters, List<EmbedQuery> embeds) {

    public EmbedQuery {
        fields = List.copyOf(fields);
        sort = List.copyOf(sort);
        filters = List.copyOf(filters);
        embeds = List.copyOf(embeds);
    }

    /** The prefix of this relation's parameters: {@code comments.} */
    public String parameterPrefix() {
        return path + ".";
    }
}
