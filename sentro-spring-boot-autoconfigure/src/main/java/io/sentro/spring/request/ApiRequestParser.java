package io.sentro.spring.request;

import static io.sentro.spring.request.ParameterValues.invalid;
import static io.sentro.spring.request.ParameterValues.names;
import static io.sentro.spring.request.ParameterValues.single;

import java.io.InputStream;
import java.util.List;
import java.util.Map;

import io.sentro.spring.query.ListQuery;
import io.sentro.spring.query.RowQuery;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns query strings, path keys and bodies into intent. It checks syntax only: unknown parameters, malformed
 * numbers, unknown operators and malformed JSON are refused here; whether a column exists is the planner's question.
 * <p>
 * Each request kind says which parameters it takes; the parameters themselves are parsed by {@link PageParameters}
 * (shape and page), {@link FilterParameters} (filters and OR groups), {@link AggregateParameters} and
 * {@link EmbedParameters}; keys by {@link PathKeys}, bodies by {@link JsonBodies}.
 */
public final class ApiRequestParser {

    private final JsonBodies bodies = new JsonBodies();

    /** Parses the query parameters of a list request. */
    public ListQuery parseList(Map<String, String[]> parameters) {
        PageParameters page = new PageParameters();
        FilterParameters filters = new FilterParameters();
        AggregateParameters aggregate = new AggregateParameters();
        EmbedParameters embeds = EmbedParameters.parse(parameters);
        for (Map.Entry<String, String[]> entry : parameters.entrySet()) {
            String name = entry.getKey();
            String value = single(name, entry.getValue());
            if (!name.equals("embed") && !page.accept(name, value) && !aggregate.accept(name, value)
                    && !filters.accept(name, value) && !embeds.accept(name, value)) {
                throw invalid(name, "Unknown query parameter '" + name + "'. Known: fields, sort, search, "
                        + "limit, offset, count, after, embed, group, agg, where.<column>.<operator>, "
                        + "or.<group>.<column>.<operator>, having.<aggregate>.<operator>, and "
                        + "<relation>.fields|sort|limit|where.* for an embedded relation");
            }
        }
        return new ListQuery(page.fields(), page.sort(), filters.filters(), filters.anyOf(), page.search(),
                page.limit(), page.offset(), page.count(), page.after(), embeds.build(), aggregate.build());
    }

    /**
     * Parses the query parameters of a bulk PATCH or DELETE: the list's filters ({@code where.*}, {@code or.*},
     * {@code search}) and nothing else, since a bulk write is not paged, sorted or shaped.
     */
    public ListQuery parseFilter(Map<String, String[]> parameters) {
        for (String name : parameters.keySet()) {
            if (!FilterParameters.selectsRows(name)) {
                throw invalid(name, "Query parameter '" + name + "' does not apply to a PATCH or DELETE of the rows "
                        + "filters select; it takes where.<column>.<operator>, or.<group>.<column>.<operator> and "
                        + "search");
            }
        }
        return parseList(parameters);
    }

    /** Parses the query parameters of a get-by-key request: {@code fields}, {@code embed} and embedded parameters. */
    public RowQuery parseRow(Map<String, String[]> parameters) {
        List<String> fields = List.of();
        EmbedParameters embeds = EmbedParameters.parse(parameters);
        for (Map.Entry<String, String[]> entry : parameters.entrySet()) {
            String name = entry.getKey();
            String value = single(name, entry.getValue());
            if (name.equals("fields")) {
                fields = names(name, value);
            }
            else if (!name.equals("embed") && !embeds.accept(name, value)) {
                throw invalid(name, "Unknown query parameter '" + name + "'. A single row takes fields, embed and "
                        + "<relation>.fields|sort|limit|where.* for an embedded relation");
            }
        }
        return new RowQuery(fields, embeds.build());
    }

    /**
     * Parses the query parameters of a create: none, or {@code on_conflict=<columns>}, the unique key an upsert
     * matches rows on. Returns its column names, or null.
     */
    public @Nullable List<String> parseCreate(Map<String, String[]> parameters) {
        List<String> onConflict = null;
        for (Map.Entry<String, String[]> entry : parameters.entrySet()) {
            if (!entry.getKey().equals("on_conflict")) {
                throw invalid(entry.getKey(), "Unknown query parameter '" + entry.getKey() + "'. A POST takes only "
                        + "on_conflict (the unique key of an upsert, with Prefer: resolution=...)");
            }
            onConflict = names("on_conflict", single("on_conflict", entry.getValue()));
        }
        return onConflict;
    }

    /** Refuses any query parameter, for operations that take none. */
    public void parseNone(Map<String, String[]> parameters) {
        for (String name : parameters.keySet()) {
            throw invalid(name, "Unknown query parameter '" + name + "'. This operation takes none");
        }
    }

    /**
     * Splits the raw (still percent-encoded) key segment of a path into one decoded value per key column:
     * {@code 40,2} for a two-column key. Values holding a comma arrive as {@code %2C}.
     */
    public List<String> parseKey(String rawSegment, int keyColumns) {
        return PathKeys.parse(rawSegment, keyColumns);
    }

    /** Parses a JSON body; empty and malformed bodies are refused. */
    public JsonNode parseBody(InputStream body) {
        return bodies.parse(body);
    }

    public JsonMapper jsonMapper() {
        return bodies.mapper();
    }
}
