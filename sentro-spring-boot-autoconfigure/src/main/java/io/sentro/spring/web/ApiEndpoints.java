package io.sentro.spring.web;

import java.io.IOException;

import io.sentro.spring.customize.Action;
import io.sentro.spring.openapi.TypeScriptDeclarations;
import io.sentro.spring.pipeline.ActionRunner;
import io.sentro.spring.pipeline.ExportRunner;
import io.sentro.spring.pipeline.OperationRunner;
import io.sentro.spring.pipeline.WriteRunner;
import io.sentro.spring.plan.Grant;
import io.sentro.spring.request.ApiRequestParser;
import io.sentro.spring.schema.SchemaModel;
import io.sentro.spring.schema.Table;
import io.sentro.spring.security.AccessPolicy;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The operations of the HTTP API. Each reads top to bottom: parse the request, run it through the table's pipeline
 * (which plans, executes and applies the customizers), write the response.
 * <p>
 * This class hands each route to the endpoints of its kind ({@link ReadEndpoints}, {@link WriteEndpoints},
 * {@link BulkWriteEndpoints}, {@link ActionEndpoints}, {@link DescriptionEndpoints}, {@link FallbackEndpoint}), with
 * the request's {@link RestCall}, made here once per request.
 */
public final class ApiEndpoints {

    private final ReadEndpoints reads;
    private final WriteEndpoints writes;
    private final BulkWriteEndpoints bulkWrites;
    private final ActionEndpoints actions;
    private final DescriptionEndpoints descriptions;
    private final FallbackEndpoint fallback;

    /**
     * @param exports streams a list's rows as NDJSON or CSV
     * @param limits how large a write's body and how many rows it may be
     */
    public ApiEndpoints(SchemaModel model, String basePath, ApiRequestParser parser, OperationRunner runner,
            WriteRunner writes, ActionRunner actions, ExportRunner exports, JsonResponses responses,
            SchemaDocument schemaDocument, TypeScriptDeclarations typeScript, AccessPolicy access, WriteLimits limits) {
        ResourcePaths paths = new ResourcePaths(basePath, parser);
        RequestBodies bodies = new RequestBodies(parser, limits);
        ReadableTables readable = new ReadableTables(model, access);
        this.reads = new ReadEndpoints(parser, runner, exports, responses, paths, access);
        this.writes = new WriteEndpoints(parser, writes, responses, bodies, paths, access);
        this.bulkWrites = new BulkWriteEndpoints(parser, writes, responses, bodies, access);
        this.actions = new ActionEndpoints(parser, actions, responses, bodies, paths, access);
        this.descriptions = new DescriptionEndpoints(model, parser, responses, schemaDocument, typeScript, access,
                readable, paths);
        this.fallback = new FallbackEndpoint(model, schemaDocument, readable, paths);
    }

    /** The handler of one kind of table route, given the grant the access policy decided for the request. */
    @FunctionalInterface
    public interface TableEndpoint {
        void serve(Table table, Grant grant, HttpServletRequest request, HttpServletResponse response)
                throws IOException;
    }

    /** A table route's handler inside this package, given the request as one {@link RestCall}. */
    @FunctionalInterface
    private interface CallEndpoint {
        void serve(Table table, Grant grant, RestCall call) throws IOException;
    }

    /** The handler of each kind of route. */
    TableEndpoint endpoint(TableRoutes.Kind kind) {
        CallEndpoint endpoint = switch (kind) {
            case LIST -> reads::list;
            case CREATE -> writes::create;
            case UPDATE_MATCHING -> bulkWrites::patchMatching;
            case DELETE_MATCHING -> bulkWrites::deleteMatching;
            case GET -> reads::get;
            case UPDATE -> writes::patch;
            case REPLACE -> writes::put;
            case DELETE -> writes::delete;
        };
        return (table, grant, request, response) -> endpoint.serve(table, grant, RestCall.of(request, response));
    }

    /** {@code POST {base}/T/_actions/{id}}. */
    void tableAction(Table table, Action action, Grant grant, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        actions.tableAction(table, action, grant, RestCall.of(request, response));
    }

    /** {@code POST {base}/T/{key}/_actions/{id}}. */
    void detailAction(Table table, Action action, Grant grant, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        actions.detailAction(table, action, grant, RestCall.of(request, response));
    }

    /** {@code GET {base}/_schema}. */
    void schema(HttpServletRequest request, HttpServletResponse response) throws IOException {
        descriptions.schema(RestCall.of(request, response));
    }

    /** {@code GET {base}}. */
    void index(HttpServletRequest request, HttpServletResponse response) throws IOException {
        descriptions.index(RestCall.of(request, response));
    }

    /** {@code GET {base}/_types.ts}. */
    void types(HttpServletRequest request, HttpServletResponse response) throws IOException {
        descriptions.types(RestCall.of(request, response));
    }

    /** Any other request under the base path: 404 or 405, explained ({@link FallbackEndpoint}). */
    void fallback(HttpServletRequest request, HttpServletResponse response) {
        fallback.serve(RestCall.of(request, response));
    }
}
