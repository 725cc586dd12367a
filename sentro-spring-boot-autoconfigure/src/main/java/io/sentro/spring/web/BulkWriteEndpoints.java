package io.sentro.spring.web;

import java.io.IOException;
import java.util.List;

import io.sentro.spring.error.ErrorCode;
import io.sentro.spring.error.SentroException;
import io.sentro.spring.pipeline.WriteRunner;
import io.sentro.spring.pipeline.WriteRunner.BulkOptions;
import io.sentro.spring.pipeline.WriteRunner.BulkOutcome;
import io.sentro.spring.plan.Grant;
import io.sentro.spring.request.ApiRequestParser;
import io.sentro.spring.request.Preferences;
import io.sentro.spring.schema.Table;
import io.sentro.spring.security.AccessPolicy;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import tools.jackson.databind.JsonNode;

/**
 * The writes of the rows filters select, or of the rows a body's keys name: {@code PATCH {base}/T} and
 * {@code DELETE {base}/T}, each in one transaction, bounded by {@code Prefer: max-affected}.
 */
final class BulkWriteEndpoints {

    private final ApiRequestParser parser;
    private final WriteRunner writes;
    private final JsonResponses responses;
    private final RequestBodies bodies;
    private final AccessPolicy access;

    BulkWriteEndpoints(ApiRequestParser parser, WriteRunner writes, JsonResponses responses, RequestBodies bodies,
            AccessPolicy access) {
        this.parser = parser;
        this.writes = writes;
        this.responses = responses;
        this.bodies = bodies;
        this.access = access;
    }

    /**
     * {@code PATCH {base}/T}: with filters in the query string and one JSON object, the same values on every row they
     * select; with a JSON array of objects that each carry their key, each row's own values. One transaction.
     */
    void patchMatching(Table table, Grant grant, RestCall call) throws IOException {
        JsonNode body = bodies.write(call.request());
        refuseIfMatch(call.request());
        Preferences preferences = call.preferences();
        BulkOptions options = bulkOptions(preferences);
        BulkOutcome outcome;
        if (body.isArray()) {
            for (String name : call.parameters().keySet()) {
                throw new SentroException(ErrorCode.INVALID_PARAMETER, "A PATCH with an array of objects updates the "
                        + "rows their keys name, and takes no query parameter ('" + name + "'); to update the rows "
                        + "filters select, send one object", name);
            }
            outcome = writes.updateEach(table, body, options, grant, call.site());
        }
        else {
            outcome = writes.updateWhere(table, parser.parseFilter(call.parameters()), body, options, grant,
                    call.readGrants(access), call.site());
        }
        bulkResponse(call, preferences, outcome);
    }

    /** {@code DELETE {base}/T?where...}: every row the filters select, in one transaction. */
    void deleteMatching(Table table, Grant grant, RestCall call) throws IOException {
        refuseIfMatch(call.request());
        Preferences preferences = call.preferences();
        BulkOutcome outcome = writes.deleteWhere(table, parser.parseFilter(call.parameters()),
                bulkOptions(preferences), grant, call.readGrants(access), call.site());
        bulkResponse(call, preferences, outcome);
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

    private static BulkOptions bulkOptions(Preferences preferences) {
        return new BulkOptions(!preferences.minimal(), preferences.maxAffected());
    }

    private void bulkResponse(RestCall call, Preferences preferences, BulkOutcome outcome) throws IOException {
        call.written(outcome.count());
        call.applied(preferences.applied(true, false, true));
        responses.bulk(call.response(), preferences.minimal() ? null : outcome.rows(), outcome.count());
    }
}
