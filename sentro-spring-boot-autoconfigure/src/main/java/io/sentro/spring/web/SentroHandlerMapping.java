package io.sentro.spring.web;

import java.util.ArrayList;
import java.util.List;

import io.sentro.spring.customize.Action;
import io.sentro.spring.customize.Operation;
import io.sentro.spring.introspect.SchemaLoader;
import io.sentro.spring.pipeline.CustomizerRegistry;
import io.sentro.spring.schema.SchemaModel;
import io.sentro.spring.schema.Table;
import io.sentro.spring.security.AccessPolicy;

import jakarta.servlet.http.HttpServletRequest;
import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.web.HttpRequestHandler;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * Registers one handler per table operation, derived from the schema model at start-up (the way Spring Boot
 * Actuator maps its endpoints): nothing is scanned, and each mapping shows in logs as "Sentro GET /api/posts".
 * A catch-all under the base path answers unknown tables and refused methods with problem+json.
 * <p>
 * It is ordered after Spring MVC's own {@code RequestMappingHandlerMapping}, so an application controller mapped to
 * the same path takes precedence over the generated route.
 */
public class SentroHandlerMapping extends RequestMappingInfoHandlerMapping {

    private static final Log log = LogFactory.getLog(SentroHandlerMapping.class);

    private final SchemaModel model;
    private final CustomizerRegistry registry;
    private final String basePath;
    private final ApiEndpoints endpoints;
    private final JsonResponses responses;
    private final AccessPolicy access;
    private final Outages outages;
    private final ObservationRegistry observations;
    private final RowMeter rows;

    public SentroHandlerMapping(SchemaModel model, CustomizerRegistry registry, String basePath, ApiEndpoints endpoints,
            JsonResponses responses, AccessPolicy access) {
        this(model, registry, basePath, endpoints, responses, access, Outages.DEFAULT, ObservationRegistry.NOOP,
                RowMeter.NONE);
    }

    /**
     * @param outages how requests answer and log while the database is unavailable
     * @param observations where each request is observed ({@code sentro.requests})
     * @param rows counts the rows requests read and write
     */
    public SentroHandlerMapping(SchemaModel model, CustomizerRegistry registry, String basePath, ApiEndpoints endpoints,
            JsonResponses responses, AccessPolicy access, Outages outages, ObservationRegistry observations,
            RowMeter rows) {
        this.outages = outages;
        this.observations = observations;
        this.rows = rows;
        this.model = model;
        this.access = access;
        this.registry = registry;
        this.basePath = basePath;
        this.endpoints = endpoints;
        this.responses = responses;
        setOrder(1);
    }

    @Override
    protected void initHandlerMethods() {
        List<String> routes = new ArrayList<>();
        register(RequestMethod.GET, basePath, "none", "index", endpoints::index, routes);
        register(RequestMethod.GET, basePath + "/_schema", "none", "schema", endpoints::schema, routes);
        register(RequestMethod.GET, basePath + "/_types.ts", "none", "types", endpoints::types, routes);
        for (Table table : model.tables()) {
            if (!servable(table)) {
                continue;
            }
            String collection = basePath + "/" + table.name();
            String item = collection + "/{key}";
            // Each route is decided by the access policy first, once, before anything else is read or run.
            for (TableRoutes.Kind kind : TableRoutes.of(table).routes()) {
                ApiEndpoints.TableEndpoint endpoint = endpoints.endpoint(kind);
                register(RequestMethod.valueOf(kind.method()), kind.target() == TableRoutes.Target.ITEM ? item
                        : collection, table.name(), kind.label().replace(' ', '_'), (request, response) -> endpoint.serve(table,
                                access.authorize(table, kind.operation(), request), request, response), routes);
            }
            for (Action action : registry.pipeline(table).actions()) {
                if (action.type() == Action.Type.TABLE) {
                    register(RequestMethod.POST, collection + "/_actions/" + action.id(), table.name(),
                            "action:" + action.id(),
                            (request, response) -> endpoints.tableAction(table, action,
                                    access.authorizeAction(table, action, request), request, response), routes);
                }
                else {
                    register(RequestMethod.POST, item + "/_actions/" + action.id(), table.name(),
                            "action:" + action.id(),
                            (request, response) -> endpoints.detailAction(table, action,
                                    access.authorizeAction(table, action, request), request, response), routes);
                }
            }
        }
        registerFallback(basePath + "/");
        registerFallback(basePath + "/{table}");
        registerFallback(basePath + "/{table}/**");
        if (log.isInfoEnabled()) {
            log.info("Sentro serves " + model.tables().size() + " tables under " + basePath + " (" + routes.size()
                    + " routes)");
        }
    }

    /** Whether a table's name can be a literal path segment (the loader already leaves others out of the model). */
    private static boolean servable(Table table) {
        boolean ok = SchemaLoader.addressable(table.name());
        if (!ok) {
            log.warn("Sentro does not serve table '" + table.name() + "': its name cannot be a URL path segment");
        }
        return ok;
    }

    private void register(RequestMethod method, String path, String table, String operation,
            OperationHandler.Endpoint endpoint, List<String> routes) {
        String description = "Sentro " + method + " " + path;
        RequestMappingInfo info = RequestMappingInfo.paths(path).methods(method).options(builderConfig()).build();
        registerMapping(info, new OperationHandler(description, table, operation, endpoint, responses, outages,
                observations, rows), OperationHandler.HANDLE);
        routes.add(description);
    }

    private void registerFallback(String path) {
        RequestMappingInfo info = RequestMappingInfo.paths(path).options(builderConfig()).build();
        registerMapping(info, new OperationHandler("Sentro fallback " + path, "none", "fallback", endpoints::fallback,
                responses, outages, observations, rows), OperationHandler.HANDLE);
    }

    private RequestMappingInfo.BuilderConfiguration builderConfig() {
        RequestMappingInfo.BuilderConfiguration config = new RequestMappingInfo.BuilderConfiguration();
        config.setPatternParser(getPatternParserOrDefault());
        return config;
    }

    private org.springframework.web.util.pattern.PathPatternParser getPatternParserOrDefault() {
        org.springframework.web.util.pattern.PathPatternParser parser = getPatternParser();
        return parser != null ? parser : org.springframework.web.util.pattern.PathPatternParser.defaultInstance;
    }

    /**
     * Hands the dispatcher the route's {@link OperationHandler} itself, an {@link HttpRequestHandler}, rather than its
     * handler method: Spring MVC then calls it directly (HttpRequestHandlerAdapter) instead of resolving arguments
     * and return values for a method that takes the request and response and returns nothing. Matching, CORS,
     * interceptors and the matched pattern attribute are as for any request mapping.
     */
    @Override
    protected HandlerExecutionChain getHandlerExecutionChain(Object handler, HttpServletRequest request) {
        if (handler instanceof HandlerMethod method && method.getBean() instanceof OperationHandler operation) {
            return super.getHandlerExecutionChain(operation, request);
        }
        return super.getHandlerExecutionChain(handler, request);
    }

    @Override
    protected boolean isHandler(Class<?> beanType) {
        return false;
    }

    @Override
    protected RequestMappingInfo getMappingForMethod(java.lang.reflect.Method method, Class<?> handlerType) {
        return null;
    }
}
