package io.sentro.spring.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import io.sentro.spring.customize.Action;
import io.sentro.spring.customize.Operation;
import io.sentro.spring.openapi.TypeScriptDeclarations;
import io.sentro.spring.request.ApiRequestParser;
import io.sentro.spring.schema.SchemaModel;
import io.sentro.spring.schema.Table;
import io.sentro.spring.security.AccessPolicy;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The descriptions of the API, each of what the caller may read: the index ({@code GET {base}}), the schema
 * ({@code GET {base}/_schema}) and TypeScript declarations ({@code GET {base}/_types.ts}).
 */
final class DescriptionEndpoints {

    private final SchemaModel model;
    private final ApiRequestParser parser;
    private final JsonResponses responses;
    private final SchemaDocument schemaDocument;
    private final TypeScriptDeclarations typeScript;
    private final AccessPolicy access;
    private final ReadableTables readable;
    private final ResourcePaths paths;

    DescriptionEndpoints(SchemaModel model, ApiRequestParser parser, JsonResponses responses,
            SchemaDocument schemaDocument, TypeScriptDeclarations typeScript, AccessPolicy access,
            ReadableTables readable, ResourcePaths paths) {
        this.model = model;
        this.parser = parser;
        this.responses = responses;
        this.schemaDocument = schemaDocument;
        this.typeScript = typeScript;
        this.access = access;
        this.readable = readable;
        this.paths = paths;
    }

    /** {@code GET {base}/_schema}. */
    void schema(RestCall call) throws IOException {
        parser.parseNone(call.parameters());
        responses.document(call.response(), schemaDocument.document(readable.of(call.site())));
    }

    /** {@code GET {base}}: the served tables with their paths, and where the descriptions are. */
    void index(RestCall call) throws IOException {
        parser.parseNone(call.parameters());
        String prefix = paths.base(call.request());
        List<Object> tables = new ArrayList<>();
        Predicate<Table> readable = this.readable.of(call.site());
        for (Table table : model.tables()) {
            if (!readable.test(table)) {
                continue;
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", table.name());
            entry.put("href", paths.table(call.request(), table));
            TableRoutes routes = TableRoutes.of(table);
            entry.put("methods", routes.methods(TableRoutes.Target.COLLECTION));
            // What this caller may do, among what the table serves: what a client (the console) offers them.
            List<String> operations = new ArrayList<>();
            for (Operation operation : List.of(Operation.READ, Operation.CREATE, Operation.UPDATE, Operation.DELETE)) {
                if (serves(routes, operation) && access.may(table, operation, call.site())) {
                    operations.add(operation.name().toLowerCase(Locale.ROOT));
                }
            }
            entry.put("operations", operations);
            entry.put("actions", schemaDocument.actions(table).stream()
                    .filter(action -> access.mayRun(table, action, call.site())).map(Action::id).toList());
            tables.add(entry);
        }
        Map<String, Object> index = new LinkedHashMap<>();
        index.put("tables", tables);
        index.put("schema", prefix + "/_schema");
        index.put("types", prefix + "/_types.ts");
        responses.document(call.response(), index);
    }

    private static boolean serves(TableRoutes routes, Operation operation) {
        return routes.routes().stream().anyMatch(kind -> kind.operation() == operation);
    }

    /** {@code GET {base}/_types.ts}: TypeScript declarations of the served tables. */
    void types(RestCall call) throws IOException {
        parser.parseNone(call.parameters());
        byte[] bytes = typeScript.source(readable.of(call.site())).getBytes(StandardCharsets.UTF_8);
        HttpServletResponse response = call.response();
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("application/typescript;charset=UTF-8");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
