package io.sentro.spring.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.sentro.spring.error.ErrorCode;
import io.sentro.spring.error.SentroException;
import io.sentro.spring.execute.SqlExecutor;
import io.sentro.spring.plan.Key;
import io.sentro.spring.plan.OperationPlan.CreatePlan;
import io.sentro.spring.plan.OperationPlan.ReadPlan;
import io.sentro.spring.plan.Planner;
import io.sentro.spring.request.ApiRequestParser;
import io.sentro.spring.schema.Column;
import io.sentro.spring.schema.SchemaModel;
import io.sentro.spring.schema.Table;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.util.UriUtils;
import tools.jackson.databind.JsonNode;

/**
 * The operations of the HTTP API. Each reads top to bottom: parse the request, plan it against the table, execute
 * the plan, write the response.
 */
public final class ApiEndpoints {

    private final SchemaModel model;
    private final String basePath;
    private final ApiRequestParser parser;
    private final Planner planner;
    private final SqlExecutor executor;
    private final JsonResponses responses;
    private final SchemaDocument schemaDocument;

    public ApiEndpoints(SchemaModel model, String basePath, ApiRequestParser parser, Planner planner,
            SqlExecutor executor, JsonResponses responses, SchemaDocument schemaDocument) {
        this.model = model;
        this.basePath = basePath;
        this.parser = parser;
        this.planner = planner;
        this.executor = executor;
        this.responses = responses;
        this.schemaDocument = schemaDocument;
    }

    /** {@code GET {base}/T}. */
    void list(Table table, HttpServletRequest request, HttpServletResponse response) throws IOException {
        ReadPlan plan = planner.read(table, parser.parseList(request.getParameterMap()));
        responses.page(response, executor.read(plan));
    }

    /** {@code GET {base}/T/{key}}. */
    void get(Table table, HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<String> fields = parser.parseFields(request.getParameterMap());
        var plan = planner.get(table, parser.parseKey(keySegment(request), table.primaryKey().size()), fields);
        responses.row(response, HttpServletResponse.SC_OK, executor.get(plan).orElseThrow(() -> notFound(table)));
    }

    /** {@code POST {base}/T}: one object, or an array of objects written in one transaction. */
    void create(Table table, HttpServletRequest request, HttpServletResponse response) throws IOException {
        JsonNode body = body(request);
        parser.parseNone(request.getParameterMap());
        CreatePlan plan = planner.create(table, body);
        List<Map<String, @Nullable Object>> created = executor.create(plan);
        if (plan.many()) {
            responses.rows(response, HttpServletResponse.SC_CREATED, created);
            return;
        }
        Map<String, @Nullable Object> row = created.get(0);
        if (table.hasPrimaryKey()) {
            response.setHeader(HttpHeaders.LOCATION, location(request, table, row));
        }
        responses.row(response, HttpServletResponse.SC_CREATED, row);
    }

    /** {@code PATCH {base}/T/{key}}: the given columns only. */
    void patch(Table table, HttpServletRequest request, HttpServletResponse response) throws IOException {
        update(table, request, response, false);
    }

    /** {@code PUT {base}/T/{key}}: the whole row; columns not given are reset to their default or NULL. */
    void put(Table table, HttpServletRequest request, HttpServletResponse response) throws IOException {
        update(table, request, response, true);
    }

    private void update(Table table, HttpServletRequest request, HttpServletResponse response, boolean replace)
            throws IOException {
        JsonNode body = body(request);
        parser.parseNone(request.getParameterMap());
        Key key = planner.key(table, parser.parseKey(keySegment(request), table.primaryKey().size()));
        var plan = planner.update(table, key, body, replace);
        responses.row(response, HttpServletResponse.SC_OK, executor.update(plan).orElseThrow(() -> notFound(table)));
    }

    /** {@code DELETE {base}/T/{key}}. */
    void delete(Table table, HttpServletRequest request, HttpServletResponse response) {
        parser.parseNone(request.getParameterMap());
        Key key = planner.key(table, parser.parseKey(keySegment(request), table.primaryKey().size()));
        if (!executor.delete(planner.delete(table, key))) {
            throw notFound(table);
        }
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }

    /** {@code GET {base}/_schema}. */
    void schema(HttpServletRequest request, HttpServletResponse response) throws IOException {
        parser.parseNone(request.getParameterMap());
        responses.document(response, schemaDocument.document());
    }

    /**
     * Any other request under the base path: an unknown table (404), a path that is not a route (404), or a method
     * the table does not allow (405, with {@code Allow}).
     */
    void fallback(HttpServletRequest request, HttpServletResponse response) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String rest = path.length() > basePath.length() ? path.substring(basePath.length() + 1) : "";
        List<String> segments = new ArrayList<>(List.of(rest.split("/", -1)));
        String name = UriUtils.decode(segments.get(0), java.nio.charset.StandardCharsets.UTF_8);
        Table table = model.table(name).orElseThrow(() -> new SentroException(ErrorCode.UNKNOWN_TABLE,
                "Unknown table '" + name + "'. Served tables: " + String.join(", ",
                        model.tables().stream().map(Table::name).toList()), "table"));
        boolean item = segments.size() == 2 && !segments.get(1).isEmpty();
        if (segments.size() > 2 || (segments.size() == 2 && !item)) {
            throw new SentroException(ErrorCode.ROW_NOT_FOUND, "No route " + request.getMethod() + " " + path, null);
        }
        List<String> allowed = item ? Routes.itemMethods(table) : Routes.collectionMethods(table);
        if (!allowed.isEmpty()) {
            response.setHeader(HttpHeaders.ALLOW, String.join(", ", allowed));
        }
        throw new SentroException(ErrorCode.METHOD_NOT_ALLOWED, request.getMethod() + " is not allowed on "
                + path + ": " + Routes.whyRefused(table, item, request.getMethod()), null);
    }

    /** The JSON body; checked before any parameter is read, since reading parameters consumes a form body. */
    private JsonNode body(HttpServletRequest request) throws IOException {
        String contentType = request.getContentType();
        if (contentType != null) {
            MediaType mediaType;
            try {
                mediaType = MediaType.parseMediaType(contentType);
            }
            catch (IllegalArgumentException ex) {
                mediaType = MediaType.APPLICATION_OCTET_STREAM;
            }
            if (!mediaType.isCompatibleWith(MediaType.APPLICATION_JSON)
                    && !"json".equals(mediaType.getSubtypeSuffix())) {
                throw new SentroException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "The body must be JSON (Content-Type: "
                        + "application/json), not " + contentType, "Content-Type");
            }
        }
        return parser.parseBody(request.getInputStream());
    }

    /** The last path segment, still percent-encoded, so that an encoded comma in a key value stays distinct. */
    private static String keySegment(HttpServletRequest request) {
        String uri = request.getRequestURI();
        int semicolon = uri.indexOf(';');
        if (semicolon >= 0) {
            uri = uri.substring(0, semicolon);
        }
        return uri.substring(uri.lastIndexOf('/') + 1);
    }

    private String location(HttpServletRequest request, Table table, Map<String, @Nullable Object> row) {
        StringBuilder key = new StringBuilder();
        for (Column keyColumn : table.primaryKeyColumns()) {
            String value = String.valueOf(row.get(keyColumn.name()));
            key.append(key.isEmpty() ? "" : ",")
                    .append(UriUtils.encodePathSegment(value, java.nio.charset.StandardCharsets.UTF_8).replace(",", "%2C"));
        }
        return request.getContextPath() + basePath + "/"
                + UriUtils.encodePathSegment(table.name(), java.nio.charset.StandardCharsets.UTF_8) + "/" + key;
    }

    private static SentroException notFound(Table table) {
        return new SentroException(ErrorCode.ROW_NOT_FOUND, "No row of '" + table.name() + "' has this key", "id");
    }
}
