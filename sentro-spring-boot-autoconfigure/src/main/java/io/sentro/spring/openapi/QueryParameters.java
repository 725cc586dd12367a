package io.sentro.spring.openapi;

import java.util.ArrayList;
import java.util.List;

import io.sentro.spring.pipeline.TablePipeline;
import io.sentro.spring.query.Operator;
import io.sentro.spring.request.Preferences;
import io.sentro.spring.schema.Column;
import io.sentro.spring.schema.Table;
import io.sentro.spring.schema.TypeKind;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;

import static io.sentro.spring.openapi.OpenApiParts.string;

/**
 * The parameters of the operations: the list query's (paging, format, cursor, sort, fields, count, embed, group,
 * agg), a filter per visible column and operator that applies to it, the key in the path, and the {@code Prefer},
 * {@code If-Match} and {@code If-None-Match} headers.
 */
final class QueryParameters {

    private final int maxPageSize;
    private final long maxAffected;
    private final boolean requireIfMatch;
    private final SecurityDescriptions security;

    QueryParameters(int maxPageSize, long maxAffected, boolean requireIfMatch, SecurityDescriptions security) {
        this.maxPageSize = maxPageSize;
        this.maxAffected = maxAffected;
        this.requireIfMatch = requireIfMatch;
        this.security = security;
    }

    List<Parameter> listParameters(TablePipeline pipeline, List<OpenApiNames.Related> related) {
        Table table = pipeline.table();
        List<Parameter> parameters = new ArrayList<>();
        parameters.add(query("limit", "Rows per page (default " + "from sentro.page.default-size; at most "
                + maxPageSize + ")", new JsonSchema().typesItem("integer").format("int32").minimum(
                        java.math.BigDecimal.ZERO).maximum(java.math.BigDecimal.valueOf(maxPageSize))));
        parameters.add(query("offset", "Rows to skip", new JsonSchema().typesItem("integer").format("int64")
                .minimum(java.math.BigDecimal.ZERO)));
        parameters.add(query("format", "json (a page, the default), or an export of every matching row: ndjson (one "
                + "JSON object per line) or csv (RFC 4180, with a header line). Accept: application/x-ndjson or "
                + "text/csv asks the same. An export takes the filters, sort, fields, limit and offset, not embed, "
                + "group or after; at most sentro.export.max-rows rows", new JsonSchema().typesItem("string")
                        ._enum(List.of("json", "ndjson", "csv"))));
        if (table.hasPrimaryKey()) {
            parameters.add(query("after", "Continue after the last row of a page: its 'next' cursor, with the same "
                    + "filters and sort. Opaque; not combined with offset", new JsonSchema().typesItem("string")));
        }
        List<Object> sortable = new ArrayList<>();
        for (Column column : security.visible(table)) {
            if (column.kind().isComparable()) {
                sortable.add(column.name());
                sortable.add("-" + column.name());
            }
        }
        parameters.add(list("sort", "Columns to sort by, comma-separated; a leading minus sorts descending. "
                + "The primary key breaks ties.", sortable));
        parameters.add(fieldsParameter(pipeline));
        Schema<Object> count = string();
        count.setEnum(List.of("exact", "estimated", "none"));
        parameters.add(query("count", "How to count the matching rows (total): exact, estimated (exact for small "
                + "results, the database's estimate for large ones) or none. Default: sentro.page.count", count));
        if (!related.isEmpty()) {
            parameters.add(embedParameter(related));
        }
        List<Object> groupable = new ArrayList<>();
        List<String> numeric = new ArrayList<>();
        for (Column column : security.visible(table)) {
            if (column.kind().isComparable()) {
                groupable.add(column.name());
            }
            if (column.kind().isNumeric()) {
                numeric.add(column.name());
            }
        }
        parameters.add(list("group", "Columns to group rows by, comma-separated: the page then holds one row per "
                + "group, with the group columns and the aggregates of 'agg'. Paged by group; sort takes group "
                + "columns and aggregate keys", groupable));
        parameters.add(query("agg", "Aggregates per group (or of every matching row, without 'group'), "
                + "comma-separated: count, count:<column>, sum:<column>, avg:<column>, min:<column>, max:<column>. "
                + "Each is returned under its key: count, count_<column>, sum_<column>... (sort=-sum_views). Sums and "
                + "averages take numeric columns" + (numeric.isEmpty() ? " (this table has none)"
                        : " (" + String.join(", ", numeric) + ")") + "; min and max columns with an order. Filter "
                + "groups with having.<key>.<operator>=<value> (having.count.gt=5)", string()));
        parameters.addAll(filterParameters(table));
        return parameters;
    }

    /** The parameters of a bulk write: its filters, and Prefer. */
    List<Parameter> bulkParameters(TablePipeline pipeline) {
        List<Parameter> parameters = new ArrayList<>();
        parameters.add(preferHeader("return=minimal answers with the count alone; max-affected=<n> refuses (400, "
                + "nothing written) a request that would change more than n rows (at most " + maxAffected
                + ", sentro.writes.max-affected)"));
        parameters.addAll(filterParameters(pipeline.table()));
        return parameters;
    }

    /** {@code search}, and {@code where.<column>.<operator>} for every visible column and operator that applies. */
    private List<Parameter> filterParameters(Table table) {
        List<Parameter> parameters = new ArrayList<>();
        if (security.visible(table).stream().anyMatch(column -> column.kind() == TypeKind.TEXT)) {
            parameters.add(query("search", "Case-insensitive text to find in any text column", string()));
        }
        for (Column column : security.visible(table)) {
            for (Operator operator : Operator.values()) {
                if (operator.appliesTo(column.kind())) {
                    parameters.add(filterParameter(column, operator));
                }
            }
        }
        return parameters;
    }

    private static Parameter filterParameter(Column column, Operator operator) {
        String name = "where." + column.name() + "." + operator.token();
        if (operator == Operator.IS_NULL) {
            return query(name, "true: " + column.name() + " is NULL; false: it is not",
                    new JsonSchema().typesItem("boolean"));
        }
        if (operator.isPattern()) {
            return query(name, column.name() + (operator == Operator.LIKE ? " LIKE" : " ILIKE (case-insensitive)")
                    + " the pattern: % any run, _ one character", string());
        }
        if (operator.takesList()) {
            return query(name, column.name() + (operator == Operator.IN ? " is one of" : " is none of")
                    + " the comma-separated values", new JsonSchema().typesItem("array")
                            .items(ColumnSchemas.type(column.type()))).style(Parameter.StyleEnum.FORM).explode(false);
        }
        String meaning = switch (operator) {
            case EQ -> " equals";
            case NEQ -> " differs from";
            case GT -> " is greater than";
            case GTE -> " is at least";
            case LT -> " is less than";
            default -> " is at most";
        };
        return query(name, column.name() + meaning + " the value", ColumnSchemas.type(column.type()));
    }

    Parameter fieldsParameter(TablePipeline pipeline) {
        List<Object> fields = new ArrayList<>();
        security.visible(pipeline.table()).forEach(column -> fields.add(column.name()));
        fields.addAll(pipeline.displayFields().keySet());
        return list("fields", "Columns (and display fields) to return, comma-separated; all when absent", fields);
    }

    static Parameter embedParameter(List<OpenApiNames.Related> related) {
        String first = example(related);
        StringBuilder description = new StringBuilder("Relations to embed, comma-separated: ");
        for (int i = 0; i < related.size(); i++) {
            OpenApiNames.Related relation = related.get(i);
            description.append(i == 0 ? "" : ", ").append(relation.relation().name()).append(" (")
                    .append(relation.toMany() ? "an array of " : "an object or null, from ")
                    .append(relation.target().name()).append(")");
        }
        description.append(". A dot embeds a relation of the embedded rows (").append(first)
                .append(".<relation>). Each embedded relation takes parameters prefixed with its path: ")
                .append(first).append(".fields, ").append(first).append(".sort, ").append(first).append(".limit and ")
                .append(first).append(".where.<column>.<operator>.");
        return query("embed", description.toString(), string());
    }

    /** The relation the descriptions take as their example: the first to-many one, which sort and limit suit. */
    static String example(List<OpenApiNames.Related> related) {
        return related.stream().filter(OpenApiNames.Related::toMany).findFirst().orElse(related.get(0)).relation()
                .name();
    }

    static Parameter keyParameter(Table table) {
        String description = table.primaryKey().size() == 1 ? "The " + table.primaryKey().get(0) + " of the row"
                : "The primary key (" + String.join(", ", table.primaryKey()) + ") as comma-separated values in that "
                        + "order; commas inside a value are written %2C";
        return new Parameter().in("path").name("key").required(true).description(description)
                .schema(TableSchemas.keySchema(table));
    }

    private static Parameter list(String name, String description, List<Object> values) {
        Schema<Object> item = string();
        item.setEnum(values);
        return query(name, description, new JsonSchema().typesItem("array").items(item))
                .style(Parameter.StyleEnum.FORM).explode(false);
    }

    static Parameter query(String name, String description, Schema<?> schema) {
        return new Parameter().in("query").name(name).required(false).description(description).schema(schema);
    }

    /** The {@code Prefer} request header (RFC 7240): unknown preferences are ignored, malformed ones refused. */
    static Parameter preferHeader(String what) {
        return new Parameter().in("header").name(Preferences.HEADER).required(false).description("RFC 7240 "
                + "preferences, comma-separated: " + what + "; return=representation is the default. Unknown "
                + "preferences are ignored; a malformed header is a 400").schema(string());
    }

    Parameter ifMatchHeader() {
        return conditionHeader("If-Match", "ETags of the versions of the row this write may change (or *): when the "
                + "row's is not one of them, 412 and nothing is written" + (requireIfMatch
                        ? ". Required (sentro.concurrency.require-if-match): without it, 428" : ""))
                .required(requireIfMatch);
    }

    static Parameter conditionHeader(String name, String description) {
        return new Parameter().in("header").name(name).required(false).description(description).schema(string());
    }
}
