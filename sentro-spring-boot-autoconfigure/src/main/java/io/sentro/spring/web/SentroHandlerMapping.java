package io.sentro.spring.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.sentro.spring.reload.ApiGeneration;
import io.sentro.spring.reload.ApiGenerations;

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
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Registers one handler per route of the served generation ({@link ApiRoutes}), the way Spring Boot Actuator maps
 * its endpoints: nothing is scanned, each mapping shows in logs as "Sentro GET /api/posts", and Spring MVC's
 * {@code http.server.requests} names the route's template. A catch-all under the base path answers unknown tables
 * and refused methods with problem+json.
 * <p>
 * A handler takes the current generation once per request and serves the request with it. When a schema reload
 * swaps generations, the new generation's routes are registered before the swap and the routes it no longer serves
 * are removed after it: a request never meets a route that its generation does not know.
 * <p>
 * It is ordered after Spring MVC's own {@code RequestMappingHandlerMapping}, so an application controller mapped to
 * the same path takes precedence over the generated route.
 */
public class SentroHandlerMapping extends RequestMappingInfoHandlerMapping implements ApiGenerations.Listener {

    private static final Log log = LogFactory.getLog(SentroHandlerMapping.class);

    private final ApiGenerations generations;
    private final String basePath;
    private final JsonResponses responses;
    private final Outages outages;
    private final ObservationRegistry observations;
    private final RowMeter rows;
    /** The mappings registered, by route key; only reloads change it, one at a time. */
    private final Map<String, RequestMappingInfo> registered = new LinkedHashMap<>();

    /**
     * @param outages how requests answer and log while the database is unavailable
     * @param observations where each request is observed ({@code sentro.requests})
     * @param rows counts the rows requests read and write
     */
    public SentroHandlerMapping(ApiGenerations generations, String basePath, JsonResponses responses,
            Outages outages, ObservationRegistry observations, RowMeter rows) {
        this.generations = generations;
        this.basePath = basePath;
        this.responses = responses;
        this.outages = outages;
        this.observations = observations;
        this.rows = rows;
        setOrder(1);
    }

    @Override
    protected void initHandlerMethods() {
        ApiGeneration served = generations.current();
        prepare(served);
        for (String path : List.of(basePath + "/", basePath + "/{table}", basePath + "/{table}/**")) {
            RequestMappingInfo info = RequestMappingInfo.paths(path).options(builderConfig()).build();
            registerMapping(info, handler("Sentro fallback " + path, "none", "fallback",
                    (request, response) -> generations.current().routes().fallback(request, response)),
                    OperationHandler.HANDLE);
        }
        generations.addListener(this);
        logServed(served);
    }

    @Override
    public synchronized void prepare(ApiGeneration next) {
        for (ApiRoutes.Route route : next.routes().all()) {
            String key = route.key();
            if (registered.containsKey(key)) {
                continue;
            }
            RequestMappingInfo info = RequestMappingInfo.paths(route.path())
                .methods(RequestMethod.valueOf(route.method())).options(builderConfig()).build();
            registerMapping(info, handler("Sentro " + key, route.table(), route.operation(),
                    (request, response) -> generations.current().routes().serve(key, request, response)),
                    OperationHandler.HANDLE);
            registered.put(key, info);
        }
    }

    @Override
    public synchronized void settled(ApiGeneration current) {
        registered.entrySet().removeIf(entry -> {
            if (current.routes().serves(entry.getKey())) {
                return false;
            }
            unregisterMapping(entry.getValue());
            return true;
        });
        if (current != generations.current() || current.number() == 1) {
            return;
        }
        logServed(current);
    }

    private void logServed(ApiGeneration served) {
        if (log.isInfoEnabled()) {
            log.info("Sentro serves " + served.routes().tables() + " tables under " + basePath + " ("
                    + served.routes().all().size() + " routes, schema generation " + served.number() + ")");
        }
    }

    private OperationHandler handler(String description, String table, String operation,
            OperationHandler.Endpoint endpoint) {
        return new OperationHandler(description, table, operation, endpoint, responses, outages, observations, rows);
    }

    private RequestMappingInfo.BuilderConfiguration builderConfig() {
        RequestMappingInfo.BuilderConfiguration config = new RequestMappingInfo.BuilderConfiguration();
        PathPatternParser parser = getPatternParser();
        config.setPatternParser(parser != null ? parser : PathPatternParser.defaultInstance);
        return config;
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
