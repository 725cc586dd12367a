package io.sentro.spring.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.util.Map;

import io.sentro.spring.error.ErrorCode;
import io.sentro.spring.error.SentroException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.util.ReflectionUtils;
import org.springframework.web.HttpRequestHandler;
import org.springframework.web.server.ResponseStatusException;

/**
 * The handler registered for one route. It runs its endpoint and is the one place where failures become
 * problem+json: a {@link SentroException} as itself, anything else as a 500 whose details stay in the log.
 */
public final class OperationHandler implements HttpRequestHandler {

    static final Method HANDLE = ReflectionUtils.findMethod(OperationHandler.class, "handle", HttpServletRequest.class,
            HttpServletResponse.class);

    private static final Log logger = LogFactory.getLog(OperationHandler.class);

    /** What a route does. */
    @FunctionalInterface
    public interface Endpoint {
        void serve(HttpServletRequest request, HttpServletResponse response) throws IOException;
    }

    private final String description;
    private final Endpoint endpoint;
    private final JsonResponses responses;
    private final Outages outages;
    private final String table;
    private final String operation;
    private final ObservationRegistry observations;
    private final RowMeter rows;

    OperationHandler(String description, Endpoint endpoint, JsonResponses responses) {
        this(description, "none", "other", endpoint, responses, Outages.DEFAULT, ObservationRegistry.NOOP,
                RowMeter.NONE);
    }

    /**
     * @param table the table the route serves, a tag of its observations ({@code none} for the index, the schema...)
     * @param operation what the route does, the other tag: {@code list}, {@code get}, {@code create}...
     * @param observations where each request's observation {@code sentro.requests} goes (a timer and a span, when the
     * application has Micrometer and a tracer)
     */
    OperationHandler(String description, String table, String operation, Endpoint endpoint, JsonResponses responses,
            Outages outages, ObservationRegistry observations, RowMeter rows) {
        this.description = description;
        this.table = table;
        this.operation = operation;
        this.endpoint = endpoint;
        this.responses = responses;
        this.outages = outages;
        this.observations = observations;
        this.rows = rows;
    }

    /** What the dispatcher calls (through {@link SentroHandlerMapping}'s execution chain). */
    @Override
    public void handleRequest(HttpServletRequest request, HttpServletResponse response) throws IOException {
        handle(request, response);
    }

    public void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // Tags of bounded cardinality only: the route's table and operation, the status class and code; never a path
        // or a key.
        Observation observation = Observation.createNotStarted("sentro.requests", observations)
                .contextualName(description).lowCardinalityKeyValue("table", table)
                .lowCardinalityKeyValue("operation", operation).start();
        try (Observation.Scope scope = observation.openScope()) {
            serve(request, response);
        }
        catch (RuntimeException ex) {
            observation.error(ex);
            throw ex;
        }
        finally {
            int status = response.getStatus();
            observation.lowCardinalityKeyValue("status", String.valueOf(status))
                    .lowCardinalityKeyValue("outcome", outcome(status)).stop();
        }
    }

    private void serve(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long started = System.nanoTime();
        try {
            readable(request);
            endpoint.serve(request, response);
            outages.succeeded(started);
            if (request.getAttribute(RowMeter.READ_ATTRIBUTE) instanceof Number read) {
                rows.read(table, read.longValue());
            }
            if (request.getAttribute(RowMeter.WRITTEN_ATTRIBUTE) instanceof Number written) {
                rows.written(table, written.longValue());
            }
        }
        catch (RuntimeException ex) {
            if (response.isCommitted()) {
                throw aborted(ex);
            }
            answer(request, response, ex, started);
        }
    }

    private static String outcome(int status) {
        return status >= 500 ? "SERVER_ERROR" : status >= 400 ? "CLIENT_ERROR" : status >= 300 ? "REDIRECTION"
                : "SUCCESS";
    }

    /**
     * A failure after the first bytes of a streamed answer (an export) were sent: no problem can be written any more.
     * Thrown on, it makes the container end the connection without the body's last chunk, so that the client sees an
     * incomplete answer rather than a short one that looks whole.
     */
    private RuntimeException aborted(RuntimeException ex) {
        boolean clientLeft = ex instanceof UncheckedIOException
                || ex instanceof tools.jackson.core.JacksonException && ex.getCause() instanceof IOException;
        if (clientLeft) {
            logger.debug(description + " ended: the client closed the connection");
        }
        else {
            logger.warn(description + " failed after its answer had begun; the connection is closed: "
                    + (ex instanceof SentroException problem ? problem.detail() : ex.toString()));
        }
        return ex;
    }

    /** The problem for a failure, logged by how bad it is: a refusal at debug level, a server failure as an error. */
    private void answer(HttpServletRequest request, HttpServletResponse response, RuntimeException failure,
            long started) throws IOException {
        SentroException problem;
        if (failure instanceof SentroException refusal && refusal.code() == ErrorCode.DATABASE_UNAVAILABLE) {
            outages.failed(started, description, refusal);
            problem = refusal.headers().containsKey("Retry-After") ? refusal
                    : refusal.withHeaders(Map.of("Retry-After", outages.retryAfter()));
        }
        else if (failure instanceof SentroException refusal && refusal.code() == ErrorCode.QUERY_TIMEOUT) {
            logger.warn(description + " took longer than sentro.query-timeout; the database cancelled it");
            problem = refusal;
        }
        else if (failure instanceof SentroException refusal) {
            if (refusal.status() >= 500) {
                logger.error(description + " failed: " + refusal.detail(), refusal);
            }
            else if (logger.isDebugEnabled()) {
                logger.debug(description + " refused: " + refusal.detail());
            }
            problem = refusal;
        }
        else if (failure instanceof ResponseStatusException status) {
            // Spring's own way to refuse with a status, accepted from hooks and actions like SentroException.
            int code = status.getStatusCode().value();
            problem = code >= 400 ? new SentroException(code, status.getReason() != null ? status.getReason()
                    : status.getMessage()) : new SentroException(ErrorCode.INTERNAL_ERROR, status.getMessage());
            if (code >= 500) {
                logger.error(description + " failed", status);
            }
        }
        else {
            logger.error(description + " failed", failure);
            problem = new SentroException(ErrorCode.INTERNAL_ERROR,
                    "The request failed on the server; the server log has the details");
        }
        responses.problem(request, response, problem);
    }

    /**
     * Refuses a query string the servlet container cannot read: more parameters than it reads
     * ({@code server.tomcat.max-parameter-count}, 1,000 by default), or a malformed one. The container says so by
     * throwing when the parameters are first asked for.
     */
    private static void readable(HttpServletRequest request) {
        try {
            request.getParameterMap();
        }
        catch (IllegalStateException ex) {
            String query = request.getQueryString();
            int count = query == null ? 0 : query.split("&").length;
            throw new SentroException(ErrorCode.INVALID_PARAMETER, "The query string could not be read: it has " + count
                    + " parameters, more than the server reads (server.tomcat.max-parameter-count, 1,000 by default), "
                    + "or a malformed one. Each filter, and each filter of an OR group, is one parameter: a long list "
                    + "of alternatives fits in one where.{column}.in=a,b,c", "query");
        }
    }

    @Override
    public String toString() {
        return description;
    }
}
