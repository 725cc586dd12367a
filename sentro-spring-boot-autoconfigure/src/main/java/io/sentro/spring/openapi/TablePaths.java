package io.sentro.spring.openapi;

import java.util.List;

import io.sentro.spring.customize.Action;
import io.sentro.spring.pipeline.TablePipeline;
import io.sentro.spring.request.Preferences;
import io.sentro.spring.schema.Table;
import io.sentro.spring.security.AccessPolicy;
import io.sentro.spring.web.TableRoutes;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.tags.Tag;

import static io.sentro.spring.openapi.OpenApiParts.JSON;
import static io.sentro.spring.openapi.OpenApiParts.jsonBody;
import static io.sentro.spring.openapi.OpenApiParts.jsonResponse;
import static io.sentro.spring.openapi.OpenApiParts.ref;
import static io.sentro.spring.openapi.OpenApiParts.string;
import static io.sentro.spring.openapi.OperationResponses.actionResponse;
import static io.sentro.spring.openapi.OperationResponses.bulkResponse;
import static io.sentro.spring.openapi.OperationResponses.etagHeader;
import static io.sentro.spring.openapi.OperationResponses.listResponse;
import static io.sentro.spring.openapi.OperationResponses.preferenceApplied;
import static io.sentro.spring.openapi.OperationResponses.responses;
import static io.sentro.spring.openapi.OperationResponses.storedRow;
import static io.sentro.spring.openapi.QueryParameters.conditionHeader;
import static io.sentro.spring.openapi.QueryParameters.embedParameter;
import static io.sentro.spring.openapi.QueryParameters.keyParameter;
import static io.sentro.spring.openapi.QueryParameters.preferHeader;
import static io.sentro.spring.openapi.QueryParameters.query;

/**
 * A table's part of the document: its tag, its schemas (from {@link TableSchemas}), and the paths of the routes it
 * serves ({@link TableRoutes}): the collection, the row by key and each action, every operation with its
 * parameters, body, responses and security.
 */
final class TablePaths {

    private final String basePath;
    private final OpenApiNames names;
    private final AccessPolicy access;
    private final SecurityDescriptions security;
    private final TableSchemas schemas;
    private final QueryParameters parameters;

    TablePaths(String basePath, OpenApiNames names, AccessPolicy access, SecurityDescriptions security,
            TableSchemas schemas, QueryParameters parameters) {
        this.basePath = basePath;
        this.names = names;
        this.access = access;
        this.security = security;
        this.schemas = schemas;
        this.parameters = parameters;
    }

    void addTable(OpenAPI openApi, TablePipeline pipeline) {
        Table table = pipeline.table();
        String name = names.of(table);
        String tag = pipeline.displayName();
        openApi.addTagsItem(new Tag().name(tag).description(table.comment() != null ? table.comment()
                : (table.view() ? "The rows of view " : "The rows of table ") + table.name()));
        List<OpenApiNames.Related> related = schemas.related(pipeline);
        schemas.addSchemas(openApi.getComponents(), pipeline, related);
        TableRoutes routes = TableRoutes.of(table);

        String collection = basePath + "/" + table.name();
        PathItem collectionItem = new PathItem();
        collectionItem.get(security.described(operation("list" + name, tag, "List the rows of " + tag,
                listDescription(table, related))
                .parameters(parameters.listParameters(pipeline, related))
                .responses(responses("200", listResponse(name), "400", "404")),
                access.rule(table, io.sentro.spring.customize.Operation.READ)));
        if (routes.serves(TableRoutes.Kind.CREATE)) {
            ApiResponse created = jsonResponse("The row as stored, with defaults and generated values (no body with "
                    + "Prefer: return=minimal)", ref(name));
            if (table.hasPrimaryKey()) {
                created.addHeaderObject("Location", new Header().description("The new row's path")
                        .schema(string()));
            }
            created.addHeaderObject(Preferences.APPLIED_HEADER, preferenceApplied());
            created.addHeaderObject("ETag", etagHeader());
            ApiResponses createResponses = responses("201", created, "400", "403", "409", "415");
            createResponses.addApiResponse("200", jsonResponse("Upserts (Prefer: resolution=...): the existing row, "
                    + "merged or left as it was", ref(name)).addHeaderObject("ETag", etagHeader())
                    .addHeaderObject(Preferences.APPLIED_HEADER, preferenceApplied()));
            collectionItem.post(security.described(operation("create" + name, tag, "Create a row in " + tag,
                    "Send one JSON object. A JSON array of objects creates several rows in one transaction and "
                            + "answers with an array.\n\nUpsert: with Prefer: resolution=merge-duplicates (update "
                            + "the existing row; needs the update rule too) or resolution=ignore-duplicates (keep "
                            + "it), a row whose key exists is not created. The key is the primary key, or the unique "
                            + "key on_conflict names. One object answers 201 (created) or 200 (merged or kept); an "
                            + "array answers 200 with " + name + "Upserted: the rows and their outcomes "
                            + "(created, updated, ignored), in order.\n\nNested insert: related rows inline "
                            + "under their relation's name (" + name + "New) are created in the same transaction, "
                            + "each through its table's hooks and access rules; foreign keys are filled by Sentro, "
                            + "and the answer embeds what was created. Not with an upsert.")
                    .addParametersItem(preferHeader("return=minimal answers 201 without a body; "
                            + "resolution=merge-duplicates or ignore-duplicates makes it an upsert"))
                    .addParametersItem(query("on_conflict", "The unique key an upsert finds existing rows by, "
                            + "comma-separated; the primary key when absent. Only with Prefer: resolution",
                            new JsonSchema().typesItem("array").items(string())).style(Parameter.StyleEnum.FORM)
                            .explode(false))
                    .requestBody(jsonBody(ref(name + "New")))
                    .responses(createResponses),
                    access.rule(table, io.sentro.spring.customize.Operation.CREATE)));
        }
        if (routes.serves(TableRoutes.Kind.UPDATE_MATCHING)) {
            collectionItem.patch(security.described(operation("update" + name + "Matching", tag, "Update the rows of "
                    + tag + " that the filters select", "With filters (where.*, or.*, search; at least one) and one "
                    + "JSON object: sets its values on every row they select. With a JSON array of objects that each "
                    + "carry their key (" + String.join(", ", table.primaryKey()) + "; the " + name + "KeyedPatch "
                    + "schema) and no filters: updates each row with its own values. One transaction: a failing row, "
                    + "or more rows than max-affected, writes nothing.")
                    .parameters(parameters.bulkParameters(pipeline))
                    // The array form is described, not declared with oneOf, as for POST: generated Java clients
                    // do not compile a oneOf with an array member (openapi-generator #12911, #17745).
                    .requestBody(jsonBody(ref(name + "Patch")))
                    .responses(responses("200", bulkResponse(name, "updated rows, as stored"), "400", "404", "409",
                            "415")), access.rule(table, io.sentro.spring.customize.Operation.UPDATE)));
        }
        if (routes.serves(TableRoutes.Kind.DELETE_MATCHING)) {
            collectionItem.delete(security.described(operation("delete" + name + "Matching", tag, "Delete the rows of "
                    + tag + " that the filters select", "Filters (where.*, or.*, search) are required. One "
                    + "transaction: more rows than max-affected deletes nothing.")
                    .parameters(parameters.bulkParameters(pipeline))
                    .responses(responses("200", bulkResponse(name, "deleted rows, as they were"), "400", "409")),
                    access.rule(table, io.sentro.spring.customize.Operation.DELETE)));
        }
        openApi.getPaths().addPathItem(collection, collectionItem);

        if (table.hasPrimaryKey()) {
            addItem(openApi, pipeline, related, collection + "/{key}", routes);
        }
        addActions(openApi, pipeline, collection);
    }

    /** The path of one row by key: get, and the update, replace and delete the table serves. */
    private void addItem(OpenAPI openApi, TablePipeline pipeline, List<OpenApiNames.Related> related,
            String itemPath, TableRoutes routes) {
        Table table = pipeline.table();
        String name = names.of(table);
        String tag = pipeline.displayName();
        PathItem item = new PathItem();
        Operation get = operation("get" + name, tag, "Get one row of " + tag + " by key", null)
                .addParametersItem(keyParameter(table)).addParametersItem(parameters.fieldsParameter(pipeline));
        if (!related.isEmpty()) {
            get.addParametersItem(embedParameter(related));
        }
        get.addParametersItem(conditionHeader("If-None-Match", "ETags of versions the client has: when the "
                + "row's is one of them, the answer is 304 without a body"));
        ApiResponses getResponses = responses("200", jsonResponse("The row", ref(name))
                .addHeaderObject("ETag", etagHeader()), "400", "404");
        getResponses.addApiResponse("304", new ApiResponse().description("The row is the version If-None-Match "
                + "names").addHeaderObject("ETag", etagHeader()));
        item.get(security.described(get.responses(getResponses),
                access.rule(table, io.sentro.spring.customize.Operation.READ)));
        if (routes.serves(TableRoutes.Kind.UPDATE)) {
            item.patch(security.described(operation("update" + name, tag, "Update some columns of a row in " + tag,
                    null)
                    .addParametersItem(keyParameter(table))
                    .addParametersItem(preferHeader("return=minimal answers 204 without a body"))
                    .addParametersItem(parameters.ifMatchHeader())
                    .requestBody(jsonBody(ref(name + "Patch")))
                    .responses(responses("200", storedRow(name), "400", "404", "409", "412", "415", "428")),
                    access.rule(table, io.sentro.spring.customize.Operation.UPDATE)));
        }
        if (routes.serves(TableRoutes.Kind.REPLACE)) {
            item.put(security.described(operation("replace" + name, tag, "Replace a row in " + tag,
                    "Columns left out are reset to their default, or NULL.")
                    .addParametersItem(keyParameter(table))
                    .addParametersItem(preferHeader("return=minimal answers 204 without a body"))
                    .addParametersItem(parameters.ifMatchHeader())
                    .requestBody(jsonBody(ref(name + "Input")))
                    .responses(responses("200", storedRow(name), "400", "404", "409", "412", "415", "428")),
                    access.rule(table, io.sentro.spring.customize.Operation.UPDATE)));
        }
        if (routes.serves(TableRoutes.Kind.DELETE)) {
            item.delete(security.described(operation("delete" + name, tag, "Delete a row in " + tag, null)
                    .addParametersItem(keyParameter(table)).addParametersItem(parameters.ifMatchHeader())
                    .responses(responses("204", new ApiResponse().description("Deleted"), "400", "404", "409",
                            "412", "428")),
                    access.rule(table, io.sentro.spring.customize.Operation.DELETE)));
        }
        openApi.getPaths().addPathItem(itemPath, item);
    }

    /** A path per action: on one row by key, or on the rows a table action selects. */
    private void addActions(OpenAPI openApi, TablePipeline pipeline, String collection) {
        Table table = pipeline.table();
        String name = names.of(table);
        String tag = pipeline.displayName();
        for (Action action : pipeline.actions()) {
            boolean detail = action.type() == Action.Type.DETAIL;
            String path = collection + (detail ? "/{key}" : "") + "/_actions/" + action.id();
            Operation operation = operation(OpenApiNames.camel(action.id()) + name, tag, action.label(),
                    detail ? "Runs on one row." : "Runs on the rows named by `ids`, or else on the rows the list "
                            + "query parameters select.")
                    .requestBody(new RequestBody().required(false).content(new Content().addMediaType(JSON,
                            new MediaType().schema(schemas.actionBody(table, action)))))
                    .responses(responses("200", actionResponse(), "400", "404"));
            if (detail) {
                operation.addParametersItem(keyParameter(table));
            }
            security.described(operation, access.rule(table, action));
            openApi.getPaths().addPathItem(path, new PathItem().post(operation));
        }
    }

    private static Operation operation(String id, String tag, String summary, String description) {
        Operation operation = new Operation().operationId(id).summary(summary).addTagsItem(tag);
        if (description != null) {
            operation.description(description);
        }
        return operation;
    }

    private static String listDescription(Table table, List<OpenApiNames.Related> related) {
        String description = "Filters: where.<column>.<operator>=<value> (all must hold). OR groups: "
                + "or.<group>.<column>.<operator>=<value>, filters of a group ANDed, groups ORed. Default order: the "
                + "primary key" + (table.hasPrimaryKey() ? " (" + String.join(", ", table.primaryKey()) + ")." : ".");
        if (related.isEmpty()) {
            return description;
        }
        String names = String.join(", ", related.stream().map(relation -> relation.relation().name()).toList());
        String first = QueryParameters.example(related);
        return description + "\n\nRelations: " + names + ". embed=<relation>,... embeds related rows in each row "
                + "(a many-to-one as an object or null, a one-to-many or many-to-many as an array); a dot nests "
                + "(embed=" + first + ".<relation>). Parameters of an embedded relation are prefixed with its path: "
                + "<relation>.fields=<columns>, <relation>.sort=<columns>, <relation>.limit=<n> (rows per parent, "
                + "for a to-many relation) and <relation>.where.<column>.<operator>=<value> choose its columns, "
                + "order, count and rows. where.<relation>.<column>.<operator>=<value> keeps the rows that have at "
                + "least one related row matching it (where." + first + ".<column>.eq=...).";
    }
}
