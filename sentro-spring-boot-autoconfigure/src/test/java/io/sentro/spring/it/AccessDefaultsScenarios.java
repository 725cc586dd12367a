package io.sentro.spring.it;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.sentro.spring.it.HttpApi.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.sentro.spring.it.AccessScenarios.assertForbidden;
import static io.sentro.spring.it.AccessScenarios.assertUnauthenticated;
import static io.sentro.spring.it.ApiScenarios.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Defaults per operation ({@code sentro.security.access.defaults.*}) on every available database, and the order in
 * which rules win: a table's property, then its customizer, then the operation's default, then the one default for
 * everything; actions follow their table's update rule. A viewer who may read everything is refused on every write
 * route the OpenAPI document lists, and writes nothing.
 */
abstract class AccessDefaultsScenarios extends SecuredScenarios {

    static final String VIEWER = "viewer-key-0123456789";
    static final String EDITOR = "editor-key-0123456789";
    static final String ADMIN = "admin-key-0123456789";

    @Override
    protected String[] securityProperties() {
        return new String[] {
                "springdoc.api-docs.enabled=true",
                "sentro.security.api-keys[0].name=viewer", "sentro.security.api-keys[0].key=" + VIEWER,
                "sentro.security.api-keys[0].roles=VIEWER",
                "sentro.security.api-keys[1].name=editor", "sentro.security.api-keys[1].key=" + EDITOR,
                "sentro.security.api-keys[1].roles=EDITOR",
                "sentro.security.api-keys[2].name=admin", "sentro.security.api-keys[2].key=" + ADMIN,
                "sentro.security.api-keys[2].roles=ADMIN",
                // Nothing unless said otherwise; everyone signed in reads, editors create and change, and delete
                // is left to the one default.
                "sentro.security.access.default=deny-all",
                "sentro.security.access.defaults.read=authenticated",
                "sentro.security.access.defaults.create=EDITOR,ADMIN",
                "sentro.security.access.defaults.update=EDITOR",
                // A table's property beats its customizer (SecuredApplication: labels are deleted by 'admin' only).
                "sentro.security.access.tables.labels.delete=EDITOR",
                "sentro.security.access.tables.audit_log.read=ADMIN",
                "sentro.security.access.tables.posts.actions.archive=ADMIN" };
    }

    @Test
    void operationDefaultsApplyToTablesWithoutRulesAndFallBackToTheDefault() {
        String before = fingerprint();
        // defaults.read: any signed-in caller; anonymous callers are asked to authenticate.
        assertThat(ok(as(VIEWER, "GET", "/api/authors", null)).get("rows").size()).isEqualTo(3);
        assertUnauthenticated(api.get("/api/authors"));
        // defaults.create and defaults.update: roles.
        assertForbidden(as(VIEWER, "POST", "/api/labels", "{\"name\":\"viewer\"}"), "create");
        assertForbidden(as(VIEWER, "PATCH", "/api/authors/1", "{\"name\":\"viewer\"}"), "update");
        assertForbidden(as(ADMIN, "PATCH", "/api/authors/1", "{\"name\":\"admin\"}"), "update");
        // delete has no default of its own: the one default, deny-all, refuses even the administrator.
        assertForbidden(as(ADMIN, "DELETE", "/api/post_labels/1,1", null), "delete");
        assertThat(fingerprint()).isEqualTo(before);
        assertThat(as(ADMIN, "POST", "/api/labels", "{\"name\":\"by admin\"}").status()).isEqualTo(201);
        assertThat(as(EDITOR, "PATCH", "/api/authors/1", "{\"name\":\"Edited\"}").status()).isEqualTo(200);
    }

    @Test
    void aTablesPropertyWinsOverItsCustomizerAndTheDefaults() {
        String label = as(EDITOR, "POST", "/api/labels", "{\"name\":\"to delete\"}").location().orElseThrow();
        long labels = count("labels");
        // The property says EDITOR; the customizer would let only 'admin' delete; the default would refuse all.
        assertForbidden(as(ADMIN, "DELETE", label, null), "delete");
        assertThat(count("labels")).isEqualTo(labels);
        assertThat(as(EDITOR, "DELETE", label, null).status()).isEqualTo(204);
        assertThat(count("labels")).isEqualTo(labels - 1);
        // A table's read rule beats defaults.read.
        assertForbidden(as(VIEWER, "GET", "/api/audit_log", null), "read");
        ok(as(ADMIN, "GET", "/api/audit_log", null));
    }

    @Test
    void aCustomizersRuleWinsOverTheDefaults() {
        // SecuredApplication allows UPDATE of posts to EDITOR and ADMIN; defaults.update says EDITOR only.
        assertThat(as(ADMIN, "PATCH", "/api/posts/1", "{\"title\":\"By the administrator\"}").status()).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT title FROM posts WHERE id = 1", String.class))
                .isEqualTo("By the administrator");
    }

    @Test
    void actionsFollowTheirTablesUpdateRuleUnlessTheyHaveTheirOwn() {
        String before = fingerprint();
        // Detail and table actions without a rule follow posts' update rule (EDITOR, ADMIN), not its read rule.
        assertForbidden(as(VIEWER, "POST", "/api/posts/2/_actions/publish", "{}"), "action:publish");
        assertForbidden(as(VIEWER, "POST", "/api/posts/_actions/titles", "{\"ids\":[1,2]}"), "action:titles");
        // A rule of its own wins.
        assertForbidden(as(EDITOR, "POST", "/api/posts/_actions/archive", "{\"ids\":[1]}"), "action:archive");
        assertThat(fingerprint()).isEqualTo(before);
        assertThat(ok(as(EDITOR, "POST", "/api/posts/_actions/titles", "{\"ids\":[1,2]}")).get("message").asString())
                .isEqualTo("Hello world, Second post");
        ok(as(ADMIN, "POST", "/api/posts/_actions/archive", "{\"ids\":[1]}"));
    }

    @Test
    void theIndexOffersTheViewerNothingButReading() {
        JsonNode index = ok(as(VIEWER, "GET", "/api", null));
        assertThat(index.toString()).contains("authors");
        List<String> writable = new ArrayList<>();
        index.path("tables").forEach(table -> table.path("operations").forEach(operation -> {
            if (!operation.asString().equals("read")) {
                writable.add(table.path("name").asString() + ":" + operation.asString());
            }
        }));
        index.path("tables").forEach(table -> table.path("actions").forEach(action -> writable.add(
                table.path("name").asString() + ":action " + action.asString())));
        assertThat(writable).as("operations the index offers the viewer").isEmpty();
    }

    @Test
    void theViewerIsRefusedOnEveryWriteRouteOfTheDocument() {
        JsonNode document = ok(as(ADMIN, "GET", "/v3/api-docs", null));
        String before = fingerprint();
        List<String> routes = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        document.get("paths").properties().forEach(path -> {
            if (!path.getKey().startsWith("/api/")) {
                return;
            }
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                String method = operation.getKey().toUpperCase(java.util.Locale.ROOT);
                if (!Set.of("POST", "PUT", "PATCH", "DELETE").contains(method)) {
                    continue;
                }
                String url = path.getKey().replaceAll("\\{[^}]+}", "1");
                routes.add(method + " " + url);
                Response response = as(VIEWER, method, url, method.equals("DELETE") ? null : "{}");
                if (response.status() != 403 || !response.contentType().startsWith("application/problem+json")) {
                    failures.add(method + " " + url + " -> " + response.status() + " " + response.text());
                }
            }
        });
        assertThat(routes).as("write routes in the document").hasSizeGreaterThan(10)
                .contains("POST /api/posts", "PATCH /api/posts/1", "DELETE /api/posts", "POST /api/posts/1/_actions/publish");
        assertThat(failures).as("write routes that did not refuse the viewer").isEmpty();
        assertThat(fingerprint()).isEqualTo(before);
    }

    @Test
    void theOpenApiDocumentsSecurityIsWhatTheApiEnforces() {
        // Rows are reset before each scenario: what an allowed write with {} does is not this scenario's business.
        JsonNode document = ok(api.get("/v3/api-docs"));
        assertThat(DocumentedSecurity.mismatches(api, document, "/api", VIEWER)).isEmpty();
    }

    private Response as(String key, String method, String path, String body) {
        return api.send(method, path, body, "application/json", "X-API-Key", key);
    }
}
