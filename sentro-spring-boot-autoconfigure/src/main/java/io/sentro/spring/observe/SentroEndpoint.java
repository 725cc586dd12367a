package io.sentro.spring.observe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.sentro.spring.customize.Action;
import io.sentro.spring.customize.Operation;
import io.sentro.spring.pipeline.CustomizerRegistry;
import io.sentro.spring.schema.SchemaModel;
import io.sentro.spring.schema.Table;
import io.sentro.spring.security.AccessPolicy;
import io.sentro.spring.web.TableRoutes;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * The {@code sentro} actuator endpoint: what the API serves, as operators need to see it. The base path and the
 * dialect, and per table its routes, its access rules per operation, the columns hidden from every caller and its
 * actions. It is read-only. Like every actuator endpoint, it is exposed only when
 * {@code management.endpoints.web.exposure.include} names it, under the application's own security for the
 * management endpoints (the rules it shows are not secrets, but they are a map of the API).
 */
@Endpoint(id = "sentro")
public final class SentroEndpoint {

    private final SchemaModel model;
    private final CustomizerRegistry registry;
    private final AccessPolicy access;
    private final String basePath;
    private final String dialect;

    public SentroEndpoint(SchemaModel model, CustomizerRegistry registry, AccessPolicy access, String basePath,
            String dialect) {
        this.model = model;
        this.registry = registry;
        this.access = access;
        this.basePath = basePath;
        this.dialect = dialect;
    }

    @ReadOperation
    public Map<String, Object> model() {
        Map<String, Object> served = new LinkedHashMap<>();
        served.put("basePath", basePath);
        served.put("dialect", dialect);
        served.put("defaultRule", access.defaultRule().toString());
        List<Map<String, Object>> tables = new ArrayList<>();
        for (Table table : model.tables()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", table.name());
            entry.put("view", table.view());
            entry.put("primaryKey", table.primaryKey());
            List<String> routes = new ArrayList<>();
            for (TableRoutes.Kind kind : TableRoutes.of(table).routes()) {
                routes.add(kind.method() + " " + basePath + "/" + table.name()
                        + (kind.target() == TableRoutes.Target.ITEM ? "/{key}" : ""));
            }
            entry.put("routes", routes);
            Map<String, String> rules = new LinkedHashMap<>();
            for (Operation operation : List.of(Operation.READ, Operation.CREATE, Operation.UPDATE, Operation.DELETE)) {
                rules.put(operation.name().toLowerCase(java.util.Locale.ROOT), access.rule(table, operation).toString());
            }
            entry.put("rules", rules);
            entry.put("hiddenColumns", access.hiddenFromEveryone(table).stream().sorted().toList());
            List<Map<String, String>> actions = new ArrayList<>();
            for (Action action : registry.pipeline(table).actions()) {
                actions.add(Map.of("id", action.id(), "type", action.type().name().toLowerCase(java.util.Locale.ROOT),
                        "rule", access.rule(table, action).toString()));
            }
            entry.put("actions", actions);
            tables.add(entry);
        }
        served.put("tables", tables);
        return served;
    }
}
