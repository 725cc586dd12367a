package io.sentro.spring.it;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.sentro.spring.it.HttpApi.Response;
import io.sentro.spring.it.ReloadApplication.Hold;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.sentro.spring.it.ApiScenarios.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Schema reloads on every database, through the {@code sentro} actuator endpoint: a new table is served with its
 * routes and documents and a dropped one is not; a reload that cannot be served (a customizer's table was dropped)
 * keeps the generation served and says why, in the answer and in health; a request in flight during a swap finishes
 * on the generation it started on; and only the admin role may reload.
 */
abstract class SchemaReloadScenarios extends DatabaseScenarios {

    private static final String ADMIN = "admin-key-0123456789";
    private static final String READER = "reader-key-0123456789";

    @Override
    protected Class<?> application() {
        return ReloadApplication.class;
    }

    @Override
    protected String[] properties() {
        return new String[] { "sentro.security.access.default=permit-all",
                "sentro.security.api-keys[0].name=ops", "sentro.security.api-keys[0].key=" + ADMIN,
                "sentro.security.api-keys[0].roles=ADMIN", "sentro.security.api-keys[1].name=reader",
                "sentro.security.api-keys[1].key=" + READER, "sentro.security.api-keys[1].roles=READER",
                "management.endpoints.web.exposure.include=health,sentro",
                "management.endpoint.health.show-details=always", "springdoc.api-docs.enabled=true" };
    }

    /** The customizer's table exists before the application starts, as the application expects. */
    @Override
    protected FixtureDatabase database() {
        FixtureDatabase fixture = super.database();
        var ddl = new org.springframework.jdbc.core.JdbcTemplate(fixture.dataSource());
        ddl.execute("DROP TABLE IF EXISTS reload_gadgets");
        ddl.execute("DROP TABLE IF EXISTS reload_widgets");
        createWidgets(ddl);
        return fixture;
    }

    private static void createWidgets(org.springframework.jdbc.core.JdbcTemplate ddl) {
        ddl.execute("CREATE TABLE reload_widgets (id INT PRIMARY KEY, title VARCHAR(50))");
        ddl.update("INSERT INTO reload_widgets (id, title) VALUES (1, 'first')");
    }

    /** Each scenario starts from the tables the application started with, served. */
    @BeforeEach
    void servedAsAtStart() {
        jdbc.execute("DROP TABLE IF EXISTS reload_gadgets");
        jdbc.execute("DROP TABLE IF EXISTS reload_widgets");
        createWidgets(jdbc);
        assertThat(reload().status()).isEqualTo(200);
        Hold.reset();
    }

    @AfterAll
    void dropTables() {
        jdbc.execute("DROP TABLE IF EXISTS reload_gadgets");
        jdbc.execute("DROP TABLE IF EXISTS reload_widgets");
    }

    private Response reload() {
        return api.send("POST", "/actuator/sentro", null, null, "X-API-Key", ADMIN);
    }

    private long generation() {
        return api.send("GET", "/actuator/sentro", null, null, "X-API-Key", ADMIN).json().get("generation").asLong();
    }

    @Test
    void aReloadServesANewTableWithItsRoutesAndDocumentsAndDropsAGoneOne() {
        long before = generation();
        // Springdoc has built (and cached) its document before the reload.
        JsonNode document = api.get("/v3/api-docs").json();
        assertThat(document.at("/paths").has("/api/reload_widgets")).isTrue();
        assertThat(document.at("/paths").has("/api/reload_gadgets")).isFalse();
        jdbc.execute("CREATE TABLE reload_gadgets (id INT PRIMARY KEY, name VARCHAR(50) NOT NULL)");
        jdbc.update("INSERT INTO reload_gadgets (id, name) VALUES (7, 'sprocket')");
        assertProblem(api.get("/api/reload_gadgets"), 404, "reload_gadgets");

        Response reloaded = reload();
        assertThat(reloaded.status()).as(reloaded.text()).isEqualTo(200);
        JsonNode outcome = reloaded.json();
        assertThat(outcome.get("status").asString()).isEqualTo("RELOADED");
        assertThat(outcome.get("generation").asLong()).isEqualTo(before + 1);
        assertThat(outcome.get("added").values()).extracting(JsonNode::asString).containsExactly("reload_gadgets");

        assertThat(api.get("/api/reload_gadgets/7").json().get("name").asString()).isEqualTo("sprocket");
        Response created = api.post("/api/reload_gadgets", "{\"id\": 8, \"name\": \"cog\"}");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertProblem(api.post("/api/reload_gadgets", "{\"id\": 9}"), 400, "name");
        assertThat(api.get("/api/_types.ts").text()).contains("reload_gadgets");
        assertThat(api.get("/api/_schema").text()).contains("reload_gadgets");
        assertThat(api.get("/v3/api-docs").json().at("/paths").has("/api/reload_gadgets/{key}")).isTrue();
        JsonNode health = api.get("/actuator/health").json().at("/components/sentro/details");
        assertThat(health.get("generation").asLong()).isEqualTo(before + 1);
        assertThat(health.at("/lastReload/status").asString()).isEqualTo("RELOADED");

        // Nothing changed: nothing is swapped.
        JsonNode again = reload().json();
        assertThat(again.get("status").asString()).isEqualTo("UNCHANGED");
        assertThat(again.get("generation").asLong()).isEqualTo(before + 1);

        jdbc.execute("DROP TABLE reload_gadgets");
        JsonNode dropped = reload().json();
        assertThat(dropped.get("status").asString()).isEqualTo("RELOADED");
        assertThat(dropped.get("removed").values()).extracting(JsonNode::asString).containsExactly("reload_gadgets");
        assertProblem(api.get("/api/reload_gadgets/7"), 404, "reload_gadgets");
        assertProblem(api.post("/api/reload_gadgets", "{\"id\": 9, \"name\": \"x\"}"), 404, "reload_gadgets");
        assertThat(api.get("/v3/api-docs").json().at("/paths").has("/api/reload_gadgets")).isFalse();
    }

    @Test
    void aReloadThatCannotBeServedKeepsTheServedGenerationAndSaysWhy() {
        long before = generation();
        jdbc.execute("CREATE TABLE reload_gadgets (id INT PRIMARY KEY, name VARCHAR(50))");
        // The customizer bean reloadWidgets names a table that is gone.
        jdbc.execute("DROP TABLE reload_widgets");

        Response failed = reload();
        assertThat(failed.status()).as(failed.text()).isEqualTo(500);
        assertThat(failed.json().get("status").asString()).isEqualTo("FAILED");
        assertThat(failed.json().get("error").asString()).contains("reloadWidgets").contains("reload_widgets");
        assertThat(failed.json().get("generation").asLong()).isEqualTo(before);
        // Nothing of the new schema is served: not the new table either.
        assertProblem(api.get("/api/reload_gadgets"), 404, "reload_gadgets");
        assertThat(api.get("/api/posts").status()).isEqualTo(200);
        assertThat(generation()).isEqualTo(before);
        JsonNode health = api.get("/actuator/health").json().at("/components/sentro");
        assertThat(health.get("status").asString()).isEqualTo("UP");
        assertThat(health.at("/details/lastReload/status").asString()).isEqualTo("FAILED");
        assertThat(health.at("/details/lastReload/error").asString()).contains("reload_widgets");

        // Once the schema fits the customizers again, the next reload serves it whole.
        createWidgets(jdbc);
        JsonNode fixed = reload().json();
        assertThat(fixed.get("status").asString()).isEqualTo("RELOADED");
        assertThat(fixed.get("generation").asLong()).isEqualTo(before + 1);
        assertThat(api.get("/api/reload_gadgets").status()).isEqualTo(200);
        assertThat(api.get("/actuator/health").json().at("/components/sentro/details/lastReload/status").asString())
            .isEqualTo("RELOADED");
    }

    @Test
    void aRequestInFlightDuringASwapFinishesOnTheGenerationItStartedOn() throws Exception {
        CompletableFuture<Response> held = CompletableFuture.supplyAsync(() -> api.send("GET",
                "/api/reload_widgets?sort=id", null, null, "X-Hold", "yes"));
        assertThat(Hold.entered.await(10, TimeUnit.SECONDS)).as("the held request reached its hook").isTrue();

        jdbc.execute(database.isSqlServer() ? "ALTER TABLE reload_widgets ADD extra INT"
                : "ALTER TABLE reload_widgets ADD COLUMN extra INT");
        jdbc.update("UPDATE reload_widgets SET extra = 42");
        JsonNode outcome = reload().json();
        assertThat(outcome.get("status").asString()).isEqualTo("RELOADED");
        // A request that starts now is served by the new generation...
        JsonNode fresh = api.get("/api/reload_widgets?sort=id").json().get("rows").get(0);
        assertThat(fresh.get("extra").asInt()).isEqualTo(42);
        assertThat(held).isNotDone();

        // ...and the held one finishes on the old: its columns, its hooks, whole.
        Hold.release.countDown();
        Response old = held.get(20, TimeUnit.SECONDS);
        assertThat(old.status()).as(old.text()).isEqualTo(200);
        JsonNode row = old.json().get("rows").get(0);
        assertThat(row.get("title").asString()).isEqualTo("first");
        assertThat(row.has("extra")).isFalse();
    }

    @Test
    void onlyTheAdminRoleMayReadTheModelOrReload() {
        long before = generation();
        assertProblem(api.send("POST", "/actuator/sentro", null, null), 401, "");
        assertProblem(api.send("POST", "/actuator/sentro", null, null, "X-API-Key", READER), 403, "");
        assertProblem(api.send("GET", "/actuator/sentro", null, null, "X-API-Key", READER), 403, "");
        assertProblem(api.send("POST", "/actuator/sentro", null, null, "X-API-Key", "not-a-key-at-all"), 401, "");
        assertThat(generation()).isEqualTo(before);
        // Health stays open to the platform's probes.
        assertThat(api.get("/actuator/health").status()).isEqualTo(200);
        JsonNode served = api.send("GET", "/actuator/sentro", null, null, "X-API-Key", ADMIN).json();
        List<String> tables = served.get("tables").values().stream().map(table -> table.get("name").asString())
                .toList();
        assertThat(tables).contains("reload_widgets", "posts");
    }
}
