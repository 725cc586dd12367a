package io.sentro.spring.it;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.sentro.spring.it.HttpApi.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Database faults for real, on every database: the pool reaches the database through a {@link TcpProxy} that the test cuts
 * in the middle of a load of reads and multi-row writes. Every request then answers 503 problem+json with
 * {@code Retry-After} (no 500, no hang past the pool's timeout), the outage is logged at WARN once, no write is left
 * half-applied, and the service recovers by itself when the proxy is restored. A statement past
 * {@code sentro.query-timeout} answers 504 and is cancelled in the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith({ OnDatabase.Condition.class, OutputCaptureExtension.class })
abstract class DatabaseOutageScenarios {

    private FixtureDatabase database;
    protected JdbcTemplate jdbc;
    private TcpProxy proxy;
    private RunningApp app;
    private HttpApi api;

    @BeforeAll
    void start() throws Exception {
        database = FixtureDatabases.of(getClass().getAnnotation(OnDatabase.class).value());
        database.resetRows();
        jdbc = new JdbcTemplate(database.dataSource());
        jdbc.execute("DROP VIEW IF EXISTS slow_rows");
        jdbc.execute("CREATE VIEW slow_rows AS " + sleepingFiveSeconds());
        proxy = TcpProxy.to(database.url());
        String proxied = proxy.proxied(database.url());
        FixtureDatabase throughProxy = new FixtureDatabase(database.dialect(), proxied, database.username(),
                database.password(), database.schemaScripts(), database.resetScripts(), database.source());
        app = RunningApp.start(PlainApplication.class, throughProxy, "sentro.security.access.default=permit-all",
                "spring.datasource.hikari.connection-timeout=1000", "spring.datasource.hikari.validation-timeout=500",
                "sentro.outage.retry-after=2s", "sentro.query-timeout=1s");
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
        if (jdbc != null) {
            jdbc.execute("DROP VIEW IF EXISTS slow_rows");
            jdbc.update("DELETE FROM posts WHERE title LIKE 'outage %'");
        }
    }

    @Test
    void aCutConnectionAnswers503WithRetryAfterWritesNothingHalfwayAndRecoversByItself(CapturedOutput output)
            throws Exception {
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        List<String> wrongAnswers = new java.util.concurrent.CopyOnWriteArrayList<>();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService load = Executors.newFixedThreadPool(6);
        List<Future<?>> clients = new ArrayList<>();
        for (int client = 0; client < 6; client++) {
            int number = client;
            clients.add(load.submit(() -> {
                for (int i = 0; running.get(); i++) {
                    Response response = number % 2 == 0 ? api.get("/api/posts?limit=5&count=none")
                            : api.post("/api/posts", batch("outage " + number + "-" + i));
                    statuses.computeIfAbsent(response.status(), status -> new AtomicInteger()).incrementAndGet();
                    if (response.status() >= 300 && !(response.status() == 503
                            && response.contentType().startsWith("application/problem+json")
                            && response.header("Retry-After").equals("2"))) {
                        wrongAnswers.add(response.status() + " " + response.text());
                    }
                }
            }));
        }
        Thread.sleep(1500);
        proxy.cut();
        Thread.sleep(3000);
        proxy.restore();
        Thread.sleep(3000);
        running.set(false);
        for (Future<?> client : clients) {
            client.get(30, TimeUnit.SECONDS);
        }
        load.shutdown();

        assertThat(wrongAnswers).as("answers other than 2xx or 503 + Retry-After").isEmpty();
        assertThat(statuses).as("%s", statuses).containsKey(503);
        assertThat(statuses.get(200).get() + statuses.get(201).get()).isPositive();
        // Recovered without a restart: reads and writes answer again.
        assertThat(api.get("/api/posts/1").status()).isEqualTo(200);
        assertThat(api.post("/api/posts", batch("outage after")).status()).isEqualTo(201);
        // Each request's five rows were written together or not at all.
        List<Map<String, Object>> groups = jdbc.queryForList("SELECT title, COUNT(*) AS n FROM posts "
                + "WHERE title LIKE 'outage %' GROUP BY title");
        assertThat(groups).isNotEmpty().allSatisfy(group -> assertThat(((Number) group.get("n")).intValue())
                .as("rows of %s", group.get("title")).isEqualTo(5));
        // One WARN for the outage, no stack traces, and the recovery.
        String log = output.getOut() + output.getErr();
        assertThat(log.split("The database is unavailable", -1)).hasSize(2);
        assertThat(log).contains("The database answers again").doesNotContain("SENTRO-500")
                .doesNotContain("Sentro GET /api/posts failed");
    }

    @Test
    void aStatementPastTheQueryTimeoutAnswers504AndIsCancelledInTheDatabase() throws Exception {
        long started = System.nanoTime();
        Response slow = api.get("/api/slow_rows");
        assertThat(slow.status()).as(slow.text()).isEqualTo(504);
        assertThat(slow.json().get("code").asString()).isEqualTo("SENTRO-502");
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(4000);
        Thread.sleep(300);
        assertThat(slowStatementsRunning()).isZero();
    }

    @Test
    void aPoolExhaustedPastItsTimeoutAnswers503WithRetryAfter() throws Exception {
        // Two connections, both held by statements that run until the query timeout: the third request waits for
        // the pool's timeout, then answers 503 rather than waiting on.
        try (RunningApp small = RunningApp.start(PlainApplication.class, database,
                "sentro.security.access.default=permit-all", "spring.datasource.hikari.maximum-pool-size=2",
                "spring.datasource.hikari.connection-timeout=400", "sentro.query-timeout=2s",
                "sentro.outage.retry-after=2s")) {
            HttpApi client = small.api();
            assertThat(client.get("/api/posts/1").status()).isEqualTo(200);
            ExecutorService slow = Executors.newFixedThreadPool(2);
            List<Future<Response>> holders = List.of(slow.submit(() -> client.get("/api/slow_rows")),
                    slow.submit(() -> client.get("/api/slow_rows")));
            Thread.sleep(300);
            long started = System.nanoTime();
            Response waited = client.get("/api/posts/1");
            assertThat(waited.status()).as(waited.text()).isEqualTo(503);
            assertThat(waited.header("Retry-After")).isEqualTo("2");
            assertThat(waited.json().get("code").asString()).isEqualTo("SENTRO-501");
            assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(1500);
            for (Future<Response> holder : holders) {
                assertThat(holder.get(10, TimeUnit.SECONDS).status()).isEqualTo(504);
            }
            slow.shutdown();
            assertThat(client.get("/api/posts/1").status()).isEqualTo(200);
        }
    }

    /** A query that takes five seconds and answers one row with an {@code id}. */
    protected abstract String sleepingFiveSeconds();

    /** How many statements on {@code slow_rows} still run in the database, other than this connection's. */
    protected abstract long slowStatementsRunning();

    private static String batch(String title) {
        StringBuilder rows = new StringBuilder("[");
        for (int i = 0; i < 5; i++) {
            rows.append(i == 0 ? "" : ",").append("{\"author_id\": 1, \"title\": \"").append(title).append("\"}");
        }
        return rows.append(']').toString();
    }
}
