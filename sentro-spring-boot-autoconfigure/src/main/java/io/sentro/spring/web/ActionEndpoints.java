package io.sentro.spring.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import io.sentro.spring.customize.Action;
import io.sentro.spring.pipeline.ActionRunner;
import io.sentro.spring.plan.Grant;
import io.sentro.spring.request.ApiRequestParser;
import io.sentro.spring.schema.Table;
import io.sentro.spring.security.AccessPolicy;

import org.jspecify.annotations.Nullable;

/** The actions: {@code POST {base}/T/_actions/{id}} and {@code POST {base}/T/{key}/_actions/{id}}. */
final class ActionEndpoints {

    private final ApiRequestParser parser;
    private final ActionRunner actions;
    private final JsonResponses responses;
    private final RequestBodies bodies;
    private final ResourcePaths paths;
    private final AccessPolicy access;

    ActionEndpoints(ApiRequestParser parser, ActionRunner actions, JsonResponses responses, RequestBodies bodies,
            ResourcePaths paths, AccessPolicy access) {
        this.parser = parser;
        this.actions = actions;
        this.responses = responses;
        this.bodies = bodies;
        this.paths = paths;
        this.access = access;
    }

    /**
     * {@code POST {base}/T/_actions/{id}}: a table action on the records named by {@code ids} in the body, or else on
     * those the query string selects (the list syntax).
     */
    void tableAction(Table table, Action action, Grant grant, RestCall call) throws IOException {
        Map<String, @Nullable Object> body = bodies.action(call.request());
        Map<String, @Nullable Object> result = actions.tableAction(table, action, body,
                parser.parseList(call.parameters()), grant, call.readGrants(access), call.site());
        responses.actionResult(call.response(), result);
    }

    /** {@code POST {base}/T/{key}/_actions/{id}}: a detail action on one record. */
    void detailAction(Table table, Action action, Grant grant, RestCall call) throws IOException {
        Map<String, @Nullable Object> body = bodies.action(call.request());
        parser.parseNone(call.parameters());
        List<String> rawKey = paths.actionKey(table, call.request());
        Map<String, @Nullable Object> result = actions.detailAction(table, action, rawKey, body, grant, call.site());
        responses.actionResult(call.response(), result);
    }
}
