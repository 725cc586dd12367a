package io.sentro.spring.openapi;

import io.sentro.spring.pipeline.CustomizerRegistry;
import io.sentro.spring.pipeline.TablePipeline;
import io.sentro.spring.schema.Relations;
import io.sentro.spring.schema.SchemaModel;
import io.sentro.spring.schema.Table;
import io.sentro.spring.security.AccessPolicy;
import io.sentro.spring.security.AccessRule;
import io.sentro.spring.security.SentroCredentials;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.OpenApiCustomizer;

import static io.sentro.spring.openapi.OpenApiParts.jsonResponse;
import static io.sentro.spring.openapi.OpenApiParts.object;
import static io.sentro.spring.openapi.OpenApiParts.string;

/**
 * Adds Sentro's routes to springdoc's OpenAPI 3.1 document, derived from the schema model and the customizers: per
 * table a tag, a row schema (with an optional property per relation a row may embed), an input schema (create and
 * replace), a patch schema and a page schema; every operation with its parameters (each {@code where.*} filter the
 * column supports, {@code embed} where the table has relations), bodies and problem responses; every action.
 * The document follows the database and the customizers; nothing is written by hand.
 * <p>
 * This class puts the document together: the info, the shared problem responses and security schemes, the index
 * paths, then each table's part ({@link TablePaths}, with {@link TableSchemas}, {@link QueryParameters},
 * {@link OperationResponses} and {@link SecurityDescriptions}).
 */
public final class SentroOpenApiCustomizer implements OpenApiCustomizer {

    private static final String SPRINGDOC_DEFAULT_TITLE = "OpenAPI definition";

    private final SchemaModel model;
    private final CustomizerRegistry registry;
    private final String basePath;
    private final Info info;
    private final SecurityDescriptions security;
    private final TablePaths tables;

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
        this.model = model;
        this.registry = registry;
        this.basePath = basePath;
        this.info = info;
        this.security = new SecurityDescriptions(access, credentials);
        OpenApiNames names = new OpenApiNames(model.tables());
        this.tables = new TablePaths(basePath, names, access, security,
                new TableSchemas(model, relations, access, security, names),
                new QueryParameters(maxPageSize, maxAffected, requireIfMatch, security));
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
                    .description(security.withAuthentication(info.getDescription())));
        }
        Components components = openApi.getComponents();
        components.addSchemas("Problem", OperationResponses.problemSchema());
        OperationResponses.addProblemResponses(components);
        security.addSecuritySchemes(components);
        addIndexPaths(openApi);
        openApi.addTagsItem(new Tag().name("Sentro").description("The model behind the generated API"));
        for (Table table : model.tables()) {
            TablePipeline pipeline = registry.pipeline(table);
            tables.addTable(openApi, pipeline);
        }
    }

    /** The index, {@code _types.ts} and {@code _schema}: what the model behind the API is. */
    private void addIndexPaths(OpenAPI openApi) {
        AccessRule descriptions = security.descriptionsRule(model);
        openApi.getPaths().addPathItem(basePath, new PathItem().get(security.described(new Operation()
                .operationId("getSentroIndex").summary("The served tables and their paths")
                .addTagsItem("Sentro").responses(new ApiResponses()
                        .addApiResponse("200", jsonResponse("The index", object()))), descriptions)));
        openApi.getPaths().addPathItem(basePath + "/_types.ts", new PathItem().get(security.described(new Operation()
                .operationId("getSentroTypeScript").summary("TypeScript declarations of the served tables")
                .addTagsItem("Sentro").responses(new ApiResponses().addApiResponse("200", new ApiResponse()
                        .description("TypeScript source").content(new Content().addMediaType("application/typescript",
                                new MediaType().schema(string()))))), descriptions)));
        openApi.getPaths().addPathItem(basePath + "/_schema", new PathItem().get(security.described(new Operation()
                .operationId("getSentroSchema").summary("The served tables, columns, keys, relations and actions")
                .addTagsItem("Sentro").responses(new ApiResponses()
                        .addApiResponse("200", jsonResponse("The model", object()))), descriptions)));
    }
}
