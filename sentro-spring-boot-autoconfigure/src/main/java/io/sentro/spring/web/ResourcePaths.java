package io.sentro.spring.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.sentro.spring.request.ApiRequestParser;
import io.sentro.spring.schema.Column;
import io.sentro.spring.schema.Table;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.UriUtils;

/**
 * The URLs of the API's resources: the key a request's path names, and the links a response gives (a table's path,
 * a created row's {@code Location}, the next page's {@code Link}).
 */
final class ResourcePaths {

    private final String basePath;
    private final ApiRequestParser parser;

    ResourcePaths(String basePath, ApiRequestParser parser) {
        this.basePath = basePath;
        this.parser = parser;
    }

    /** The base path as configured ({@code /api}), without the context path. */
    String basePath() {
        return basePath;
    }

    /** The API's index as clients address it: the context path and the base path. */
    String base(HttpServletRequest request) {
        return request.getContextPath() + basePath;
    }

    /** A table's collection as clients address it. */
    String table(HttpServletRequest request, Table table) {
        return base(request) + "/" + UriUtils.encodePathSegment(table.name(), StandardCharsets.UTF_8);
    }

    /** The key of {@code {base}/T/{key}}: the last path segment. */
    List<String> key(Table table, HttpServletRequest request) {
        return parser.parseKey(keySegment(path(request)), table.primaryKey().size());
    }

    /** The key of {@code {base}/T/{key}/_actions/{id}}: the segment before {@code _actions}. */
    List<String> actionKey(Table table, HttpServletRequest request) {
        String uri = path(request);
        return parser.parseKey(keySegment(uri.substring(0, uri.lastIndexOf("/_actions/"))),
                table.primaryKey().size());
    }

    /** Where a row is read: its key columns' values, comma-separated, each percent-encoded with its commas. */
    String location(HttpServletRequest request, Table table, Map<String, @Nullable Object> row) {
        StringBuilder key = new StringBuilder();
        for (Column keyColumn : table.primaryKeyColumns()) {
            String value = String.valueOf(row.get(keyColumn.name()));
            key.append(key.isEmpty() ? "" : ",")
                    .append(UriUtils.encodePathSegment(value, StandardCharsets.UTF_8).replace(",", "%2C"));
        }
        return table(request, table) + "/" + key;
    }

    /**
     * The full URL of the next page: this request's, with {@code after} set to the cursor (and no {@code offset},
     * which a cursor replaces). Scheme and host are as the request came in (behind a proxy, set
     * {@code server.forward-headers-strategy} so that they are the client's).
     */
    static String nextPage(HttpServletRequest request, String cursor) {
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

    /** The request's path, without path parameters ({@code ;jsessionid=...}). */
    private static String path(HttpServletRequest request) {
        String uri = request.getRequestURI();
        int semicolon = uri.indexOf(';');
        return semicolon >= 0 ? uri.substring(0, semicolon) : uri;
    }

    /** The last path segment, still percent-encoded, so that an encoded comma in a key value stays distinct. */
    private static String keySegment(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
