package io.sentro.spring.openapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.sentro.spring.customize.Action;
import io.sentro.spring.pipeline.CustomizerRegistry;
import io.sentro.spring.pipeline.TablePipeline;
import io.sentro.spring.query.Operator;
import io.sentro.spring.schema.Column;
import io.sentro.spring.schema.Relations;
import io.sentro.spring.schema.SchemaModel;
import io.sentro.spring.schema.Table;
import io.sentro.spring.schema.TypeKind;
import io.sentro.spring.request.Preferences;
import io.sentro.spring.web.TableRoutes;
import io.sentro.spring.security.AccessPolicy;
import io.sentro.spring.security.AccessRule;
import io.sentro.spring.security.SentroCredentials;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Adds Sentro's routes to springdoc's OpenAPI 3.1 document, derived from the schema model and the customizers: per
 * table a tag, a row schema (with an optional property per relation a row may embed), an input schema (create and
 * replace), a patch schema and a page schema; every operation with its parameters (each {@code where.*} filter the
 * column supports, {@code embed} where the table has relations), bodies and problem responses; every action.
 * The document follows the database and the customizers; nothing is written by hand.
 */
public final class SentroOpenApiCustomizer implements OpenApiCustomizer {

    private static final String JSON = "application/json";
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String REF = "#/components/schemas/";
    private static final String SPRINGDOC_DEFAULT_TITLE = "OpenAPI definition";
    private static final String API_KEY_SCHEME = "ApiKey";
    private static final String BEARER_SCHEME = "BearerJwt";

    private final SchemaModel model;
    private final Relations relations;
    private final CustomizerRegistry registry;
    private final String basePath;
    private final int maxPageSize;
    private final long maxAffected;
    private final boolean requireIfMatch;
    private final OpenApiNames names;
    private final AccessPolicy access;
    private final SentroCredentials credentials;
    private final Info info;

    /** @param info the document's title and version, used when springdoc's are its placeholders */
    public SentroOpenApiCustomizer(SchemaModel model, CustomizerRegistry registry, String basePath, int maxPageSize,
            AccessPolicy access, SentroCredentials credentials, Info info) {
        this(model, Relations.of(model), registry, basePath, maxPageSize, access, credentials, info);
    }

    /**
     * @param relations the relations of the served tables: each becomes an optional property of the row schema and
     * a name the {@code embed} parameter accepts
     * @param info the document's title and version, used when springdoc's are its placeholders
     */
    public SentroOpenApiCustomizer(SchemaModel model, Relations relations, CustomizerRegistry registry,
            String basePath, int maxPageSize, AccessPolicy access, SentroCredentials credentials, Info info) {
        this(model, relations, registry, basePath, maxPageSize, 1000, false, access, credentials, info);
    }

    /**
     * @param maxAffected the most rows a bulk write may change ({@code sentro.writes.max-affected})
     * @param requireIfMatch whether writes by key must send If-Match ({@code sentro.concurrency.require-if-match})
     */
    public SentroOpenApiCustomizer(SchemaModel model, Relations relations, CustomizerRegistry registry,
            String basePath, int maxPageSize, long maxAffected, boolean requireIfMatch, AccessPolicy access,
            SentroCredentials credentials, Info info) {
        this.maxAffected = maxAffected;
        this.requireIfMatch = requireIfMatch;
        this.model = model;
        this.relations = relations;
        this.access = access;
        this.credentials = credentials;
        this.info = info;
        this.registry = registry;
        this.basePath = basePath;
        this.maxPageSize = maxPageSize;
        this.names = new OpenApiNames(model.tables());
    }

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getComponents() == null) {
            openApi.setComponents(new Components());
        }
        if (openApi.getPaths() == null) {
            openApi.setPaths(new Paths());
        }
        if (openApi.getInfo() == null || openApi.getInfo().getTitle() == null
                || SPRINGDOC_DEFAULT_TITLE.equals(openApi.getInfo().getTitle())) {
            openApi.setInfo(new Info().title(info.getTitle()).version(info.getVersion())
                    .description(withAuthentication(info.getDescription())));
        }
        Components components = openApi.getComponents();
        components.addSchemas("Problem", problemSchema());
        addProblemResponses(components);
        addSecuritySchemes(components);
        // The index, _types.ts and _schema list the tables the caller may read: open when one is open to all.
        AccessRule descriptions = model.tables().isEmpty() || model.tables().stream()
                .anyMatch(table -> access.rule(table, io.sentro.spring.customize.Operation.READ).permitsAnonymous())
                        ? AccessRule.PERMIT_ALL : AccessRule.AUTHENTICATED;
        openApi.getPaths().addPathItem(basePath, new PathItem().get(described(new Operation()
                .operationId("getSentroIndex").summary("The served tables and their paths")
                .addTagsItem("Sentro").responses(new ApiResponses()
                        .addApiResponse("200", jsonResponse("The index", object()))), descriptions)));
        openApi.getPaths().addPathItem(basePath + "/_types.ts", new PathItem().get(described(new Operation()
                .operationId("getSentroTypeScript").summary("TypeScript declarations of the served tables")
                .addTagsItem("Sentro").responses(new ApiResponses().addApiResponse("200", new ApiResponse()
                        .description("TypeScript source").content(new Content().addMediaType("application/typescript",
                                new MediaType().schema(string()))))), descriptions)));
        openApi.getPaths().addPathItem(basePath + "/_schema", new PathItem().get(described(new Operation()
                .operationId("getSentroSchema").summary("The served tables, columns, keys, relations and actions")
                .addTagsItem("Sentro").responses(new ApiResponses()
                        .addApiResponse("200", jsonResponse("The model", object()))), descriptions)));
        openApi.addTagsItem(new Tag().name("Sentro").description("The model behind the generated API"));
        for (Table table : model.tables()) {
            TablePipeline pipeline = registry.pipeline(table);
            addTable(openApi, pipeline);
        }
    }

    private void addTable(OpenAPI openApi, TablePipeline pipeline) {
        Table table = pipeline.table();
        String name = names.of(table);
        String tag = pipeline.displayName();
        openApi.addTagsItem(new Tag().name(tag).description(table.comment() != null ? table.comment()
                : (table.view() ? "The rows of view " : "The rows of table ") + table.name()));
        Components components = openApi.getComponents();
        List<OpenApiNames.Related> related = related(pipeline);
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

        String collection = basePath + "/" + table.name();
        PathItem collectionItem = new PathItem();
        collectionItem.get(described(operation("list" + name, tag, "List the rows of " + tag,
                listDescription(table, related))
                .parameters(listParameters(pipeline, related))
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
            components.addSchemas(name + "Upserted", upsertedSchema(name));
            collectionItem.post(described(operation("create" + name, tag, "Create a row in " + tag,
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
            Schema<Object> keyedPatch = inputSchema(pipeline, false);
            keyedPatch.title(pipeline.displayName() + " (update by key)");
            table.primaryKey().forEach(keyedPatch::addRequiredItem);
            components.addSchemas(name + "KeyedPatch", keyedPatch);
            collectionItem.patch(described(operation("update" + name + "Matching", tag, "Update the rows of " + tag
                    + " that the filters select", "With filters (where.*, or.*, search; at least one) and one JSON "
                    + "object: sets its values on every row they select. With a JSON array of objects that each "
                    + "carry their key (" + String.join(", ", table.primaryKey()) + "; the " + name + "KeyedPatch "
                    + "schema) and no filters: updates each row with its own values. One transaction: a failing row, "
                    + "or more rows than max-affected, writes nothing.")
                    .parameters(bulkParameters(pipeline))
                    // The array form is described, not declared with oneOf, as for POST: generated Java clients
                    // do not compile a oneOf with an array member (openapi-generator #12911, #17745).
                    .requestBody(jsonBody(ref(name + "Patch")))
                    .responses(responses("200", bulkResponse(name, "updated rows, as stored"), "400", "404", "409",
                            "415")), access.rule(table, io.sentro.spring.customize.Operation.UPDATE)));
        }
        if (routes.serves(TableRoutes.Kind.DELETE_MATCHING)) {
            collectionItem.delete(described(operation("delete" + name + "Matching", tag, "Delete the rows of " + tag
                    + " that the filters select", "Filters (where.*, or.*, search) are required. One transaction: "
                    + "more rows than max-affected deletes nothing.")
                    .parameters(bulkParameters(pipeline))
                    .responses(responses("200", bulkResponse(name, "deleted rows, as they were"), "400", "409")),
                    access.rule(table, io.sentro.spring.customize.Operation.DELETE)));
        }
        openApi.getPaths().addPathItem(collection, collectionItem);

        if (table.hasPrimaryKey()) {
            String itemPath = collection + "/{key}";
            PathItem item = new PathItem();
            Operation get = operation("get" + name, tag, "Get one row of " + tag + " by key", null)
                    .addParametersItem(keyParameter(table)).addParametersItem(fieldsParameter(pipeline));
            if (!related.isEmpty()) {
                get.addParametersItem(embedParameter(related));
            }
            get.addParametersItem(conditionHeader("If-None-Match", "ETags of versions the client has: when the "
                    + "row's is one of them, the answer is 304 without a body"));
            ApiResponses getResponses = responses("200", jsonResponse("The row", ref(name))
                    .addHeaderObject("ETag", etagHeader()), "400", "404");
            getResponses.addApiResponse("304", new ApiResponse().description("The row is the version If-None-Match "
                    + "names").addHeaderObject("ETag", etagHeader()));
            item.get(described(get.responses(getResponses),
                    access.rule(table, io.sentro.spring.customize.Operation.READ)));
            if (routes.serves(TableRoutes.Kind.UPDATE)) {
                item.patch(described(operation("update" + name, tag, "Update some columns of a row in " + tag, null)
                        .addParametersItem(keyParameter(table))
                        .addParametersItem(preferHeader("return=minimal answers 204 without a body"))
                        .addParametersItem(ifMatchHeader())
                        .requestBody(jsonBody(ref(name + "Patch")))
                        .responses(responses("200", storedRow(name), "400", "404", "409", "412", "415", "428")),
                        access.rule(table, io.sentro.spring.customize.Operation.UPDATE)));
            }
            if (routes.serves(TableRoutes.Kind.REPLACE)) {
                item.put(described(operation("replace" + name, tag, "Replace a row in " + tag,
                        "Columns left out are reset to their default, or NULL.")
                        .addParametersItem(keyParameter(table))
                        .addParametersItem(preferHeader("return=minimal answers 204 without a body"))
                        .addParametersItem(ifMatchHeader())
                        .requestBody(jsonBody(ref(name + "Input")))
                        .responses(responses("200", storedRow(name), "400", "404", "409", "412", "415", "428")),
                        access.rule(table, io.sentro.spring.customize.Operation.UPDATE)));
            }
            if (routes.serves(TableRoutes.Kind.DELETE)) {
                item.delete(described(operation("delete" + name, tag, "Delete a row in " + tag, null)
                        .addParametersItem(keyParameter(table)).addParametersItem(ifMatchHeader())
                        .responses(responses("204", new ApiResponse().description("Deleted"), "400", "404", "409",
                                "412", "428")),
                        access.rule(table, io.sentro.spring.customize.Operation.DELETE)));
            }
            openApi.getPaths().addPathItem(itemPath, item);
        }

        for (Action action : pipeline.actions()) {
            boolean detail = action.type() == Action.Type.DETAIL;
            String path = collection + (detail ? "/{key}" : "") + "/_actions/" + action.id();
            Operation operation = operation(OpenApiNames.camel(action.id()) + name, tag, action.label(),
                    detail ? "Runs on one row." : "Runs on the rows named by `ids`, or else on the rows the list "
                            + "query parameters select.")
                    .requestBody(new RequestBody().required(false).content(new Content().addMediaType(JSON,
                            new MediaType().schema(actionBody(table, action)))))
                    .responses(responses("200", actionResponse(), "400", "404"));
            if (detail) {
                operation.addParametersItem(keyParameter(table));
            }
            described(operation, access.rule(table, action));
            openApi.getPaths().addPathItem(path, new PathItem().post(operation));
        }
    }

    // ---- schemas ------------------------------------------------------------------------------------------------

    /**
     * The relations a row of this table may embed: those {@link OpenApiNames#related} shows, except those to a table
     * no caller may read.
     */
    private List<OpenApiNames.Related> related(TablePipeline pipeline) {
        return OpenApiNames.related(model, pipeline.table(), relations.forTable(pipeline.table().name()),
                access::hiddenFromEveryone, pipeline.displayFields().keySet()).stream()
                .filter(related -> !access.rule(related.target(), io.sentro.spring.customize.Operation.READ)
                        .deniesAll())
                .toList();
    }

    private Schema<Object> rowSchema(TablePipeline pipeline, List<OpenApiNames.Related> related) {
        Table table = pipeline.table();
        Schema<Object> row = object();
        row.title(pipeline.displayName());
        if (table.comment() != null) {
            row.description(table.comment());
        }
        for (Column column : visible(table)) {
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
        for (Column column : visible(table)) {
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

    private static ApiResponse bulkResponse(String name, String rows) {
        return jsonResponse("The " + rows + ", and their count (the count alone with Prefer: return=minimal)",
                ref(name + "Bulk")).addHeaderObject(Preferences.APPLIED_HEADER, preferenceApplied());
    }

    private static ApiResponse storedRow(String name) {
        return jsonResponse("The row as stored (no body with Prefer: return=minimal)", ref(name))
                .addHeaderObject(Preferences.APPLIED_HEADER, preferenceApplied())
                .addHeaderObject("ETag", etagHeader());
    }

    private static Header etagHeader() {
        return new Header().description("The stored row's entity tag, for If-Match and If-None-Match: its version "
                + "column's value, or a hash of its values").schema(string());
    }

    private Parameter ifMatchHeader() {
        return conditionHeader("If-Match", "ETags of the versions of the row this write may change (or *): when the "
                + "row's is not one of them, 412 and nothing is written" + (requireIfMatch
                        ? ". Required (sentro.concurrency.require-if-match): without it, 428" : ""))
                .required(requireIfMatch);
    }

    private static Parameter conditionHeader(String name, String description) {
        return new Parameter().in("header").name(name).required(false).description(description).schema(string());
    }

    private static Header preferenceApplied() {
        return new Header().description("The preferences of Prefer the response honoured (RFC 7240)")
                .schema(string());
    }

    /** The {@code Prefer} request header (RFC 7240): unknown preferences are ignored, malformed ones refused. */
    private static Parameter preferHeader(String what) {
        return new Parameter().in("header").name(Preferences.HEADER).required(false).description("RFC 7240 "
                + "preferences, comma-separated: " + what + "; return=representation is the default. Unknown "
                + "preferences are ignored; a malformed header is a 400").schema(string());
    }

    /** The parameters of a bulk write: its filters, and Prefer. */
    private List<Parameter> bulkParameters(TablePipeline pipeline) {
        List<Parameter> parameters = new ArrayList<>();
        parameters.add(preferHeader("return=minimal answers with the count alone; max-affected=<n> refuses (400, "
                + "nothing written) a request that would change more than n rows (at most " + maxAffected
                + ", sentro.writes.max-affected)"));
        parameters.addAll(filterParameters(pipeline.table()));
        return parameters;
    }

    private static Schema<Object> problemSchema() {
        Schema<Object> problem = object();
        problem.description("An RFC 9457 problem; 'detail' names what was wrong, 'parameter' the parameter or field");
        problem.addProperty("type", string().format("uri"));
        problem.addProperty("title", string());
        problem.addProperty("status", new JsonSchema().typesItem("integer").format("int32"));
        problem.addProperty("detail", string());
        problem.addProperty("instance", string());
        problem.addProperty("code", string().description("Sentro's stable code, e.g. SENTRO-102"));
        problem.addProperty("parameter", string());
        problem.required(List.of("type", "title", "status", "detail"));
        return problem;
    }

    private Schema<Object> actionBody(Table table, Action action) {
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

    private static ApiResponse actionResponse() {
        Schema<Object> file = new JsonSchema().typesItem("string").contentMediaType("application/octet-stream");
        return new ApiResponse().description("The action's result, or a file it produced").content(new Content()
                .addMediaType(JSON, new MediaType().schema(object().additionalProperties(true)))
                .addMediaType("application/octet-stream", new MediaType().schema(file)));
    }

    // ---- parameters ---------------------------------------------------------------------------------------------

    private List<Parameter> listParameters(TablePipeline pipeline, List<OpenApiNames.Related> related) {
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
        for (Column column : visible(table)) {
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
        for (Column column : visible(table)) {
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

    /** {@code search}, and {@code where.<column>.<operator>} for every visible column and operator that applies. */
    private List<Parameter> filterParameters(Table table) {
        List<Parameter> parameters = new ArrayList<>();
        if (visible(table).stream().anyMatch(column -> column.kind() == TypeKind.TEXT)) {
            parameters.add(query("search", "Case-insensitive text to find in any text column", string()));
        }
        for (Column column : visible(table)) {
            for (Operator operator : Operator.values()) {
                if (applies(operator, column)) {
                    parameters.add(filterParameter(column, operator));
                }
            }
        }
        return parameters;
    }

    private static boolean applies(Operator operator, Column column) {
        TypeKind kind = column.kind();
        if (operator == Operator.IS_NULL) {
            return true;
        }
        if (!kind.isComparable()) {
            return false;
        }
        if (operator.isPattern()) {
            return kind == TypeKind.TEXT;
        }
        return !operator.isOrdering() || kind.isOrdered();
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

    private Parameter fieldsParameter(TablePipeline pipeline) {
        List<Object> fields = new ArrayList<>();
        visible(pipeline.table()).forEach(column -> fields.add(column.name()));
        fields.addAll(pipeline.displayFields().keySet());
        return list("fields", "Columns (and display fields) to return, comma-separated; all when absent", fields);
    }

    private static Parameter embedParameter(List<OpenApiNames.Related> related) {
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
    private static String example(List<OpenApiNames.Related> related) {
        return related.stream().filter(OpenApiNames.Related::toMany).findFirst().orElse(related.get(0)).relation()
                .name();
    }

    private static Parameter keyParameter(Table table) {
        String description = table.primaryKey().size() == 1 ? "The " + table.primaryKey().get(0) + " of the row"
                : "The primary key (" + String.join(", ", table.primaryKey()) + ") as comma-separated values in that "
                        + "order; commas inside a value are written %2C";
        return new Parameter().in("path").name("key").required(true).description(description)
                .schema(keySchema(table));
    }

    private static Schema<Object> keySchema(Table table) {
        if (table.primaryKey().size() == 1) {
            return ColumnSchemas.type(table.primaryKeyColumns().get(0).type());
        }
        return string();
    }

    private static Parameter list(String name, String description, List<Object> values) {
        Schema<Object> item = string();
        item.setEnum(values);
        return query(name, description, new JsonSchema().typesItem("array").items(item))
                .style(Parameter.StyleEnum.FORM).explode(false);
    }

    private static Parameter query(String name, String description, Schema<?> schema) {
        return new Parameter().in("query").name(name).required(false).description(description).schema(schema);
    }

    // ---- operations and responses -------------------------------------------------------------------------------

    /** The columns every caller may see; columns hidden from everyone are left out of the document. */
    private List<Column> visible(Table table) {
        java.util.Set<String> hidden = access.hiddenFromEveryone(table);
        return hidden.isEmpty() ? table.columns()
                : table.columns().stream().filter(column -> !hidden.contains(column.name())).toList();
    }

    /**
     * Declares who may call an operation: the credentials it takes (none needed when its rule permits all), and
     * the 401 and 403 problems it can answer with.
     */
    private Operation described(Operation operation, AccessRule rule) {
        List<SecurityRequirement> security = new ArrayList<>();
        if (rule.permitsAnonymous()) {
            security.add(new SecurityRequirement());
        }
        if (credentials.apiKeysEnabled()) {
            security.add(new SecurityRequirement().addList(API_KEY_SCHEME));
        }
        if (credentials.jwtEnabled()) {
            security.add(new SecurityRequirement().addList(BEARER_SCHEME));
        }
        operation.setSecurity(security);
        if (!rule.permitsAnonymous() || credentials.apiKeysEnabled() || credentials.jwtEnabled()) {
            // A credential that does not check out is a 401 even where anonymous callers are let in.
            operation.getResponses().addApiResponse("401", new ApiResponse().$ref("#/components/responses/Problem401"));
        }
        if (!rule.permitsAnonymous() && rule != AccessRule.AUTHENTICATED) {
            operation.getResponses().addApiResponse("403", new ApiResponse().$ref("#/components/responses/Problem403"));
        }
        if (rule.deniesAll()) {
            operation.description((operation.getDescription() == null ? "" : operation.getDescription() + " ")
                    + "Denied to every caller by the access rules.");
        }
        return operation;
    }

    /** The configured description, followed by how to authenticate (what Swagger UI's Authorize wants). */
    private @Nullable String withAuthentication(@Nullable String description) {
        String how = credentials.howToAuthenticate();
        if (how.isEmpty()) {
            return description;
        }
        return description == null || description.isBlank() ? how : description.strip() + "\n\n" + how;
    }

    private void addSecuritySchemes(Components components) {
        if (credentials.apiKeysEnabled()) {
            components.addSecuritySchemes(API_KEY_SCHEME, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                    .in(SecurityScheme.In.HEADER).name(SentroCredentials.API_KEY_HEADER)
                    .description(credentials.generatedKey()
                            ? "The API key Sentro generated at start-up: the application's log has it (WARN, 'Using "
                                    + "generated Sentro API key')"
                            : "An API key of sentro.security.api-keys"));
        }
        if (credentials.jwtEnabled()) {
            components.addSecuritySchemes(BEARER_SCHEME, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                    .scheme("bearer").bearerFormat("JWT")
                    .description("A JWT of the configured issuer; roles from its roles claim"));
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
        String first = example(related);
        return description + "\n\nRelations: " + names + ". embed=<relation>,... embeds related rows in each row "
                + "(a many-to-one as an object or null, a one-to-many or many-to-many as an array); a dot nests "
                + "(embed=" + first + ".<relation>). Parameters of an embedded relation are prefixed with its path: "
                + "<relation>.fields=<columns>, <relation>.sort=<columns>, <relation>.limit=<n> (rows per parent, "
                + "for a to-many relation) and <relation>.where.<column>.<operator>=<value> choose its columns, "
                + "order, count and rows. where.<relation>.<column>.<operator>=<value> keeps the rows that have at "
                + "least one related row matching it (where." + first + ".<column>.eq=...).";
    }

    private static ApiResponses responses(String okStatus, ApiResponse ok, String... problems) {
        ApiResponses responses = new ApiResponses().addApiResponse(okStatus, ok);
        for (String status : problems) {
            responses.addApiResponse(status, new ApiResponse().$ref("#/components/responses/Problem" + status));
        }
        responses.addApiResponse("503", new ApiResponse().$ref("#/components/responses/Problem503"));
        return responses;
    }

    private static void addProblemResponses(Components components) {
        Map<String, String> descriptions = new LinkedHashMap<>();
        descriptions.put("400", "Bad request: an unknown column or operator, a value that does not fit its column, "
                + "a malformed body, a missing required field");
        descriptions.put("401", "No credentials, or credentials that were not accepted (see WWW-Authenticate)");
        descriptions.put("403", "The caller may not run this operation on this table");
        descriptions.put("404", "Unknown table, or no row with this key");
        descriptions.put("409", "A unique or foreign key constraint is violated");
        descriptions.put("412", "If-Match names a version of the row that is not the stored one; nothing was "
                + "written (the ETag header has the stored one)");
        descriptions.put("428", "If-Match is required (sentro.concurrency.require-if-match) and was not sent");
        descriptions.put("415", "The body is not JSON");
        descriptions.put("503", "The database is unavailable");
        descriptions.forEach((status, description) -> components.addResponses("Problem" + status, new ApiResponse()
                .description(description).content(new Content().addMediaType(PROBLEM_JSON,
                        new MediaType().schema(ref("Problem"))))));
    }

    /** A page of JSON, or every row streamed as NDJSON or CSV (format, or the Accept header). */
    private static ApiResponse listResponse(String name) {
        return new ApiResponse().description("A page of rows; with format=ndjson or csv (or Accept: "
                + "application/x-ndjson or text/csv), every matching row, streamed").content(new Content()
                        .addMediaType(JSON, new MediaType().schema(ref(name + "Page")))
                        .addMediaType("application/x-ndjson", new MediaType().schema(ref(name)))
                        .addMediaType("text/csv", new MediaType().schema(new JsonSchema().typesItem("string"))));
    }

    private static ApiResponse jsonResponse(String description, Schema<?> schema) {
        return new ApiResponse().description(description)
                .content(new Content().addMediaType(JSON, new MediaType().schema(schema)));
    }

    private static RequestBody jsonBody(Schema<?> schema) {
        return new RequestBody().required(true).content(new Content().addMediaType(JSON, new MediaType().schema(schema)));
    }

    @SuppressWarnings("unchecked")
    private static Schema<Object> ref(String name) {
        return (Schema<Object>) (Schema<?>) new JsonSchema().$ref(REF + name);
    }

    @SuppressWarnings("unchecked")
    private static Schema<Object> object() {
        return (Schema<Object>) (Schema<?>) new JsonSchema().typesItem("object");
    }

    @SuppressWarnings("unchecked")
    private static Schema<Object> string() {
        return (Schema<Object>) (Schema<?>) new JsonSchema().typesItem("string");
    }
}
