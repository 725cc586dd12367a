package io.sentro.spring.it;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpServer;
import io.sentro.spring.events.WebhookChangeEventTarget;
import io.sentro.spring.it.FixtureDatabases.Dialect;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;

import static io.sentro.spring.it.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Webhooks fed by the outbox, against a receiver run by the test: each takes the tables and operations it names; its
 * posts carry a timestamp and an HMAC-SHA256 signature a receiver can check; one that answers 500 gets the same
 * event again (same id) after the backoff.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OnDatabase.Condition.class)
@OnDatabase(Dialect.POSTGRES)
class WebhookDeliveryTests {

    private static final String SECRET = "webhook-secret-0123456789";

    /** One request the receiver got: its path, headers and body. */
    record Received(String path, Map<String, List<String>> headers, String body) {

        String header(String name) {
            return headers.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> entry.getValue().get(0)).findFirst().orElse("");
        }
    }

    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
    private HttpServer receiver;
    private RunningApp app;
    private JdbcTemplate jdbc;
    private int flakyCalls;

    @BeforeAll
    void start() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestURI().getPath(), Map.copyOf(exchange.getRequestHeaders()),
                    body));
            boolean fail = exchange.getRequestURI().getPath().equals("/flaky") && flakyCalls++ == 0;
            exchange.sendResponseHeaders(fail ? 500 : 204, -1);
            exchange.close();
        });
        receiver.start();
        String origin = "http://127.0.0.1:" + receiver.getAddress().getPort();
        FixtureDatabase database = FixtureDatabases.of(Dialect.POSTGRES);
        database.resetRows();
        jdbc = new JdbcTemplate(database.dataSource());
        FixtureDatabases.forgetOutbox(database);
        app = RunningApp.start(PlainApplication.class, database, "sentro.security.access.default=permit-all",
                "sentro.events.enabled=true", "sentro.events.tables=posts,labels", "sentro.events.outbox.enabled=true",
                "sentro.events.outbox.poll-interval=50ms", "sentro.events.outbox.backoff=50ms",
                "sentro.events.webhooks[0].url=" + origin + "/hook", "sentro.events.webhooks[0].tables=posts",
                "sentro.events.webhooks[0].operations=create", "sentro.events.webhooks[0].secret=" + SECRET,
                "sentro.events.webhooks[1].url=" + origin + "/flaky", "sentro.events.webhooks[1].tables=lab*");
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    @Test
    void webhooksGetSignedEventsOfTheirTablesAndOperationsAgainWhenTheyFail() throws Exception {
        jdbc.update("DELETE FROM sentro_outbox");
        JsonNode post = app.api().post("/api/posts", "{\"author_id\": 1, \"title\": \"hooked\"}").json();
        app.api().patch("/api/posts/" + post.get("id").asLong(), "{\"title\": \"not for the hook\"}");
        app.api().post("/api/labels", "{\"name\": \"flaky label\"}");
        await(() -> jdbc.queryForObject("SELECT COUNT(*) FROM sentro_outbox WHERE delivered_at IS NULL AND dead = 0",
                Long.class) == 0,
                "every event delivered");

        List<Received> hook = received.stream().filter(request -> request.path().equals("/hook")).toList();
        assertThat(hook).hasSize(1); // the create; the update is not an operation it takes
        Received created = hook.get(0);
        JsonNode event = JsonMapper.builder().build().readTree(created.body());
        assertThat(event.get("table").asString()).isEqualTo("posts");
        assertThat(event.get("operation").asString()).isEqualTo("create");
        assertThat(event.at("/after/title").asString()).isEqualTo("hooked");
        assertThat(created.header("Content-Type")).startsWith("application/json");
        assertThat(created.header(WebhookChangeEventTarget.EVENT_ID)).isEqualTo(event.get("id").asString());
        // What a receiver checks: a fresh timestamp, and the signature of "<timestamp>.<body>" with the secret.
        long timestamp = Long.parseLong(created.header(WebhookChangeEventTarget.TIMESTAMP));
        assertThat(Duration.between(Instant.ofEpochSecond(timestamp), Instant.now()).abs()).isLessThan(
                Duration.ofMinutes(1));
        String expected = WebhookChangeEventTarget.sign(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8),
                "HmacSHA256"), timestamp + "." + created.body());
        assertThat(created.header(WebhookChangeEventTarget.SIGNATURE)).isEqualTo("v1=" + expected);
        assertThat(WebhookChangeEventTarget.sign(new SecretKeySpec("another".getBytes(StandardCharsets.UTF_8),
                "HmacSHA256"), timestamp + "." + created.body())).isNotEqualTo(expected);

        // The flaky webhook answered 500 once: the same event came again, unsigned (no secret configured).
        List<Received> flaky = received.stream().filter(request -> request.path().equals("/flaky")).toList();
        assertThat(flaky).hasSize(2);
        assertThat(flaky.get(0).header(WebhookChangeEventTarget.EVENT_ID))
            .isEqualTo(flaky.get(1).header(WebhookChangeEventTarget.EVENT_ID));
        assertThat(flaky.get(1).header(WebhookChangeEventTarget.SIGNATURE)).isEmpty();
        assertThat(flaky.get(1).body()).contains("flaky label");
    }

}
