package io.sentro.spring.web;

import java.io.IOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import io.sentro.spring.customize.CallSite;
import io.sentro.spring.customize.Action;
import io.sentro.spring.web.ChangeStreams;
import io.sentro.spring.introspect.SchemaLoader;
import io.sentro.spring.pipeline.CustomizerRegistry;
import io.sentro.spring.schema.SchemaModel;
import io.sentro.spring.schema.Table;
import io.sentro.spring.security.AccessPolicy;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * The routes one schema model serves, each with what serves it: the single source of the API's routes for the
 * handler mapping, the {@code sentro} actuator endpoint and logs. The index, {@code _schema} and {@code _types.ts},
 * then per table its {@link TableRoutes} and its actions. Any other path under the base path is the fallback's
 * (unknown table, refused method).
 */
public final class ApiRoutes {

    private static final Log log = LogFactory.getLog(ApiRoutes.class);

    /**
     * One route.
     *
     * @param method the HTTP method
     * @param path the path template ({@code /api/posts/{key}}), as Spring MVC matches it and metrics show it
     * @param table the table it serves, a tag of its observations ({@code none} for the index and documents)
     * @param operation what it does, the other tag: {@code list}, {@code get}, {@code action:publish}...
     */
    public record Route(String method, String path, String table, String operation,
            OperationHandler.Endpoint endpoint) {

        /** How the route is known across reloads: its method and path. */
        public String key() {
            return method + " " + path;
        }
    }

    private final Map<String, Route> routes;
    private final OperationHandler.Endpoint fallback;
    private final int tables;

    private ApiRoutes(Map<String, Route> routes, OperationHandler.Endpoint fallback, int tables) {
        this.routes = routes;
        this.fallback = fallback;
        this.tables = tables;
    }

    /**
     * The routes of a model. Each table route asks the access policy first, once, before anything else is read or
     * run.
     *
     * @param streams serves {@code GET {base}/T/_changes} for the tables that make change events ({@code changes}),
     * or null without change events
     */
    public static ApiRoutes of(SchemaModel model, CustomizerRegistry registry, String basePath,
            ApiEndpoints endpoints, AccessPolicy access, @Nullable ChangeStreams streams, Predicate<Table> changes) {
        Map<String, Route> routes = new LinkedHashMap<>();
        add(routes, new Route("GET", basePath, "none", "index", endpoints::index));
        add(routes, new Route("GET", basePath + "/_schema", "none", "schema", endpoints::schema));
        add(routes, new Route("GET", basePath + "/_types.ts", "none", "types", endpoints::types));
        int served = 0;
        for (Table table : model.tables()) {
            if (!SchemaLoader.addressable(table.name())) {
                log.warn("Sentro does not serve table '" + table.name() + "': its name cannot be a URL path segment");
                continue;
            }
            served++;
            String collection = basePath + "/" + table.name();
            String item = collection + "/{key}";
            for (TableRoutes.Kind kind : TableRoutes.of(table).routes()) {
                ApiEndpoints.TableEndpoint endpoint = endpoints.endpoint(kind);
                add(routes, new Route(kind.method(), kind.target() == TableRoutes.Target.ITEM ? item : collection,
                        table.name(), kind.label().replace(' ', '_'), (request, response) -> endpoint.serve(table,
                                access.authorize(table, kind.operation(), CallSite.rest(request)), request, response)));
            }
            if (streams != null && changes.test(table)) {
                add(routes, new Route("GET", collection + "/_changes", table.name(), "changes",
                        (request, response) -> streams.subscribe(table,
                                access.authorize(table, io.sentro.spring.customize.Operation.READ, CallSite.rest(request)), request,
                                response)));
            }
            for (Action action : registry.pipeline(table).actions()) {
                if (action.type() == Action.Type.TABLE) {
                    add(routes, new Route("POST", collection + "/_actions/" + action.id(), table.name(),
                            "action:" + action.id(), (request, response) -> endpoints.tableAction(table, action,
                                    access.authorizeAction(table, action, CallSite.rest(request)), request, response)));
                }
                else {
                    add(routes, new Route("POST", item + "/_actions/" + action.id(), table.name(),
                            "action:" + action.id(), (request, response) -> endpoints.detailAction(table, action,
                                    access.authorizeAction(table, action, CallSite.rest(request)), request, response)));
                }
            }
        }
        return new ApiRoutes(routes, endpoints::fallback, served);
    }

    private static void add(Map<String, Route> routes, Route route) {
        routes.put(route.key(), route);
    }

    /** Every route, in the order they were added (index, documents, then table by table). */
    public Collection<Route> all() {
        return routes.values();
    }

    /** The routes of one table, as "METHOD path". */
    public List<String> of(String table) {
        return routes.values().stream().filter(route -> route.table().equals(table))
                .map(route -> route.method() + " " + route.path()).toList();
    }

    public boolean serves(String key) {
        return routes.containsKey(key);
    }

    /** How many tables have routes. */
    public int tables() {
        return tables;
    }

    /**
     * Serves a request matched to the route {@code key}; a route this model does not serve (a table dropped by a
     * reload while the request was being matched) is the fallback's: 404, like any unknown table.
     */
    void serve(String key, HttpServletRequest request, HttpServletResponse response) throws IOException {
        Route route = routes.get(key);
        (route != null ? route.endpoint() : fallback).serve(request, response);
    }

    void fallback(HttpServletRequest request, HttpServletResponse response) throws IOException {
        fallback.serve(request, response);
    }
}
