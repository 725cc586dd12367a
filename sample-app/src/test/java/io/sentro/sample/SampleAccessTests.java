package io.sentro.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may do what in the sample, as its {@code application-seeds.yml} says: the viewer reads every table and is
 * refused every write route and action the OpenAPI document lists (routes taken from the document, not a list of
 * ours), writing nothing; tenants write the blog and their own organization's rows, nothing else; and every route's
 * documented security is what it does without and with a key.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SampleAccessTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ConfigurableApplicationContext context;
    private final HttpClient http = HttpClient.newHttpClient();
    private String origin;
    private JdbcTemplate jdbc;
    private JsonNode document;

    @BeforeAll
    void start() throws Exception {
        context = SpringApplication.run(SampleApplication.class, "--server.port=0", "--spring.main.banner-mode=off");
        origin = "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
        jdbc = new JdbcTemplate(context.getBean(DataSource.class));
        document = JSON.readTree(send("GET", "/v3/api-docs", null, null).body());
    }

    @AfterAll
    void stop() {
        context.close();
    }

    @Test
    void theViewerReadsEveryTable() throws Exception {
        JsonNode index = JSON.readTree(send("GET", "/api", null, "admin-demo-key").body());
        List<String> tables = new ArrayList<>();
        index.get("tables").forEach(table -> tables.add(table.get("name").asString()));
        assertThat(tables).contains("posts", "products", "organizations", "registrations", "properties");
        JsonNode viewerIndex = JSON.readTree(send("GET", "/api", null, "viewer-demo-key").body());
        assertThat(viewerIndex.get("tables").size()).isEqualTo(tables.size());
        for (JsonNode table : viewerIndex.get("tables")) {
            // What the console offers: reading, nothing else.
            assertThat(table.get("operations").values()).extracting(JsonNode::asString).as(table.toString())
                    .containsExactly("read");
            assertThat(table.get("actions").isEmpty()).as(table.toString()).isTrue();
        }
        for (String table : tables) {
            assertThat(send("GET", "/api/" + table + "?limit=1", null, "viewer-demo-key").statusCode()).as(table)
                    .isEqualTo(200);
        }
    }

    @Test
    void theViewerIsRefusedOnEveryWriteRouteAndWritesNothing() throws Exception {
        String before = fingerprint();
        List<String> routes = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                String method = operation.getKey().toUpperCase(Locale.ROOT);
                if (!List.of("POST", "PUT", "PATCH", "DELETE").contains(method)) {
                    continue;
                }
                String url = path.getKey().replaceAll("\\{[^}]+}", "1");
                routes.add(method + " " + url);
                HttpResponse<String> response = send(method, url, method.equals("DELETE") ? null : "{}",
                        "viewer-demo-key");
                if (response.statusCode() != 403
                        || !response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
                    failures.add(method + " " + url + " -> " + response.statusCode() + " " + response.body());
                }
            }
        }
        assertThat(routes).contains("POST /api/posts", "PATCH /api/products/1", "DELETE /api/organizations/1",
                "POST /api/posts/_actions/export-markdown", "POST /api/comments/1/_actions/approve-comment");
        assertThat(failures).as("write routes that did not refuse the viewer").isEmpty();
        assertThat(fingerprint()).as("the viewer wrote something").isEqualTo(before);
    }

    @Test
    void tenantsWriteTheBlogAndTheirOwnOrganizationOnly() throws Exception {
        String before = fingerprint();
        assertThat(send("PATCH", "/api/products/1", "{\"name\":\"by acme\"}", "acme-demo-key").statusCode())
                .isEqualTo(403);
        assertThat(send("POST", "/api/events", "{\"title\":\"by acme\"}", "acme-demo-key").statusCode())
                .isEqualTo(403);
        assertThat(send("DELETE", "/api/organizations/1", null, "acme-demo-key").statusCode()).isEqualTo(403);
        // Another tenant's organization is not there for them.
        assertThat(send("PATCH", "/api/organizations/2", "{\"name\":\"by acme\"}", "acme-demo-key").statusCode())
                .isEqualTo(404);
        assertThat(fingerprint()).isEqualTo(before);
        HttpResponse<String> renamed = send("PATCH", "/api/organizations/1", "{\"name\":\"Acme Renamed\"}",
                "acme-demo-key");
        assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(200);
    }

    @Test
    void theDocumentsSecurityIsWhatEveryRouteDoes() throws Exception {
        List<String> mismatches = new ArrayList<>();
        int routes = 0;
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            if (!path.getKey().equals("/api") && !path.getKey().startsWith("/api/")) {
                continue;
            }
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                String method = operation.getKey().toUpperCase(Locale.ROOT);
                if (!List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                    continue;
                }
                routes++;
                boolean open = false;
                for (JsonNode requirement : operation.getValue().path("security")) {
                    open |= requirement.isObject() && requirement.isEmpty();
                }
                String url = path.getKey().replaceAll("\\{[^}]+}", "1");
                // Without a key nothing is written (every route is protected); with one, the viewer's writes are
                // refused (403), which is what "with a key, never 401" needs.
                int anonymous = send(method, url, method.equals("GET") || method.equals("DELETE") ? null : "{}", null)
                        .statusCode();
                if (open == (anonymous == 401)) {
                    mismatches.add(method + " " + url + ": documented " + (open ? "open" : "with credentials")
                            + ", answers " + anonymous + " without a key");
                }
                int signedIn = send(method, url, method.equals("GET") || method.equals("DELETE") ? null : "{}",
                        "viewer-demo-key").statusCode();
                if (signedIn == 401) {
                    mismatches.add(method + " " + url + ": 401 with a valid key");
                }
            }
        }
        assertThat(routes).isGreaterThan(40);
        assertThat(mismatches).isEmpty();
        // The description says how to authenticate, and with which demo keys.
        assertThat(document.at("/info/description").asString()).contains("X-API-Key").contains("admin-demo-key");
    }

    /** Every table's rows in one string (PostgreSQL): equal before and after requests that must write nothing. */
    private String fingerprint() {
        StringBuilder all = new StringBuilder();
        for (String table : jdbc.queryForList("SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
                + "ORDER BY tablename", String.class)) {
            all.append(table).append('=').append(jdbc.queryForObject("SELECT md5(coalesce(string_agg(t::text, ',' "
                    + "ORDER BY t::text), '')) FROM \"" + table + "\" t", String.class)).append(';');
        }
        return all.toString();
    }

    private HttpResponse<String> send(String method, String path, String body, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(origin + path));
        if (key != null) {
            request.header("X-API-Key", key);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
