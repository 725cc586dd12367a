package io.sentro.spring.request;

import io.sentro.spring.query.AggregateQuery;
import io.sentro.spring.query.CountMode;
import io.sentro.spring.query.EmbedQuery;
import io.sentro.spring.query.FilterTerm;
import io.sentro.spring.query.ListQuery;
import io.sentro.spring.query.Operator;
import io.sentro.spring.query.RowQuery;
import io.sentro.spring.query.SortTerm;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.sentro.spring.error.ErrorCode;
import io.sentro.spring.error.SentroException;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns query strings, path keys and bodies into intent. It checks syntax only: unknown parameters, malformed
 * numbers, unknown operators and malformed JSON are refused here; whether a column exists is the planner's question.
 */
public final class ApiRequestParser {

    private static final String WHERE = "where.";
    private static final String OR = "or.";
    private static final String HAVING = "having.";

    private final JsonMapper jsonMapper = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** Parses the query parameters of a list request. */
    public ListQuery parseList(Map<String, String[]> parameters) {
        List<String> fields = List.of();
        List<SortTerm> sort = List.of();
        List<FilterTerm> filters = new ArrayList<>();
        Map<String, List<FilterTerm>> anyOf = new LinkedHashMap<>();
        String search = null;
        Long limit = null;
        Long offset = null;
        CountMode count = null;
        String after = null;
        List<String> group = null;
        List<AggregateQuery.Term> aggregates = null;
        List<FilterTerm> having = new ArrayList<>();
        Embeds embeds = Embeds.parse(parameters);
        for (Map.Entry<String, String[]> entry : parameters.entrySet()) {
            String name = entry.getKey();
            String value = single(name, entry.getValue());
            switch (name) {
                case "fields" -> fields = names(name, value);
                case "sort" -> sort = sort(name, value);
                case "search" -> search = value;
                case "limit" -> limit = nonNegative(name, value);
                case "offset" -> offset = nonNegative(name, value);
                case "count" -> count = count(value);
                case "after" -> after = value;
                case "group" -> group = names(name, value);
                case "agg" -> aggregates = aggregates(value);
                case "embed" -> {
                }
                default -> {
                    if (name.startsWith(HAVING)) {
                        having.add(filter(name, name.substring(HAVING.length()), value));
                    }
                    else if (name.startsWith(WHERE)) {
                        filters.add(filter(name, name.substring(WHERE.length()), value));
                    }
                    else if (name.startsWith(OR)) {
                        String rest = name.substring(OR.length());
                        int dot = rest.indexOf('.');
                        if (dot <= 0) {
                            throw invalid(name, "Query parameter '" + name
                                    + "' must read or.<group>.<column>.<operator>");
                        }
                        anyOf.computeIfAbsent(rest.substring(0, dot), key -> new ArrayList<>())
                                .add(filter(name, rest.substring(dot + 1), value));
                    }
                    else if (!embeds.accept(name, value)) {
                        throw invalid(name, "Unknown query parameter '" + name + "'. Known: fields, sort, search, "
                                + "limit, offset, count, after, embed, group, agg, where.<column>.<operator>, "
                                + "or.<group>.<column>.<operator>, having.<aggregate>.<operator>, and "
                                + "<relation>.fields|sort|limit|where.* for an embedded relation");
                    }
                }
            }
        }
        if (after != null && offset != null) {
            throw invalid("after", "'after' and 'offset' cannot be combined: 'after' continues after the previous "
                    + "page's last row, 'offset' skips rows from the start");
        }
        AggregateQuery aggregate = null;
        if (group != null || aggregates != null || !having.isEmpty()) {
            aggregate = new AggregateQuery(group == null ? List.of() : group,
                    aggregates == null ? List.of() : aggregates, having);
        }
        return new ListQuery(fields, sort, filters, anyOf, search, limit, offset, count, after, embeds.build(),
                aggregate);
    }

    /**
     * Parses the query parameters of a bulk PATCH or DELETE: the list's filters ({@code where.*}, {@code or.*},
     * {@code search}) and nothing else, since a bulk write is not paged, sorted or shaped.
     */
    public ListQuery parseFilter(Map<String, String[]> parameters) {
        for (String name : parameters.keySet()) {
            if (!name.equals("search") && !name.startsWith(WHERE) && !name.startsWith(OR)) {
                throw invalid(name, "Query parameter '" + name + "' does not apply to a PATCH or DELETE of the rows "
                        + "filters select; it takes where.<column>.<operator>, or.<group>.<column>.<operator> and "
                        + "search");
            }
        }
        return parseList(parameters);
    }

    /** {@code count,sum:views,avg:price}: a function, and after a colon the column it applies to. */
    private static List<AggregateQuery.Term> aggregates(String value) {
        List<AggregateQuery.Term> terms = new ArrayList<>();
        for (String item : names("agg", value)) {
            int colon = item.indexOf(':');
            String function = colon < 0 ? item : item.substring(0, colon);
            String column = colon < 0 ? null : item.substring(colon + 1).trim();
            if (!List.of("count", "sum", "avg", "min", "max").contains(function)) {
                throw invalid("agg", "Unknown aggregate '" + function + "' in 'agg'. Known: count, count:<column>, "
                        + "sum:<column>, avg:<column>, min:<column>, max:<column>");
            }
            if (column == null && !function.equals("count")) {
                throw invalid("agg", "'" + function + "' in 'agg' needs a column: " + function + ":<column>");
            }
            if (column != null && column.isEmpty()) {
                throw invalid("agg", "'" + item + "' in 'agg' has an empty column name");
            }
            terms.add(new AggregateQuery.Term(function, column));
        }
        return terms;
    }

    /** Parses the query parameters of a get-by-key request: {@code fields}, {@code embed} and embedded parameters. */
    public RowQuery parseRow(Map<String, String[]> parameters) {
        List<String> fields = List.of();
        Embeds embeds = Embeds.parse(parameters);
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
     * The relations named by {@code embed}, as a tree of paths, and the parameters addressed to them: each parameter
     * whose name begins with an embedded path and a dot belongs to the longest such path.
     */
    private static final class Embeds {

        private final Map<String, Node> byPath = new LinkedHashMap<>();
        private final List<Node> roots = new ArrayList<>();

        private static final class Node {

            final String path;
            final String relation;
            List<String> fields = List.of();
            List<SortTerm> sort = List.of();
            @Nullable Long limit;
            final List<FilterTerm> filters = new ArrayList<>();
            final List<Node> children = new ArrayList<>();

            Node(String path, String relation) {
                this.path = path;
                this.relation = relation;
            }

            EmbedQuery build() {
                return new EmbedQuery(path, relation, fields, sort, limit, filters,
                        children.stream().map(Node::build).toList());
            }
        }

        static Embeds parse(Map<String, String[]> parameters) {
            Embeds embeds = new Embeds();
            String[] values = parameters.get("embed");
            if (values == null) {
                return embeds;
            }
            for (String item : names("embed", single("embed", values))) {
                String path = "";
                Node parent = null;
                for (String segment : item.split("\\.", -1)) {
                    if (segment.isBlank()) {
                        throw invalid("embed", "'embed' has an empty relation name in '" + item + "'");
                    }
                    path = path.isEmpty() ? segment : path + "." + segment;
                    Node node = embeds.byPath.get(path);
                    if (node == null) {
                        node = new Node(path, segment);
                        embeds.byPath.put(path, node);
                        (parent == null ? embeds.roots : parent.children).add(node);
                    }
                    parent = node;
                }
            }
            return embeds;
        }

        /** Takes a parameter of an embedded relation; false when the name is not one. */
        boolean accept(String name, String value) {
            Node node = null;
            for (Node candidate : byPath.values()) {
                if (name.startsWith(candidate.path + ".")
                        && (node == null || candidate.path.length() > node.path.length())) {
                    node = candidate;
                }
            }
            if (node == null) {
                int dot = name.lastIndexOf('.');
                if (dot > 0 && isEmbedParameter(name.substring(dot + 1)) || name.contains(".where.")) {
                    String path = name.contains(".where.") ? name.substring(0, name.indexOf(".where."))
                            : name.substring(0, dot);
                    throw invalid(name, "'" + name + "' is a parameter of relation '" + path + "', which is not "
                            + "embedded; add it to 'embed'");
                }
                return false;
            }
            String rest = name.substring(node.path.length() + 1);
            switch (rest) {
                case "fields" -> node.fields = names(name, value);
                case "sort" -> node.sort = sort(name, value);
                case "limit" -> node.limit = nonNegative(name, value);
                default -> {
                    if (!rest.startsWith(WHERE)) {
                        throw invalid(name, "Unknown query parameter '" + name + "': an embedded relation takes "
                                + node.path + ".fields, .sort, .limit and .where.<column>.<operator>");
                    }
                    node.filters.add(filter(name, rest.substring(WHERE.length()), value));
                }
            }
            return true;
        }

        private static boolean isEmbedParameter(String name) {
            return name.equals("fields") || name.equals("sort") || name.equals("limit");
        }

        List<EmbedQuery> build() {
            return roots.stream().map(Node::build).toList();
        }
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
        List<String> parts = new ArrayList<>(keyColumns);
        if (keyColumns == 1) {
            parts.add(decode(rawSegment));
            return parts;
        }
        for (String part : rawSegment.split(",", -1)) {
            parts.add(decode(part));
        }
        if (parts.size() != keyColumns) {
            throw new SentroException(ErrorCode.INVALID_KEY, "The key '" + decode(rawSegment) + "' has " + parts.size()
                    + " part(s); this table's primary key has " + keyColumns
                    + " columns, written comma-separated in key order", "id");
        }
        return parts;
    }

    /** Parses a JSON body; empty and malformed bodies are refused. */
    public JsonNode parseBody(InputStream body) {
        JsonNode node;
        try {
            node = jsonMapper.readTree(body);
        }
        catch (JacksonIOException ex) {
            throw new SentroException(ErrorCode.MALFORMED_BODY, "The request body could not be read", "body");
        }
        catch (JacksonException ex) {
            throw new SentroException(ErrorCode.MALFORMED_BODY, "The request body is not valid JSON: "
                    + ex.getOriginalMessage(), "body");
        }
        if (node == null || node.isMissingNode()) {
            throw new SentroException(ErrorCode.MALFORMED_BODY, "The request body is empty; send a JSON object", "body");
        }
        return node;
    }

    public JsonMapper jsonMapper() {
        return jsonMapper;
    }

    private static String decode(String raw) {
        try {
            return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        }
        catch (IllegalArgumentException ex) {
            throw new SentroException(ErrorCode.INVALID_KEY, "The key in the path is not validly percent-encoded", "id");
        }
    }

    private static FilterTerm filter(String parameter, String columnAndOperator, String value) {
        int dot = columnAndOperator.lastIndexOf('.');
        if (dot <= 0 || dot == columnAndOperator.length() - 1) {
            throw invalid(parameter, "Filter '" + parameter + "' must read where.<column>.<operator>, with operator one of: "
                    + Operator.tokens());
        }
        String column = columnAndOperator.substring(0, dot);
        String token = columnAndOperator.substring(dot + 1);
        Operator operator = Operator.fromToken(token).orElseThrow(() -> new SentroException(ErrorCode.UNKNOWN_OPERATOR,
                "Unknown operator '" + token + "' in '" + parameter + "'. Known: " + Operator.tokens(), parameter));
        List<String> values = operator.takesList() ? list(parameter, value) : List.of(value);
        return new FilterTerm(parameter, column, operator, values);
    }

    /** Splits {@code a,"b,c",d}; a double quote inside a quoted item is written {@code \"}. */
    static List<String> list(String parameter, String value) {
        List<String> items = new ArrayList<>();
        StringBuilder item = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (quoted) {
                if (c == '\\' && i + 1 < value.length()) {
                    item.append(value.charAt(++i));
                }
                else if (c == '"') {
                    quoted = false;
                }
                else {
                    item.append(c);
                }
            }
            else if (c == '"' && item.isEmpty()) {
                quoted = true;
                wasQuoted = true;
            }
            else if (c == ',') {
                items.add(item.toString());
                item.setLength(0);
                wasQuoted = false;
            }
            else {
                item.append(c);
            }
        }
        if (quoted) {
            throw invalid(parameter, "Unterminated quote in the list of '" + parameter + "'");
        }
        if (!item.isEmpty() || wasQuoted || !items.isEmpty()) {
            items.add(item.toString());
        }
        if (items.isEmpty()) {
            throw invalid(parameter, "'" + parameter + "' needs at least one value");
        }
        return items;
    }

    private static List<SortTerm> sort(String parameter, String value) {
        List<SortTerm> terms = new ArrayList<>();
        for (String item : names(parameter, value)) {
            boolean descending = item.startsWith("-");
            String column = descending || item.startsWith("+") ? item.substring(1) : item;
            if (column.isEmpty()) {
                throw invalid(parameter, "'" + parameter + "' has an empty column name");
            }
            terms.add(new SortTerm(column, descending));
        }
        return terms;
    }

    private static List<String> names(String parameter, String value) {
        List<String> names = new ArrayList<>();
        for (String name : value.split(",", -1)) {
            String trimmed = name.trim();
            if (trimmed.isEmpty()) {
                throw invalid(parameter, "'" + parameter + "' has an empty item: '" + value + "'");
            }
            names.add(trimmed);
        }
        return names;
    }

    private static long nonNegative(String parameter, String value) {
        long number;
        try {
            number = Long.parseLong(value.trim());
        }
        catch (NumberFormatException ex) {
            throw invalid(parameter, "'" + parameter + "' must be a whole number, got '" + value + "'");
        }
        if (number < 0) {
            throw invalid(parameter, "'" + parameter + "' must not be negative, got " + number);
        }
        return number;
    }

    private static CountMode count(String value) {
        return switch (value) {
            case "exact" -> CountMode.EXACT;
            case "estimated" -> CountMode.ESTIMATED;
            case "none" -> CountMode.NONE;
            default -> throw invalid("count", "'count' must be 'exact', 'estimated' or 'none', got '" + value + "'");
        };
    }

    private static String single(String name, String @Nullable [] values) {
        if (values == null || values.length == 0) {
            return "";
        }
        if (values.length > 1) {
            throw invalid(name, "Query parameter '" + name + "' is given " + values.length + " times; give it once");
        }
        return values[0];
    }

    private static SentroException invalid(String parameter, String detail) {
        return new SentroException(ErrorCode.INVALID_PARAMETER, detail, parameter);
    }
}
