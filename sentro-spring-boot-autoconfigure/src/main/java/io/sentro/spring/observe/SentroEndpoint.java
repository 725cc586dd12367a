package io.sentro.spring.observe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.sentro.spring.customize.Action;
import io.sentro.spring.customize.Operation;
import io.sentro.spring.pipeline.CustomizerRegistry;
import io.sentro.spring.reload.ApiGeneration;
import io.sentro.spring.reload.ApiGenerations;
import io.sentro.spring.reload.ReloadOutcome;
import io.sentro.spring.schema.Table;
import io.sentro.spring.security.AccessPolicy;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

/**
 * The {@code sentro} actuator endpoint: what the API serves, as operators need to see it, and the schema reload.
 * Reading it ({@code GET /actuator/sentro}) shows the base path, the dialect and the generation, and per table its
 * routes, its access rules per operation, the columns hidden from every caller and its actions. Writing to it
 * ({@code POST /actuator/sentro}) reloads the schema and answers what the reload did: {@code RELOADED},
 * {@code UNCHANGED}, or {@code FAILED} (with status 500 and the reason; the previous generation is still served).
 * <p>
 * Like every actuator endpoint, it is exposed only when {@code management.endpoints.web.exposure.include} names it.
 * Sentro's own security chain guards it: only callers holding {@code sentro.security.access.admin} (role
 * {@code ADMIN} unless set) may read or reload, whether they authenticate with an API key or a JWT.
 */
@Endpoint(id = "sentro")
public final class SentroEndpoint {

    private final ApiGenerations generations;
    private final String basePath;
    private final String dialect;

    public SentroEndpoint(ApiGenerations generations, String basePath, String dialect) {
        this.generations = generations;
        this.basePath = basePath;
        this.dialect = dialect;
    }

    @ReadOperation
    public Map<String, Object> model() {
        ApiGeneration served = generations.current();
        CustomizerRegistry registry = served.component(CustomizerRegistry.class);
        AccessPolicy access = served.component(AccessPolicy.class);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("basePath", basePath);
        result.put("dialect", dialect);
        result.put("generation", served.number());
        result.put("loadedAt", served.loadedAt().toString());
        result.put("defaultRule", access.defaultRule().toString());
        List<Map<String, Object>> tables = new ArrayList<>();
        for (Table table : served.model().tables()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", table.name());
            entry.put("view", table.view());
            entry.put("primaryKey", table.primaryKey());
            entry.put("routes", served.routes().of(table.name()));
            Map<String, String> rules = new LinkedHashMap<>();
            for (Operation operation : List.of(Operation.READ, Operation.CREATE, Operation.UPDATE, Operation.DELETE)) {
                rules.put(operation.name().toLowerCase(Locale.ROOT), access.rule(table, operation).toString());
            }
            entry.put("rules", rules);
            entry.put("hiddenColumns", access.hiddenFromEveryone(table).stream().sorted().toList());
            List<Map<String, String>> actions = new ArrayList<>();
            for (Action action : registry.pipeline(table).actions()) {
                actions.add(Map.of("id", action.id(), "type", action.type().name().toLowerCase(Locale.ROOT),
                        "rule", access.rule(table, action).toString()));
            }
            entry.put("actions", actions);
            tables.add(entry);
        }
        result.put("tables", tables);
        return result;
    }

    /** Reloads the schema now; see {@link ApiGenerations#reload}. */
    @WriteOperation
    public WebEndpointResponse<Map<String, Object>> reload() {
        ReloadOutcome outcome = generations.reload("actuator");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", outcome.status().name());
        body.put("generation", outcome.generation());
        body.put("tables", outcome.tables());
        body.put("added", outcome.added());
        body.put("removed", outcome.removed());
        if (outcome.error() != null) {
            body.put("error", outcome.error());
        }
        body.put("at", outcome.at().toString());
        body.put("tookMillis", outcome.took().toMillis());
        return new WebEndpointResponse<>(body, outcome.status() == ReloadOutcome.Status.FAILED
                ? WebEndpointResponse.STATUS_INTERNAL_SERVER_ERROR : WebEndpointResponse.STATUS_OK);
    }
}
