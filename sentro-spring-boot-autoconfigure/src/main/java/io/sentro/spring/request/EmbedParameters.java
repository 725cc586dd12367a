package io.sentro.spring.request;

import static io.sentro.spring.request.ParameterValues.invalid;
import static io.sentro.spring.request.ParameterValues.names;
import static io.sentro.spring.request.ParameterValues.nonNegative;
import static io.sentro.spring.request.ParameterValues.single;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.sentro.spring.query.EmbedQuery;
import io.sentro.spring.query.FilterTerm;
import io.sentro.spring.query.SortTerm;

import org.jspecify.annotations.Nullable;

/**
 * The relations named by {@code embed}, as a tree of paths, and the parameters addressed to them: each parameter
 * whose name begins with an embedded path and a dot belongs to the longest such path.
 */
final class EmbedParameters {

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

    static EmbedParameters parse(Map<String, String[]> parameters) {
        EmbedParameters embeds = new EmbedParameters();
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
            case "sort" -> node.sort = PageParameters.sort(name, value);
            case "limit" -> node.limit = nonNegative(name, value);
            default -> {
                if (!rest.startsWith(FilterParameters.WHERE)) {
                    throw invalid(name, "Unknown query parameter '" + name + "': an embedded relation takes "
                            + node.path + ".fields, .sort, .limit and .where.<column>.<operator>");
                }
                node.filters.add(FilterParameters.filter(name, rest.substring(FilterParameters.WHERE.length()), value));
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
