package io.sentro.spring.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import io.sentro.spring.customize.Operation;
import io.sentro.spring.error.ErrorCode;
import io.sentro.spring.error.SentroException;
import io.sentro.spring.execute.SqlExecutor.UpsertOutcome;
import io.sentro.spring.pipeline.WriteRunner;
import io.sentro.spring.pipeline.WriteRunner.CreateOutcome;
import io.sentro.spring.pipeline.WriteRunner.UpdateOutcome;
import io.sentro.spring.pipeline.WriteRunner.UpsertOutcomes;
import io.sentro.spring.plan.Grant;
import io.sentro.spring.plan.WriteGrants;
import io.sentro.spring.query.EntityTags;
import io.sentro.spring.request.ApiRequestParser;
import io.sentro.spring.request.Preferences;
import io.sentro.spring.schema.Table;
import io.sentro.spring.security.AccessPolicy;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import tools.jackson.databind.JsonNode;

/**
 * The writes of one row, or of the rows of one body: {@code POST {base}/T} (create, or upsert with
 * {@code Prefer: resolution=...}), {@code PATCH} and {@code PUT {base}/T/{key}}, {@code DELETE {base}/T/{key}}.
 */
final class WriteEndpoints {

    private final ApiRequestParser parser;
    private final WriteRunner writes;
    private final JsonResponses responses;
    private final RequestBodies bodies;
    private final ResourcePaths paths;
    private final AccessPolicy access;

    WriteEndpoints(ApiRequestParser parser, WriteRunner writes, JsonResponses responses, RequestBodies bodies,
            ResourcePaths paths, AccessPolicy access) {
        this.parser = parser;
        this.writes = writes;
        this.responses = responses;
        this.bodies = bodies;
        this.paths = paths;
        this.access = access;
    }

    /** {@code POST {base}/T}: one object, or an array of objects written in one transaction. */
    void create(Table table, Grant grant, RestCall call) throws IOException {
        HttpServletRequest request = call.request();
        HttpServletResponse response = call.response();
        JsonNode body = bodies.write(request);
        Preferences preferences = call.preferences();
        List<String> onConflict = parser.parseCreate(call.parameters());
        if (preferences.resolution() != null) {
            upsert(table, grant, body, preferences, onConflict, call);
            return;
        }
        if (onConflict != null) {
            throw new SentroException(ErrorCode.INVALID_PARAMETER, "on_conflict names the key of an upsert: send it "
                    + "with Prefer: resolution=merge-duplicates or resolution=ignore-duplicates", "on_conflict");
        }
        CreateOutcome created = writes.create(table, body, grant, grants(call), call.site());
        call.written(created.written());
        call.applied(preferences.applied(true, false, false));
        if (created.many()) {
            if (preferences.minimal()) {
                response.setStatus(HttpServletResponse.SC_CREATED);
                return;
            }
            responses.rows(response, HttpServletResponse.SC_CREATED, created.rows());
            return;
        }
        Map<String, @Nullable Object> row = created.rows().isEmpty() ? null : created.rows().get(0);
        if (row != null && table.hasPrimaryKey() && table.primaryKey().stream().allMatch(row::containsKey)) {
            response.setHeader(HttpHeaders.LOCATION, paths.location(request, table, row));
        }
        if (created.tag() != null) {
            response.setHeader(HttpHeaders.ETAG, created.tag());
        }
        if (preferences.minimal()) {
            response.setStatus(HttpServletResponse.SC_CREATED);
            return;
        }
        // Without a row, an after hook took it out of the response; it was created all the same.
        responses.row(response, HttpServletResponse.SC_CREATED, row == null ? Map.of() : row);
    }

    /**
     * {@code POST {base}/T} with {@code Prefer: resolution=...}: an upsert. A merge needs the caller's UPDATE rule as
     * well as CREATE. One object answers 201 with {@code Location} when it was created, 200 when it was merged or
     * left as it was; an array answers 200 with {@code rows}, their {@code outcomes} in the same order, and
     * {@code count}.
     */
    private void upsert(Table table, Grant grant, JsonNode body, Preferences preferences,
            @Nullable List<String> onConflict, RestCall call) throws IOException {
        HttpServletResponse response = call.response();
        boolean merge = preferences.resolution() == Preferences.Resolution.MERGE_DUPLICATES;
        UpsertOutcomes upserted = writes.upsert(table, body, merge, onConflict, grant, grants(call), call.site());
        call.written(upserted.outcomes().stream().filter(outcome -> outcome != UpsertOutcome.IGNORED).count());
        call.applied(preferences.applied(true, true, false));
        if (upserted.many()) {
            if (preferences.minimal()) {
                responses.upserted(response, null, upserted.outcomes());
                return;
            }
            responses.upserted(response, upserted.rows(), upserted.outcomes());
            return;
        }
        boolean created = upserted.outcomes().get(0) == UpsertOutcome.CREATED;
        Map<String, @Nullable Object> row = upserted.rows().get(0);
        if (table.hasPrimaryKey() && table.primaryKey().stream().allMatch(row::containsKey)) {
            response.setHeader(HttpHeaders.LOCATION, paths.location(call.request(), table, row));
        }
        if (upserted.tag() != null) {
            response.setHeader(HttpHeaders.ETAG, upserted.tag());
        }
        int status = created ? HttpServletResponse.SC_CREATED : HttpServletResponse.SC_OK;
        if (preferences.minimal()) {
            response.setStatus(status);
            return;
        }
        responses.row(response, status, row);
    }

    /** {@code PATCH {base}/T/{key}}: the given columns only. */
    void patch(Table table, Grant grant, RestCall call) throws IOException {
        update(table, grant, call, false);
    }

    /** {@code PUT {base}/T/{key}}: the whole row; columns not given are reset to their default or NULL. */
    void put(Table table, Grant grant, RestCall call) throws IOException {
        update(table, grant, call, true);
    }

    private void update(Table table, Grant grant, RestCall call, boolean replace) throws IOException {
        HttpServletResponse response = call.response();
        JsonNode body = bodies.write(call.request());
        Preferences preferences = call.preferences();
        EntityTags ifMatch = ifMatch(call.request());
        parser.parseNone(call.parameters());
        UpdateOutcome updated = writes.update(table, paths.key(table, call.request()), body, replace, ifMatch, grant,
                call.site());
        call.written(1);
        call.applied(preferences.applied(true, false, false));
        if (updated.tag() != null) {
            response.setHeader(HttpHeaders.ETAG, updated.tag());
        }
        if (preferences.minimal()) {
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return;
        }
        responses.row(response, HttpServletResponse.SC_OK, updated.row());
    }

    /** {@code DELETE {base}/T/{key}}; with {@code If-Match}, only the version of the row it names. */
    void delete(Table table, Grant grant, RestCall call) {
        call.preferences(); // malformed is refused on every write
        EntityTags ifMatch = ifMatch(call.request());
        parser.parseNone(call.parameters());
        writes.delete(table, paths.key(table, call.request()), ifMatch, grant, call.site());
        call.written(1);
        call.response().setStatus(HttpServletResponse.SC_NO_CONTENT);
    }

    private static @Nullable EntityTags ifMatch(HttpServletRequest request) {
        return EntityTags.parse(request.getHeader(HttpHeaders.IF_MATCH), HttpHeaders.IF_MATCH);
    }

    /** The caller's rules, for what a write reaches beyond its route's operation. */
    private WriteGrants grants(RestCall call) {
        return (other, operation) -> access.authorize(other, operation, call.site());
    }
}
