package io.sentro.spring.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import io.sentro.spring.error.ErrorCode;
import io.sentro.spring.error.SentroException;
import io.sentro.spring.schema.SchemaModel;
import io.sentro.spring.schema.Table;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.web.util.UriUtils;

/**
 * Any other request under the base path, explained: an unknown table (404), a path that is not a route (404), or a
 * method the table does not allow (405, with {@code Allow}).
 */
final class FallbackEndpoint {

    private final SchemaModel model;
    private final SchemaDocument schemaDocument;
    private final ReadableTables readable;
    private final ResourcePaths paths;

    FallbackEndpoint(SchemaModel model, SchemaDocument schemaDocument, ReadableTables readable, ResourcePaths paths) {
        this.model = model;
        this.schemaDocument = schemaDocument;
        this.readable = readable;
        this.paths = paths;
    }

    /** Always throws: the problem says why the request has no route. */
    void serve(RestCall call) {
        HttpServletRequest request = call.request();
        String basePath = paths.basePath();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String rest = path.length() > basePath.length() ? path.substring(basePath.length() + 1) : "";
        List<String> segments = new ArrayList<>(List.of(rest.split("/", -1)));
        String name = UriUtils.decode(segments.get(0), StandardCharsets.UTF_8);
        if (name.isEmpty()) {
            throw new SentroException(ErrorCode.NO_ROUTE, "No route " + request.getMethod() + " " + path + "; the index "
                    + "of the API is " + paths.base(request) + ", without a trailing slash", null);
        }
        if (name.equals("_schema") && segments.size() == 1) {
            call.response().setHeader(HttpHeaders.ALLOW, "GET");
            throw new SentroException(ErrorCode.METHOD_NOT_ALLOWED, request.getMethod() + " is not allowed on " + path
                    + ": the schema is read with GET", null);
        }
        Predicate<Table> readable = this.readable.of(call.site());
        // A table the caller may not read is as unknown to them as one that does not exist.
        Table table = model.table(name).filter(readable).orElseThrow(() -> new SentroException(ErrorCode.UNKNOWN_TABLE,
                "Unknown table '" + name + "'. Served tables: " + String.join(", ",
                        model.tables().stream().filter(readable).map(Table::name).toList()), "table"));
        boolean item = segments.size() == 2 && !segments.get(1).isEmpty();
        boolean action = segments.contains("_actions");
        if (action) {
            throw new SentroException(ErrorCode.NO_ROUTE, "No action " + request.getMethod() + " " + path
                    + "; actions are POSTed, and '" + table.name() + "' has: " + schemaDocument.actionIds(table),
                    "action");
        }
        if (segments.size() > 2 || (segments.size() == 2 && !item)) {
            throw new SentroException(ErrorCode.NO_ROUTE, "No route " + request.getMethod() + " " + path, null);
        }
        TableRoutes routes = TableRoutes.of(table);
        TableRoutes.Target target = item ? TableRoutes.Target.ITEM : TableRoutes.Target.COLLECTION;
        call.response().setHeader(HttpHeaders.ALLOW, String.join(", ", routes.methods(target)));
        throw new SentroException(ErrorCode.METHOD_NOT_ALLOWED, request.getMethod() + " is not allowed on "
                + path + ": " + routes.whyRefused(target), null);
    }
}
