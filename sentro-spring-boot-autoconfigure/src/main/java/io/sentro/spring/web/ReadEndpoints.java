package io.sentro.spring.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import io.sentro.spring.error.SentroException;
import io.sentro.spring.pipeline.ExportRunner;
import io.sentro.spring.pipeline.OperationRunner;
import io.sentro.spring.pipeline.OperationRunner.GetOutcome;
import io.sentro.spring.pipeline.OperationRunner.ReadOutcome;
import io.sentro.spring.plan.Grant;
import io.sentro.spring.query.EntityTags;
import io.sentro.spring.query.ListQuery;
import io.sentro.spring.query.RowQuery;
import io.sentro.spring.request.ApiRequestParser;
import io.sentro.spring.schema.Table;
import io.sentro.spring.security.AccessPolicy;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;

/** The reads: {@code GET {base}/T} (a page, or an export) and {@code GET {base}/T/{key}}. */
final class ReadEndpoints {

    private final ApiRequestParser parser;
    private final OperationRunner runner;
    private final ExportRunner exports;
    private final ExportResponses exportResponses = new ExportResponses();
    private final JsonResponses responses;
    private final ResourcePaths paths;
    private final AccessPolicy access;

    ReadEndpoints(ApiRequestParser parser, OperationRunner runner, ExportRunner exports, JsonResponses responses,
            ResourcePaths paths, AccessPolicy access) {
        this.parser = parser;
        this.runner = runner;
        this.exports = exports;
        this.responses = responses;
        this.paths = paths;
        this.access = access;
    }

    /**
     * {@code GET {base}/T}: a page of JSON; or, asked with {@code format=ndjson|csv} or {@code Accept:
     * application/x-ndjson} or {@code text/csv}, every row the filters select, streamed ({@link ExportRunner}).
     */
    void list(Table table, Grant grant, RestCall call) throws IOException {
        HttpServletRequest request = call.request();
        HttpServletResponse response = call.response();
        Map<String, String[]> parameters = call.parameters();
        String[] format = parameters.get("format");
        if (format != null) {
            parameters = new LinkedHashMap<>(parameters);
            parameters.remove("format");
        }
        ExportResponses.Format chosen = ExportResponses.Format.of(format, request.getHeader(HttpHeaders.ACCEPT));
        if (chosen != ExportResponses.Format.JSON) {
            ListQuery query = parser.parseList(parameters);
            long exported = exports.export(table, query, grant, call.readGrants(access), call.site(),
                    exportResponses.start(response, chosen, table.name()));
            call.read(exported);
            return;
        }
        ReadOutcome outcome = runner.list(table, parser.parseList(parameters), grant, call.readGrants(access),
                call.site());
        if (outcome.next() != null) {
            response.setHeader(HttpHeaders.LINK, "<" + ResourcePaths.nextPage(request, outcome.next())
                    + ">; rel=\"next\"");
        }
        call.read(outcome.result().rows().size());
        responses.page(response, outcome.result(), outcome.limit(), outcome.offset(), outcome.next());
    }

    /**
     * {@code GET {base}/T/{key}}, with the stored row's {@code ETag}; {@code If-None-Match} naming it answers
     * {@code 304} without a body.
     */
    void get(Table table, Grant grant, RestCall call) throws IOException {
        HttpServletResponse response = call.response();
        EntityTags ifNoneMatch = EntityTags.parse(call.request().getHeader(HttpHeaders.IF_NONE_MATCH),
                HttpHeaders.IF_NONE_MATCH);
        RowQuery query = parser.parseRow(call.parameters());
        GetOutcome outcome = runner.getTagged(table, paths.key(table, call.request()), query, grant,
                call.readGrants(access), call.site());
        if (outcome.row() == null) {
            throw SentroException.rowNotFound(table.name());
        }
        if (outcome.tag() != null) {
            response.setHeader(HttpHeaders.ETAG, outcome.tag());
            if (ifNoneMatch != null && ifNoneMatch.matchesWeakly(outcome.tag())) {
                response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
                return;
            }
        }
        call.read(1);
        responses.row(response, HttpServletResponse.SC_OK, outcome.row());
    }
}
