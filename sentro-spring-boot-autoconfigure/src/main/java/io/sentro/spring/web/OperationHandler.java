package io.sentro.spring.web;

import java.io.IOException;
import java.lang.reflect.Method;

import io.sentro.spring.error.ErrorCode;
import io.sentro.spring.error.SentroException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
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
    interface Endpoint {
        void serve(HttpServletRequest request, HttpServletResponse response) throws IOException;
    }

    private final String description;
    private final Endpoint endpoint;
    private final JsonResponses responses;

    OperationHandler(String description, Endpoint endpoint, JsonResponses responses) {
        this.description = description;
        this.endpoint = endpoint;
        this.responses = responses;
    }

    /** What the dispatcher calls (through {@link SentroHandlerMapping}'s execution chain). */
    @Override
    public void handleRequest(HttpServletRequest request, HttpServletResponse response) throws IOException {
        handle(request, response);
    }

    public void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            readable(request);
            endpoint.serve(request, response);
        }
        catch (SentroException ex) {
            if (ex.status() >= 500) {
                logger.error(description + " failed: " + ex.detail(), ex);
            }
            else if (logger.isDebugEnabled()) {
                logger.debug(description + " refused: " + ex.detail());
            }
            responses.problem(request, response, ex);
        }
        catch (ResponseStatusException ex) {
            // Spring's own way to refuse with a status, accepted from hooks and actions like SentroException.
            int status = ex.getStatusCode().value();
            SentroException problem = status >= 400 ? new SentroException(status, ex.getReason() != null
                    ? ex.getReason() : ex.getMessage()) : new SentroException(ErrorCode.INTERNAL_ERROR, ex.getMessage());
            if (status >= 500) {
                logger.error(description + " failed", ex);
            }
            responses.problem(request, response, problem);
        }
        catch (RuntimeException ex) {
            logger.error(description + " failed", ex);
            responses.problem(request, response, new SentroException(ErrorCode.INTERNAL_ERROR,
                    "The request failed on the server; the server log has the details"));
        }
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
