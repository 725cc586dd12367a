package io.sentro.spring.it;

import java.util.List;

import io.sentro.spring.it.FixtureDatabases.Dialect;
import io.sentro.spring.it.HttpApi.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sentro under Spring Boot Actuator: the {@code sentro} health contributor, the {@code sentro.requests} timer and the
 * row counters with tags of bounded cardinality (never a key), and Spring MVC's {@code http.server.requests} with the
 * route templates.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OnDatabase.Condition.class)
@OnDatabase(Dialect.POSTGRES)
class ObservabilityTests {

    private static final String OPERATOR_KEY = "operator-key-0123456789";

    private RunningApp app;
    private HttpApi api;

    @BeforeAll
    void start() {
        FixtureDatabase database = FixtureDatabases.of(Dialect.POSTGRES);
        database.resetRows();
        app = RunningApp.start(PlainApplication.class, database, "sentro.security.access.default=permit-all",
                "management.endpoints.web.exposure.include=health,metrics,sentro",
                "management.endpoint.health.show-details=always", "spring.security.user.name=ops",
                "spring.security.user.password=ops-secret", "sentro.security.api-keys[0].name=operator",
                "sentro.security.api-keys[0].key=" + OPERATOR_KEY, "sentro.security.api-keys[0].roles=ADMIN");
        api = app.api();
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void theHealthContributorSaysWhatIsServedAndWhetherTheDatabaseAnswers() {
        JsonNode health = api.get("/actuator/health").json();
        assertThat(health.get("status").asString()).isEqualTo("UP");
        JsonNode sentro = health.at("/components/sentro");
        assertThat(sentro.get("status").asString()).isEqualTo("UP");
        assertThat(sentro.at("/details/dialect").asString()).isEqualTo("PostgreSQL");
        assertThat(sentro.at("/details/tables").asInt()).isGreaterThanOrEqualTo(5);
        assertThat(sentro.at("/details/database").asString()).isEqualTo("reachable");
    }

    @Test
    void requestsAreTimedByTableOperationOutcomeAndStatusNeverByKey() {
        for (int id = 1; id <= 3; id++) {
            assertThat(api.get("/api/posts/" + id).status()).isEqualTo(200);
        }
        assertThat(api.get("/api/posts/999").status()).isEqualTo(404);
        assertThat(api.get("/api/posts?limit=2").status()).isEqualTo(200);
        assertThat(api.post("/api/labels", "[{\"name\": \"m1\"}, {\"name\": \"m2\"}]").status()).isEqualTo(201);

        JsonNode gets = metric("sentro.requests", "table:posts", "operation:get");
        assertThat(count(gets)).isEqualTo(4);
        assertThat(tagValues(gets, "status")).containsExactlyInAnyOrder("200", "404");
        assertThat(tagValues(gets, "outcome")).containsExactlyInAnyOrder("SUCCESS", "CLIENT_ERROR");
        JsonNode all = metric("sentro.requests");
        assertThat(tagValues(all, "operation")).contains("get", "list", "create");
        assertThat(tagValues(all, "table")).contains("posts", "labels").noneMatch(value -> value.matches("\\d+"));
        assertThat(count(metric("sentro.rows.read", "table:posts"))).isEqualTo(3 + 2);
        assertThat(count(metric("sentro.rows.written", "table:labels"))).isEqualTo(2);
        // A nested insert counts every row it wrote: the post, its new label and the link between them.
        assertThat(api.post("/api/posts", "{\"author_id\": 1, \"title\": \"n\", \"labels\": [{\"name\": \"m3\"}]}")
                .status()).isEqualTo(201);
        assertThat(count(metric("sentro.rows.written", "table:posts"))).isEqualTo(3);
        // Its planning and its database work are observed too, under the request's observation.
        assertThat(tagValues(metric("sentro.sql"), "table")).contains("posts", "labels");
        assertThat(tagValues(metric("sentro.plan"), "plan")).contains("read", "create");
        // Spring MVC's own timer names the route template, not the path with its key.
        List<String> uris = tagValues(metric("http.server.requests"), "uri");
        assertThat(uris).contains("/api/posts/{key}", "/api/posts").noneMatch(uri -> uri.matches(".*/\\d+$"));
    }

    @Test
    void theSentroEndpointShowsTablesRoutesAndRulesToOperators() {
        assertThat(api.get("/actuator/sentro").status()).isEqualTo(401);
        JsonNode served = operator("/actuator/sentro");
        assertThat(served.get("basePath").asString()).isEqualTo("/api");
        assertThat(served.get("defaultRule").asString()).isEqualTo("permit-all");
        JsonNode posts = null;
        for (JsonNode table : served.get("tables").values()) {
            if (table.get("name").asString().equals("posts")) {
                posts = table;
            }
        }
        assertThat(posts).isNotNull();
        assertThat(posts.get("routes").values()).extracting(JsonNode::asString).contains("GET /api/posts",
                "POST /api/posts", "GET /api/posts/{key}", "DELETE /api/posts/{key}");
        assertThat(posts.at("/rules/read").asString()).isEqualTo("permit-all");
    }

    /** The sentro endpoint is for operators holding the admin role (an API key here), not Boot's own user. */
    private JsonNode operator(String path) {
        assertThat(api.send("GET", path, null, null, "Authorization", "Basic "
                + java.util.Base64.getEncoder().encodeToString("ops:ops-secret".getBytes())).status()).isEqualTo(401);
        Response response = api.send("GET", path, null, null, "X-API-Key", OPERATOR_KEY);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }

    private JsonNode metric(String name, String... tags) {
        StringBuilder path = new StringBuilder("/actuator/metrics/").append(name);
        for (int i = 0; i < tags.length; i++) {
            path.append(i == 0 ? "?" : "&").append("tag=").append(tags[i]);
        }
        // Metrics are for operators: Spring Boot's own security asks for its user; health stays open to probes.
        Response response = api.send("GET", path.toString(), null, null, "Authorization", "Basic "
                + java.util.Base64.getEncoder().encodeToString("ops:ops-secret".getBytes()));
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }

    private static double count(JsonNode metric) {
        for (JsonNode measurement : metric.get("measurements").values()) {
            if (measurement.get("statistic").asString().equals("COUNT")) {
                return measurement.get("value").asDouble();
            }
        }
        throw new AssertionError("no COUNT in " + metric);
    }

    private static List<String> tagValues(JsonNode metric, String tag) {
        for (JsonNode available : metric.get("availableTags").values()) {
            if (available.get("tag").asString().equals(tag)) {
                return available.get("values").values().stream().map(JsonNode::asString).toList();
            }
        }
        return List.of();
    }
}
