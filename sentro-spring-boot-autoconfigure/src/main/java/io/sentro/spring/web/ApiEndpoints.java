package io.sentro.spring.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import io.sentro.spring.customize.CallSite;
import io.sentro.spring.customize.Action;
import io.sentro.spring.error.ErrorCode;
import io.sentro.spring.error.SentroException;
import io.sentro.spring.pipeline.ActionRunner;
import io.sentro.spring.pipeline.ExportRunner;
import io.sentro.spring.pipeline.OperationRunner;
import io.sentro.spring.openapi.TypeScriptDeclarations;
import io.sentro.spring.customize.Operation;
import io.sentro.spring.plan.Grant;
import io.sentro.spring.plan.Grants;
import io.sentro.spring.query.RowQuery;
import io.sentro.spring.security.AccessPolicy;
import io.sentro.spring.pipeline.OperationRunner.GetOutcome;
import io.sentro.spring.pipeline.OperationRunner.ReadOutcome;
import io.sentro.spring.pipeline.WriteRunner;
import io.sentro.spring.pipeline.WriteRunner.BulkOptions;
import io.sentro.spring.pipeline.WriteRunner.BulkOutcome;
import io.sentro.spring.pipeline.WriteRunner.CreateOutcome;
import io.sentro.spring.pipeline.WriteRunner.UpdateOutcome;
import io.sentro.spring.pipeline.WriteRunner.UpsertOutcomes;
import io.sentro.spring.execute.SqlExecutor.UpsertOutcome;
import io.sentro.spring.request.ApiRequestParser;
import io.sentro.spring.query.EntityTags;
import io.sentro.spring.query.ListQuery;
import io.sentro.spring.request.Preferences;
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
 * The operations of the HTTP API. Each reads top to bottom: parse the request, run it through the table's pipeline
 * (which plans, executes and applies the customizers), write the response.
 */
public final class ApiEndpoints {

    private final SchemaModel model;
    private final String basePath;
    private final ApiRequestParser parser;
    private final OperationRunner runner;
    private final WriteRunner writes;
    private final ActionRunner actions;
    private final JsonResponses responses;
    private final SchemaDocument schemaDocument;
    private final TypeScriptDeclarations typeScript;
    private final AccessPolicy access;
    private final WriteLimits limits;
    private final ExportRunner exports;
    private final ExportResponses exportResponses = new ExportResponses();

    /**
     * @param exports streams a list's rows as NDJSON or CSV
     * @param limits how large a write's body and how many rows it may be
     */
    public ApiEndpoints(SchemaModel model, String basePath, ApiRequestParser parser, OperationRunner runner,
            WriteRunner writes, ActionRunner actions, ExportRunner exports, JsonResponses responses,
            SchemaDocument schemaDocument, TypeScriptDeclarations typeScript, AccessPolicy access, WriteLimits limits) {
        this.limits = limits;
        this.exports = exports;
        this.model = model;
        this.basePath = basePath;
        this.parser = parser;
        this.runner = runner;
        this.writes = writes;
        this.actions = actions;
        this.responses = responses;
        this.schemaDocument = schemaDocument;
        this.typeScript = typeScript;
        this.access = access;
    }

    /** The handler of one kind of table route, given the grant the access policy decided for the request. */
    @FunctionalInterface
    public interface TableEndpoint {
        void serve(Table table, Grant grant, HttpServletRequest request, HttpServletResponse response)
                throws IOException;
    }

    /** The handler of each kind of route. */
    TableEndpoint endpoint(TableRoutes.Kind kind) {
        return switch (kind) {
            case LIST -> this::list;
            case CREATE -> this::create;
            case UPDATE_MATCHING -> this::patchMatching;
            case DELETE_MATCHING -> this::deleteMatching;
            case GET -> this::get;
            case UPDATE -> this::patch;
            case REPLACE -> this::put;
            case DELETE -> this::delete;
        };
    }

    /**
     * {@code GET {base}/T}: a page of JSON; or, asked with {@code format=ndjson|csv} or {@code Accept:
     * application/x-ndjson} or {@code text/csv}, every row the filters select, streamed ({@link ExportRunner}).
     */
    void list(Table table, Grant grant, HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, String[]> parameters = request.getParameterMap();
        String[] format = parameters.get("format");
        if (format != null) {
            parameters = new LinkedHashMap<>(parameters);
            parameters.remove("format");
        }
        ExportResponses.Format chosen = ExportResponses.Format.of(format, request.getHeader(HttpHeaders.ACCEPT));
        if (chosen != ExportResponses.Format.JSON) {
            ListQuery query = parser.parseList(parameters);
            long exported = exports.export(table, query, grant, grants(request), CallSite.rest(request),
                    exportResponses.start(response, chosen, table.name()));
            request.setAttribute(RowMeter.READ_ATTRIBUTE, exported);
            return;
        }
        ReadOutcome outcome = runner.list(table, parser.parseList(parameters), grant, grants(request), CallSite.rest(request));
        if (outcome.next() != null) {
            response.setHeader(HttpHeaders.LINK, "<" + nextPage(request, outcome.next()) + ">; rel=\"next\"");
        }
        request.setAttribute(RowMeter.READ_ATTRIBUTE, outcome.result().rows().size());
        responses.page(response, outcome.result(), outcome.limit(), outcome.offset(), outcome.next());
    }

    /**
     * {@code GET {base}/T/{key}}, with the stored row's {@code ETag}; {@code If-None-Match} naming it answers
     * {@code 304} without a body.
     */
    void get(Table table, Grant grant, HttpServletRequest request, HttpServletResponse response) throws IOException {
        EntityTags ifNoneMatch = EntityTags.parse(request.getHeader(HttpHeaders.IF_NONE_MATCH),
                HttpHeaders.IF_NONE_MATCH);
        RowQuery query = parser.parseRow(request.getParameterMap());
        GetOutcome outcome = runner.getTagged(table, key(table, request), query, grant, grants(request), CallSite.rest(request));
        if (outcome.row() == null) {
            throw notFound(table);
        }
        if (outcome.tag() != null) {
            response.setHeader(HttpHeaders.ETAG, outcome.tag());
            if (ifNoneMatch != null && ifNoneMatch.matchesWeakly(outcome.tag())) {
                response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
                return;
            }
        }
        request.setAttribute(RowMeter.READ_ATTRIBUTE, 1);
        responses.row(response, HttpServletResponse.SC_OK, outcome.row());
    }

    /** {@code POST {base}/T}: one object, or an array of objects written in one transaction. */
    void create(Table table, Grant grant, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        JsonNode body = body(request, true);
        Preferences preferences = preferences(request);
        List<String> onConflict = parser.parseCreate(request.getParameterMap());
        if (preferences.resolution() != null) {
            upsert(table, grant, body, preferences, onConflict, request, response);
            return;
        }
        if (onConflict != null) {
            throw new SentroException(ErrorCode.INVALID_PARAMETER, "on_conflict names the key of an upsert: send it "
                    + "with Prefer: resolution=merge-duplicates or resolution=ignore-duplicates", "on_conflict");
        }
        CreateOutcome created = writes.create(table, body, grant, other -> other.equals(table) ? grant
                : access.authorize(other, Operation.CREATE, CallSite.rest(request)), CallSite.rest(request));
        request.setAttribute(RowMeter.WRITTEN_ATTRIBUTE, created.written());
        applied(response, preferences.applied(true, false, false));
        if (created.many()) {
            if (preferences.minimal()) {
                response.setStatus(HttpServletResponse.SC_CREATED);
                return;
            }
            responses.rows(response, HttpServletResponse.SC_CREATED, created.rows());
            return;
        }
        Map<String, @Nullable Object> row = created.rows().isEmpty() ? null : created.rows().get(0);
        if (row != null && table.hasPrimaryKey() && table.primaryKey().stream().allMatch(row::containsKey)) {
            response.setHeader(HttpHeaders.LOCATION, location(request, table, row));
        }
        if (created.tag() != null) {
            response.setHeader(HttpHeaders.ETAG, created.tag());
        }
        if (preferences.minimal()) {
            response.setStatus(HttpServletResponse.SC_CREATED);
            return;
        }
        // Without a row, an after hook took it out of the response; it was created all the same.
        responses.row(response, HttpServletResponse.SC_CREATED, row == null ? Map.of() : row);
    }

    /**
     * {@code POST {base}/T} with {@code Prefer: resolution=...}: an upsert. A merge needs the caller's UPDATE rule as
     * well as CREATE. One object answers 201 with {@code Location} when it was created, 200 when it was merged or
     * left as it was; an array answers 200 with {@code rows}, their {@code outcomes} in the same order, and
     * {@code count}.
     */
    private void upsert(Table table, Grant grant, JsonNode body, Preferences preferences,
            @Nullable List<String> onConflict, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        boolean merge = preferences.resolution() == Preferences.Resolution.MERGE_DUPLICATES;
        Grant updateGrant = merge ? access.authorize(table, Operation.UPDATE, CallSite.rest(request)) : null;
        UpsertOutcomes upserted = writes.upsert(table, body, merge, onConflict, grant, updateGrant, CallSite.rest(request));
        request.setAttribute(RowMeter.WRITTEN_ATTRIBUTE, upserted.outcomes().stream()
                .filter(outcome -> outcome != UpsertOutcome.IGNORED).count());
        applied(response, preferences.applied(true, true, false));
        if (upserted.many()) {
            if (preferences.minimal()) {
                responses.upserted(response, null, upserted.outcomes());
                return;
            }
            responses.upserted(response, upserted.rows(), upserted.outcomes());
            return;
        }
        boolean created = upserted.outcomes().get(0) == UpsertOutcome.CREATED;
        Map<String, @Nullable Object> row = upserted.rows().get(0);
        if (table.hasPrimaryKey() && table.primaryKey().stream().allMatch(row::containsKey)) {
            response.setHeader(HttpHeaders.LOCATION, location(request, table, row));
        }
        if (upserted.tag() != null) {
            response.setHeader(HttpHeaders.ETAG, upserted.tag());
        }
        int status = created ? HttpServletResponse.SC_CREATED : HttpServletResponse.SC_OK;
        if (preferences.minimal()) {
            response.setStatus(status);
            return;
        }
        responses.row(response, status, row);
    }

    /** {@code PATCH {base}/T/{key}}: the given columns only. */
    void patch(Table table, Grant grant, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        update(table, grant, request, response, false);
    }

    /** {@code PUT {base}/T/{key}}: the whole row; columns not given are reset to their default or NULL. */
    void put(Table table, Grant grant, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        update(table, grant, request, response, true);
    }

    private void update(Table table, Grant grant, HttpServletRequest request, HttpServletResponse response,
            boolean replace) throws IOException {
        JsonNode body = body(request, true);
        Preferences preferences = preferences(request);
        EntityTags ifMatch = ifMatch(request);
        parser.parseNone(request.getParameterMap());
        UpdateOutcome updated = writes.update(table, key(table, request), body, replace, ifMatch, grant, CallSite.rest(request));
        request.setAttribute(RowMeter.WRITTEN_ATTRIBUTE, 1);
        applied(response, preferences.applied(true, false, false));
        if (updated.tag() != null) {
            response.setHeader(HttpHeaders.ETAG, updated.tag());
        }
        if (preferences.minimal()) {
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return;
        }
        responses.row(response, HttpServletResponse.SC_OK, updated.row());
    }

    /** {@code DELETE {base}/T/{key}}; with {@code If-Match}, only the version of the row it names. */
    void delete(Table table, Grant grant, HttpServletRequest request, HttpServletResponse response) {
        preferences(request); // malformed is refused on every write
        EntityTags ifMatch = ifMatch(request);
        parser.parseNone(request.getParameterMap());
        writes.delete(table, key(table, request), ifMatch, grant, CallSite.rest(request));
        request.setAttribute(RowMeter.WRITTEN_ATTRIBUTE, 1);
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }

    private static @Nullable EntityTags ifMatch(HttpServletRequest request) {
        return EntityTags.parse(request.getHeader(HttpHeaders.IF_MATCH), HttpHeaders.IF_MATCH);
    }

    /** Bulk writes change rows by filter, not one row by its version: a precondition on one row does not apply. */
    private static void refuseIfMatch(HttpServletRequest request) {
        for (String header : List.of(HttpHeaders.IF_MATCH, HttpHeaders.IF_NONE_MATCH)) {
            if (request.getHeader(header) != null) {
                throw new SentroException(ErrorCode.INVALID_HEADER, header + " applies to one row, at its own path "
                        + "({base}/T/{key}); a PATCH or DELETE of the rows its filters match takes none", header);
            }
        }
    }

    /**
     * {@code PATCH {base}/T}: with filters in the query string and one JSON object, the same values on every row they
     * select; with a JSON array of objects that each carry their key, each row's own values. One transaction.
     */
    void patchMatching(Table table, Grant grant, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        JsonNode body = body(request, true);
        refuseIfMatch(request);
        Preferences preferences = preferences(request);
        BulkOptions options = bulkOptions(preferences);
        BulkOutcome outcome;
        if (body.isArray()) {
            for (String name : request.getParameterMap().keySet()) {
                throw new SentroException(ErrorCode.INVALID_PARAMETER, "A PATCH with an array of objects updates the "
                        + "rows their keys name, and takes no query parameter ('" + name + "'); to update the rows "
                        + "filters select, send one object", name);
            }
            outcome = writes.updateEach(table, body, options, grant, CallSite.rest(request));
        }
        else {
            outcome = writes.updateWhere(table, parser.parseFilter(request.getParameterMap()), body, options, grant,
                    grants(request), CallSite.rest(request));
        }
        bulkResponse(request, response, preferences, outcome);
    }

    /** {@code DELETE {base}/T?where...}: every row the filters select, in one transaction. */
    void deleteMatching(Table table, Grant grant, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        refuseIfMatch(request);
        Preferences preferences = preferences(request);
        BulkOutcome outcome = writes.deleteWhere(table, parser.parseFilter(request.getParameterMap()),
                bulkOptions(preferences), grant, grants(request), CallSite.rest(request));
        bulkResponse(request, response, preferences, outcome);
    }

    private static BulkOptions bulkOptions(Preferences preferences) {
        return new BulkOptions(!preferences.minimal(), preferences.maxAffected());
    }

    private void bulkResponse(HttpServletRequest request, HttpServletResponse response, Preferences preferences,
            BulkOutcome outcome) throws IOException {
        request.setAttribute(RowMeter.WRITTEN_ATTRIBUTE, outcome.count());
        applied(response, preferences.applied(true, false, true));
        responses.bulk(response, preferences.minimal() ? null : outcome.rows(), outcome.count());
    }

    private static Preferences preferences(HttpServletRequest request) {
        return Preferences.parse(request.getHeaders(Preferences.HEADER));
    }

    private static void applied(HttpServletResponse response, @Nullable String applied) {
        if (applied != null) {
            response.setHeader(Preferences.APPLIED_HEADER, applied);
        }
    }

    /**
     * {@code POST {base}/T/_actions/{id}}: a table action on the records named by {@code ids} in the body, or else on
     * those the query string selects (the list syntax).
     */
    void tableAction(Table table, Action action, Grant grant, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        Map<String, @Nullable Object> body = actionBody(request);
        Map<String, @Nullable Object> result = actions.tableAction(table, action, body,
                parser.parseList(request.getParameterMap()), grant, grants(request), CallSite.rest(request));
        responses.actionResult(response, result);
    }

    /** {@code POST {base}/T/{key}/_actions/{id}}: a detail action on one record. */
    void detailAction(Table table, Action action, Grant grant, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        Map<String, @Nullable Object> body = actionBody(request);
        parser.parseNone(request.getParameterMap());
        String uri = path(request);
        String keySegment = uri.substring(0, uri.lastIndexOf("/_actions/"));
        keySegment = keySegment.substring(keySegment.lastIndexOf('/') + 1);
        List<String> rawKey = parser.parseKey(keySegment, table.primaryKey().size());
        Map<String, @Nullable Object> result = actions.detailAction(table, action, rawKey, body, grant, CallSite.rest(request));
        responses.actionResult(response, result);
    }

    /** {@code GET {base}/_schema}. */
    void schema(HttpServletRequest request, HttpServletResponse response) throws IOException {
        parser.parseNone(request.getParameterMap());
        responses.document(response, schemaDocument.document(readable(request)));
    }

    /** {@code GET {base}}: the served tables with their paths, and where the descriptions are. */
    void index(HttpServletRequest request, HttpServletResponse response) throws IOException {
        parser.parseNone(request.getParameterMap());
        String prefix = request.getContextPath() + basePath;
        List<Object> tables = new ArrayList<>();
        Predicate<Table> readable = readable(request);
        for (Table table : model.tables()) {
            if (!readable.test(table)) {
                continue;
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", table.name());
            entry.put("href", prefix + "/" + UriUtils.encodePathSegment(table.name(), StandardCharsets.UTF_8));
            TableRoutes routes = TableRoutes.of(table);
            entry.put("methods", routes.methods(TableRoutes.Target.COLLECTION));
            // What this caller may do, among what the table serves: what a client (the console) offers them.
            List<String> operations = new ArrayList<>();
            for (Operation operation : List.of(Operation.READ, Operation.CREATE, Operation.UPDATE, Operation.DELETE)) {
                if (serves(routes, operation) && access.may(table, operation, CallSite.rest(request))) {
                    operations.add(operation.name().toLowerCase(java.util.Locale.ROOT));
                }
            }
            entry.put("operations", operations);
            entry.put("actions", schemaDocument.actions(table).stream().filter(action -> access.mayRun(table, action, CallSite.rest(request)))
                    .map(Action::id).toList());
            tables.add(entry);
        }
        Map<String, Object> index = new LinkedHashMap<>();
        index.put("tables", tables);
        index.put("schema", prefix + "/_schema");
        index.put("types", prefix + "/_types.ts");
        responses.document(response, index);
    }

    private static boolean serves(TableRoutes routes, Operation operation) {
        return routes.routes().stream().anyMatch(kind -> kind.operation() == operation);
    }

    /** {@code GET {base}/_types.ts}: TypeScript declarations of the served tables. */
    void types(HttpServletRequest request, HttpServletResponse response) throws IOException {
        parser.parseNone(request.getParameterMap());
        byte[] bytes = typeScript.source(readable(request)).getBytes(StandardCharsets.UTF_8);
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("application/typescript;charset=UTF-8");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    /**
     * Any other request under the base path: an unknown table (404), a path that is not a route (404), or a method
     * the table does not allow (405, with {@code Allow}).
     */
    void fallback(HttpServletRequest request, HttpServletResponse response) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String rest = path.length() > basePath.length() ? path.substring(basePath.length() + 1) : "";
        List<String> segments = new ArrayList<>(List.of(rest.split("/", -1)));
        String name = UriUtils.decode(segments.get(0), StandardCharsets.UTF_8);
        if (name.isEmpty()) {
            throw new SentroException(ErrorCode.NO_ROUTE, "No route " + request.getMethod() + " " + path + "; the index "
                    + "of the API is " + request.getContextPath() + basePath + ", without a trailing slash", null);
        }
        if (name.equals("_schema") && segments.size() == 1) {
            response.setHeader(HttpHeaders.ALLOW, "GET");
            throw new SentroException(ErrorCode.METHOD_NOT_ALLOWED, request.getMethod() + " is not allowed on " + path
                    + ": the schema is read with GET", null);
        }
        Predicate<Table> readable = readable(request);
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
        response.setHeader(HttpHeaders.ALLOW, String.join(", ", routes.methods(target)));
        throw new SentroException(ErrorCode.METHOD_NOT_ALLOWED, request.getMethod() + " is not allowed on "
                + path + ": " + routes.whyRefused(target), null);
    }

    /**
     * The tables the caller may read, for the index, {@code _schema}, {@code _types.ts} and error messages. An
     * anonymous caller who may read none is asked to authenticate (401) rather than shown an empty API.
     */
    private Predicate<Table> readable(HttpServletRequest request) {
        Set<String> names = new HashSet<>();
        for (Table table : model.tables()) {
            if (access.mayRead(table, CallSite.rest(request))) {
                names.add(table.name());
            }
        }
        if (names.isEmpty() && !model.tables().isEmpty() && access.anonymous()) {
            throw access.unauthenticated("Authentication is required to use this API");
        }
        return table -> names.contains(table.name());
    }

    /**
     * The full URL of the next page: this request's, with {@code after} set to the cursor (and no {@code offset},
     * which a cursor replaces). Scheme and host are as the request came in (behind a proxy, set
     * {@code server.forward-headers-strategy} so that they are the client's).
     */
    private static String nextPage(HttpServletRequest request, String cursor) {
        // The query string as the client encoded it, without 'after' and 'offset': cheaper than parsing and
        // re-encoding it, and byte for byte what the client sent. A cursor is base64url: nothing to encode.
        StringBuilder url = new StringBuilder(256).append(request.getRequestURL()).append('?');
        String query = request.getQueryString();
        if (query != null) {
            for (String parameter : query.split("&")) {
                if (!parameter.isEmpty() && !isParameter(parameter, "after") && !isParameter(parameter, "offset")) {
                    url.append(parameter).append('&');
                }
            }
        }
        return url.append("after=").append(cursor).toString();
    }

    private static boolean isParameter(String pair, String name) {
        return pair.startsWith(name) && (pair.length() == name.length() || pair.charAt(name.length()) == '=');
    }

    /** What the caller may read of the tables a request embeds or filters by: decided by the access policy. */
    private Grants grants(HttpServletRequest request) {
        return table -> access.authorize(table, Operation.READ, CallSite.rest(request));
    }

    private List<String> key(Table table, HttpServletRequest request) {
        return parser.parseKey(keySegment(request), table.primaryKey().size());
    }

    private Map<String, @Nullable Object> actionBody(HttpServletRequest request) throws IOException {
        JsonNode body = body(request, false);
        if (body == null) {
            return new LinkedHashMap<>();
        }
        if (!body.isObject()) {
            throw new SentroException(ErrorCode.INVALID_BODY, "An action's body must be a JSON object", "body");
        }
        @SuppressWarnings("unchecked")
        Map<String, @Nullable Object> values = parser.jsonMapper().convertValue(body, LinkedHashMap.class);
        return values;
    }

    /**
     * The JSON body; checked before any parameter is read, since reading parameters consumes a form body. Without
     * {@code required}, an empty body is null.
     */
    private @Nullable JsonNode body(HttpServletRequest request, boolean required) throws IOException {
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
        long announced = request.getContentLengthLong();
        if (announced > limits.maxBodyBytes()) {
            throw tooLarge("The body is " + announced + " bytes, more than the " + limits.maxBodyBytes()
                    + " a request may send (sentro.writes.max-body-size)");
        }
        // A body without Content-Length (chunked) is read up to one byte past the limit, then refused.
        byte[] bytes = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8,
                limits.maxBodyBytes() + 1));
        if (bytes.length > limits.maxBodyBytes()) {
            throw tooLarge("The body is more than the " + limits.maxBodyBytes() + " bytes a request may send "
                    + "(sentro.writes.max-body-size)");
        }
        if (!required && bytes.length == 0) {
            return null;
        }
        JsonNode body = parser.parseBody(new java.io.ByteArrayInputStream(bytes));
        if (body.isArray() && body.size() > limits.maxRows()) {
            throw tooLarge("The body has " + body.size() + " rows, more than the " + limits.maxRows() + " one request "
                    + "may write (sentro.writes.max-rows); send them in several requests");
        }
        return body;
    }

    private static SentroException tooLarge(String detail) {
        return new SentroException(ErrorCode.PAYLOAD_TOO_LARGE, detail + "; nothing was written", "body");
    }

    private static String path(HttpServletRequest request) {
        String uri = request.getRequestURI();
        int semicolon = uri.indexOf(';');
        return semicolon >= 0 ? uri.substring(0, semicolon) : uri;
    }

    /** The last path segment, still percent-encoded, so that an encoded comma in a key value stays distinct. */
    private static String keySegment(HttpServletRequest request) {
        String uri = path(request);
        return uri.substring(uri.lastIndexOf('/') + 1);
    }

    private String location(HttpServletRequest request, Table table, Map<String, @Nullable Object> row) {
        StringBuilder key = new StringBuilder();
        for (Column keyColumn : table.primaryKeyColumns()) {
            String value = String.valueOf(row.get(keyColumn.name()));
            key.append(key.isEmpty() ? "" : ",")
                    .append(UriUtils.encodePathSegment(value, StandardCharsets.UTF_8).replace(",", "%2C"));
        }
        return request.getContextPath() + basePath + "/"
                + UriUtils.encodePathSegment(table.name(), StandardCharsets.UTF_8) + "/" + key;
    }

    private static SentroException notFound(Table table) {
        return SentroException.rowNotFound(table.name());
    }
}
