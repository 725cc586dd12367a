package io.sentro.spring.openapi;

import java.util.List;
import java.util.Set;

import io.sentro.spring.customize.Action;
import io.sentro.spring.pipeline.TablePipeline;
import io.sentro.spring.schema.Column;
import io.sentro.spring.schema.Relations;
import io.sentro.spring.schema.SchemaModel;
import io.sentro.spring.schema.Table;
import io.sentro.spring.security.AccessPolicy;
import io.sentro.spring.web.TableRoutes;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.Schema;

import static io.sentro.spring.openapi.OpenApiParts.object;
import static io.sentro.spring.openapi.OpenApiParts.ref;
import static io.sentro.spring.openapi.OpenApiParts.string;

/**
 * The component schemas of a table, from its visible columns, display fields and relations: the row (with an
 * optional property per relation it may embed), the page, the create-or-replace input, the patch, the create with
 * related rows, the answers of bulk writes and upserts, the keyed patch; and the body of each action.
 */
final class TableSchemas {

    private final SchemaModel model;
    private final Relations relations;
    private final AccessPolicy access;
    private final SecurityDescriptions security;
    private final OpenApiNames names;

    TableSchemas(SchemaModel model, Relations relations, AccessPolicy access, SecurityDescriptions security,
            OpenApiNames names) {
        this.model = model;
        this.relations = relations;
        this.access = access;
        this.security = security;
        this.names = names;
    }

    /**
     * The relations a row of this table may embed: those {@link OpenApiNames#related} shows, except those to a table
     * no caller may read.
     */
    List<OpenApiNames.Related> related(TablePipeline pipeline) {
        return OpenApiNames.related(model, pipeline.table(), relations.forTable(pipeline.table().name()),
                access::hiddenFromEveryone, pipeline.displayFields().keySet()).stream()
                .filter(related -> !access.rule(related.target(), io.sentro.spring.customize.Operation.READ)
                        .deniesAll())
                .toList();
    }

    /** Adds the schemas the table's routes refer to, named after the table ({@link OpenApiNames}). */
    void addSchemas(Components components, TablePipeline pipeline, List<OpenApiNames.Related> related) {
        Table table = pipeline.table();
        String name = names.of(table);
        components.addSchemas(name, rowSchema(pipeline, related));
        components.addSchemas(name + "Page", pageSchema(name));
        TableRoutes routes = TableRoutes.of(table);
        if (table.insertable() || table.updatable()) {
            components.addSchemas(name + "Input", inputSchema(pipeline, true));
            components.addSchemas(name + "Patch", inputSchema(pipeline, false));
        }
        if (routes.serves(TableRoutes.Kind.CREATE)) {
            components.addSchemas(name + "New", newSchema(pipeline, related));
        }
        if (routes.serves(TableRoutes.Kind.UPDATE_MATCHING) || routes.serves(TableRoutes.Kind.DELETE_MATCHING)) {
            components.addSchemas(name + "Bulk", bulkSchema(name));
        }
        if (routes.serves(TableRoutes.Kind.CREATE)) {
            components.addSchemas(name + "Upserted", upsertedSchema(name));
        }
        if (routes.serves(TableRoutes.Kind.UPDATE_MATCHING)) {
            Schema<Object> keyedPatch = inputSchema(pipeline, false);
            keyedPatch.title(pipeline.displayName() + " (update by key)");
            table.primaryKey().forEach(keyedPatch::addRequiredItem);
            components.addSchemas(name + "KeyedPatch", keyedPatch);
        }
    }

    private Schema<Object> rowSchema(TablePipeline pipeline, List<OpenApiNames.Related> related) {
        Table table = pipeline.table();
        Schema<Object> row = object();
        row.title(pipeline.displayName());
        if (table.comment() != null) {
            row.description(table.comment());
        }
        for (Column column : security.visible(table)) {
            row.addProperty(column.name(), ColumnSchemas.column(column, pipeline.columnDisplayName(column.name()),
                    !column.writable()));
        }
        for (String displayField : pipeline.displayFields().keySet()) {
            row.addProperty(displayField, new JsonSchema().readOnly(true)
                    .description("Computed by the application; read-only, not filterable."));
        }
        // Embedded relations: never required, only in responses (the input schemas are built from columns alone).
        for (OpenApiNames.Related relation : related) {
            Schema<Object> target = ref(names.of(relation.target()));
            Schema<?> property = relation.toMany() ? new JsonSchema().typesItem("array").items(target)
                    : new JsonSchema().oneOf(List.of(target, new JsonSchema().typesItem("null")));
            row.addProperty(relation.relation().name(), property.description(relation.description(table)));
        }
        return row;
    }

    /**
     * The body of a create, with related rows inline: the create body's columns, where a foreign key that a
     * many-to-one row can fill is no longer required, and a property per relation whose rows can be created.
     */
    private Schema<Object> newSchema(TablePipeline pipeline, List<OpenApiNames.Related> related) {
        Table table = pipeline.table();
        Schema<Object> created = inputSchema(pipeline, true);
        created.title(pipeline.displayName() + " (create, with related rows)");
        for (OpenApiNames.Related relation : related) {
            if (!relation.creatable(model)) {
                continue;
            }
            Schema<Object> target = ref(names.of(relation.target()) + "New");
            Schema<?> property = relation.toMany() ? new JsonSchema().typesItem("array").items(target) : target;
            created.addProperty(relation.relation().name(), property.description(relation.createDescription(table)));
            if (!relation.toMany() && created.getRequired() != null) {
                List<String> required = new java.util.ArrayList<>(created.getRequired());
                required.removeAll(relation.relation().columns());
                created.required(required.isEmpty() ? null : required);
            }
        }
        return created;
    }

    private Schema<Object> inputSchema(TablePipeline pipeline, boolean withRequired) {
        Table table = pipeline.table();
        Schema<Object> input = object();
        input.title(pipeline.displayName() + (withRequired ? " (create or replace)" : " (update)"));
        input.additionalProperties(false);
        for (Column column : security.visible(table)) {
            if (!column.writable() && !table.primaryKey().contains(column.name())) {
                continue;
            }
            if (!column.writable()) {
                // A key the database assigns may be repeated in a PUT body, as a row read with GET has it.
                Schema<Object> key = ColumnSchemas.column(column, pipeline.columnDisplayName(column.name()), false);
                key.description("The row's own key; only accepted equal to the key in the path (PUT).");
                input.addProperty(column.name(), key);
                continue;
            }
            input.addProperty(column.name(), ColumnSchemas.column(column, pipeline.columnDisplayName(column.name()),
                    false));
            if (withRequired && column.requiredOnCreate()) {
                input.addRequiredItem(column.name());
            }
        }
        return input;
    }

    private static Schema<Object> pageSchema(String name) {
        Schema<Object> page = object();
        page.addProperty("rows", new JsonSchema().typesItem("array").items(ref(name)));
        page.addProperty("total", new JsonSchema().types(Set.of("integer", "null")).format("int64")
                .description("Rows matching the filters; null with count=none"));
        page.addProperty("totalIsEstimate", new JsonSchema().typesItem("boolean")
                .description("Whether total is the database's estimate (count=estimated on a large result) "
                        + "rather than a count"));
        page.addProperty("limit", new JsonSchema().typesItem("integer").format("int64"));
        page.addProperty("offset", new JsonSchema().typesItem("integer").format("int64"));
        page.addProperty("next", new JsonSchema().types(Set.of("string", "null"))
                .description("The cursor of the next page, to send as 'after' (also in the Link header, rel=next); "
                        + "null on the last page"));
        page.required(List.of("rows", "total", "totalIsEstimate", "limit", "offset", "next"));
        return page;
    }

    private static Schema<Object> bulkSchema(String name) {
        Schema<Object> bulk = object();
        bulk.description("The answer of a bulk PATCH or DELETE");
        bulk.addProperty("rows", new JsonSchema().typesItem("array").items(ref(name))
                .description("The rows changed; left out with Prefer: return=minimal"));
        bulk.addProperty("count", new JsonSchema().typesItem("integer").format("int64")
                .description("How many rows were changed"));
        bulk.required(List.of("count"));
        return bulk;
    }

    private static Schema<Object> upsertedSchema(String name) {
        Schema<Object> upserted = object();
        upserted.description("The answer of an upsert of an array");
        upserted.addProperty("rows", new JsonSchema().typesItem("array").items(ref(name))
                .description("The rows as stored, in the order sent; left out with Prefer: return=minimal"));
        Schema<Object> outcome = string();
        outcome.setEnum(List.of("created", "updated", "ignored"));
        upserted.addProperty("outcomes", new JsonSchema().typesItem("array").items(outcome)
                .description("What was done to each row, in the order sent"));
        upserted.addProperty("count", new JsonSchema().typesItem("integer").format("int64"));
        upserted.required(List.of("outcomes", "count"));
        return upserted;
    }

    /** The body of an action: its inputs, and for a table action the keys of the rows to run on. */
    Schema<Object> actionBody(Table table, Action action) {
        Schema<Object> body = object();
        body.additionalProperties(true);
        for (io.sentro.spring.customize.ActionInput input : action.inputs()) {
            body.addProperty(input.name(), inputSchema(input).title(input.label()));
            if (input.required()) {
                body.addRequiredItem(input.name());
            }
        }
        if (action.type() == Action.Type.TABLE) {
            body.addProperty("ids", new JsonSchema().typesItem("array").items(keySchema(table))
                    .description("Keys of the rows to run on; without it, the rows the query parameters select"));
        }
        return body;
    }

    private static Schema<Object> inputSchema(io.sentro.spring.customize.ActionInput input) {
        return switch (input.kind()) {
            case TEXT -> new JsonSchema().typesItem("string");
            case INTEGER -> new JsonSchema().typesItem("integer").format("int64");
            case DECIMAL -> new JsonSchema().typesItem("number");
            case BOOLEAN -> new JsonSchema().typesItem("boolean");
            case DATE -> new JsonSchema().typesItem("string").format("date");
            case TIMESTAMP -> new JsonSchema().typesItem("string").format("date-time");
        };
    }

    /** The schema of a row's key: its column's, or a string of comma-separated values for a composite key. */
    static Schema<Object> keySchema(Table table) {
        if (table.primaryKey().size() == 1) {
            return ColumnSchemas.type(table.primaryKeyColumns().get(0).type());
        }
        return string();
    }
}
