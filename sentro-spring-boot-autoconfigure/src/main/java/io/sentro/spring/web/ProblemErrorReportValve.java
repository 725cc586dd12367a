package io.sentro.spring.web;

import java.io.IOException;
import java.util.Locale;

import io.sentro.spring.error.ErrorCode;
import io.sentro.spring.error.SentroException;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.jspecify.annotations.Nullable;

/**
 * Tomcat's error report for requests under the base path that Tomcat itself refuses before any servlet runs, as an
 * RFC 9457 problem instead of its HTML page: a path with an encoded {@code /} ({@code %2F}, which Tomcat refuses in
 * a path), a request line longer than {@code server.max-http-request-header-size}, a malformed URI. Other paths keep
 * Tomcat's (or Spring Boot's) report.
 */
public final class ProblemErrorReportValve extends ErrorReportValve {

    private final String basePath;
    private final JsonResponses responses;

    public ProblemErrorReportValve(String basePath, JsonResponses responses) {
        this.basePath = basePath;
        this.responses = responses;
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        String uri = request.getRequestURI();
        // A request line Tomcat could not read (longer than server.max-http-request-header-size) has no path to
        // tell whose it is: it gets the API's kind of answer too.
        boolean ours = uri == null || uri.isEmpty() || uri.equals(basePath) || uri.startsWith(basePath + "/");
        if (!ours || response.getStatus() != 400 || response.getContentWritten() > 0) {
            super.report(request, response, throwable);
            return;
        }
        if (!response.setErrorReported()) {
            return;
        }
        try {
            response.setSuspended(false);
            responses.problem(request, response, refusal(request, uri));
            response.finishResponse();
        }
        catch (IOException | IllegalStateException ex) {
            // The client has gone, or the response cannot be written: nothing more to report.
        }
    }

    private SentroException refusal(Request request, @Nullable String uri) {
        if (uri == null || uri.isEmpty()) {
            return new SentroException(ErrorCode.REQUEST_REJECTED, "The request line could not be read: it is longer "
                    + "than the server accepts (server.max-http-request-header-size, 8 KB by default), or malformed. "
                    + "A long filter (many OR groups) fits better in where.{column}.in=a,b,c", "query");
        }
        if (uri.toLowerCase(Locale.ROOT).contains("%2f")) {
            return new SentroException(ErrorCode.REQUEST_REJECTED, "The path holds an encoded '/' (%2F), which the "
                    + "server refuses in a path. Read a row whose key holds '/' with a filter instead: "
                    + basePath + "/{table}?where.{key}.eq={value}", "path");
        }
        return new SentroException(ErrorCode.REQUEST_REJECTED, "The server refused the request before it reached "
                + "the API: its path or query is not valid HTTP", "path");
    }
}
