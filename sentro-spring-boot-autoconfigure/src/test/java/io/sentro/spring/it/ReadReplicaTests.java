package io.sentro.spring.it;

import java.time.Duration;
import java.util.Map;

import io.sentro.spring.customize.ModelCustomizer;
import io.sentro.spring.customize.Operation;
import io.sentro.spring.it.FixtureDatabases.Dialect;
import io.sentro.spring.it.HttpApi.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static io.sentro.spring.it.ApiScenarios.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Read replicas on a real PostgreSQL streaming replica ({@code SENTRO_TEST_POSTGRES_REPLICA_URL}, which
 * {@code .ci/pg-replica.sh} makes): reads report {@code pg_is_in_recovery()} true, writes and the reads of a write's
 * hooks false; a replica that goes away (its {@link TcpProxy} cut) sends reads to the primary, and it is used again
 * once it is back. Skipped, with a message, where there is no replica.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OnDatabase.Condition.class)
@OnDatabase(Dialect.POSTGRES)
class ReadReplicaTests {

    private static final String REPLICA_URL = System.getenv("SENTRO_TEST_POSTGRES_REPLICA_URL");

    private JdbcTemplate primary;
    private TcpProxy proxy;
    private RunningApp app;
    private HttpApi api;

    /** The fixture app, with a hook that reads from inside a write's transaction. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class ReplicaApplication {

        @Bean
        ModelCustomizer replicaWrites() {
            ModelCustomizer customizer = new ModelCustomizer("replica_writes");
            customizer.onAfter(Operation.CREATE, (result, context) -> {
                Map<String, Object> probe = context.db().getSingle("replica_probe", Map.of("id", 1));
                result.rows().get(0).put("hookSawReplica", probe == null ? null : probe.get("in_recovery"));
                return result;
            });
            // An action reads where it runs: in the write's transaction (the primary), or declared read-only (a replica).
            io.sentro.spring.customize.Action.TableHandler probe = (request, records, db) -> Map.of("replica",
                    db.getSingle("replica_probe", Map.of("id", 1)).get("in_recovery"));
            customizer.addAction(io.sentro.spring.customize.Action.table("probe", "Probe", probe));
            customizer.addAction(io.sentro.spring.customize.Action.table("probe-replica", "Probe a replica", probe)
                    .readOnly());
            customizer.addAction(io.sentro.spring.customize.Action.table("sneaky", "Writes though read-only",
                    (request, records, db) -> Map.of("row", db.insert("replica_writes", Map.of("note", "sneaky"))))
                    .readOnly());
            return customizer;
        }
    }

    @BeforeAll
    void start() throws Exception {
        Assumptions.assumeTrue(REPLICA_URL != null, "No read replica: SENTRO_TEST_POSTGRES_REPLICA_URL is not set "
                + "(.ci/pg-replica.sh makes a streaming replica of the local PostgreSQL and .ci/run exports it)");
        FixtureDatabase database = FixtureDatabases.of(Dialect.POSTGRES);
        database.resetRows();
        primary = new JdbcTemplate(database.dataSource());
        primary.execute("DROP VIEW IF EXISTS replica_probe");
        primary.execute("DROP TABLE IF EXISTS replica_writes");
        primary.execute("CREATE VIEW replica_probe AS SELECT 1 AS id, pg_is_in_recovery() AS in_recovery");
        primary.execute("CREATE TABLE replica_writes (id SERIAL PRIMARY KEY, note TEXT NOT NULL, "
                + "on_replica BOOLEAN NOT NULL DEFAULT pg_is_in_recovery())");
        JdbcTemplate replica = new JdbcTemplate(new DriverManagerDataSource(REPLICA_URL));
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (replica.queryForObject("SELECT COUNT(*) FROM pg_class WHERE relname = 'replica_writes'", Long.class)
                == 0) {
            assertThat(System.nanoTime()).as("the replica did not catch up").isLessThan(deadline);
            Thread.sleep(100);
        }
        proxy = TcpProxy.to(REPLICA_URL);
        String proxied = proxy.proxied(REPLICA_URL);
        app = RunningApp.start(ReplicaApplication.class, database, "sentro.security.access.default=permit-all",
                "sentro.read-replicas[0]=" + proxied, "sentro.read-replica-retry-after=1s",
                "spring.datasource.hikari.connection-timeout=1000", "management.endpoint.health.show-details=always");
        api = app.api();
    }

    @AfterAll
    void stop() throws Exception {
        if (app != null) {
            app.close();
        }
        if (proxy != null) {
            proxy.close();
        }
        if (primary != null) {
            primary.execute("DROP VIEW IF EXISTS replica_probe");
            primary.execute("DROP TABLE IF EXISTS replica_writes");
        }
    }

    private boolean readFromReplica() {
        return ok(api.get("/api/replica_probe")).get("rows").get(0).get("in_recovery").asBoolean();
    }

    @Test
    void readsGoToTheReplicaAndWritesWithTheirHooksToThePrimary() {
        assertThat(readFromReplica()).isTrue();
        JsonNode counted = ok(api.get("/api/replica_probe?count=exact&where.id.eq=1"));
        assertThat(counted.get("rows").get(0).get("in_recovery").asBoolean()).isTrue();
        assertThat(counted.get("total").asLong()).isEqualTo(1);
        Response export = api.get("/api/replica_probe?format=ndjson");
        assertThat(export.text()).isEqualTo("{\"id\":1,\"in_recovery\":true}\n");
        // The column default is evaluated where the row is inserted; the hook reads inside the write's transaction.
        JsonNode written = ok(api.post("/api/replica_writes", "{\"note\": \"hello\"}"));
        assertThat(written.get("on_replica").asBoolean()).isFalse();
        assertThat(written.get("hookSawReplica").asBoolean()).isFalse();
        // Health reports the replica, and how far behind the primary it is.
        JsonNode replicaHealth = api.get("/actuator/health").json().at("/components/sentro/details/replicas/0");
        assertThat(replicaHealth.get("reachable").asBoolean()).as("%s", replicaHealth).isTrue();
        assertThat(replicaHealth.get("lagBytes").asLong()).isGreaterThanOrEqualTo(0);
        // Bulk writes, and the reads their hooks do, too.
        assertThat(api.patch("/api/replica_writes?where.note.eq=hello", "{\"note\": \"again\"}").status())
                .isEqualTo(200);
    }

    @Test
    void actionsDeclaredReadOnlyRunOnAReplicaAndCannotWrite() {
        assertThat(ok(api.post("/api/replica_writes/_actions/probe", "{\"ids\": []}")).get("replica").asBoolean())
                .isFalse();
        assertThat(ok(api.post("/api/replica_writes/_actions/probe-replica", "{\"ids\": []}")).get("replica")
                .asBoolean()).isTrue();
        long before = primary.queryForObject("SELECT COUNT(*) FROM replica_writes", Long.class);
        assertThat(api.post("/api/replica_writes/_actions/sneaky", "{\"ids\": []}").status()).isEqualTo(500);
        assertThat(primary.queryForObject("SELECT COUNT(*) FROM replica_writes", Long.class)).isEqualTo(before);
    }

    @Test
    void aReplicaThatGoesAwaySendsReadsToThePrimaryUntilItIsBack() throws Exception {
        assertThat(readFromReplica()).isTrue();
        proxy.cut();
        // The replica's pool notices once it validates a connection again (it trusts an idle one for 500 ms): from
        // then on, reads go to the primary. A fixed wait was too short on a loaded machine now and then.
        long cutDeadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        Thread.sleep(700);
        while (readFromReplica()) {
            assertThat(System.nanoTime()).as("read from the primary while the replica is away").isLessThan(cutDeadline);
            Thread.sleep(200);
        }
        assertThat(api.get("/api/replica_probe").status()).isEqualTo(200);
        JsonNode health = api.get("/actuator/health").json().at("/components/sentro");
        assertThat(health.get("status").asString()).isEqualTo("UP");
        assertThat(health.at("/details/replicas/0/reachable").asBoolean()).isFalse();
        proxy.restore();
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!readFromReplica()) {
            assertThat(System.nanoTime()).as("the replica was not used again").isLessThan(deadline);
            Thread.sleep(200);
        }
    }
}
