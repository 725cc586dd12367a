package io.sentro.spring.it;

import java.time.Duration;
import java.util.List;

import io.sentro.spring.events.ChangeEvent;
import io.sentro.spring.events.Outbox;
import io.sentro.spring.events.OutboxRelay;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import static io.sentro.spring.it.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The transactional outbox on every database: an event is in the outbox if and only if its write committed; the
 * relay delivers it at least once, in order per row, retries a failing target with backoff and gives an event up
 * (dead, in health) after the configured attempts; events written while no relay runs are delivered, once, when one
 * starts; two relays never deliver the same event.
 */
abstract class OutboxScenarios extends DatabaseScenarios {

    @Override
    protected Class<?> application() {
        return OutboxApplication.class;
    }

    @Override
    protected String[] properties() {
        return new String[] { "sentro.security.access.default=permit-all", "sentro.events.enabled=true",
                "sentro.events.tables=posts", "sentro.events.outbox.enabled=true",
                "sentro.events.outbox.poll-interval=50ms", "sentro.events.outbox.backoff=50ms",
                "sentro.events.outbox.max-attempts=3", "management.endpoints.web.exposure.include=health",
                "management.endpoint.health.show-details=always" };
    }

    @BeforeEach
    void emptyOutbox() {
        jdbc.update("DELETE FROM sentro_outbox");
        OutboxApplication.DELIVERED.clear();
        OutboxApplication.TRIES.clear();
        OutboxApplication.COMMITTED.clear();
        relay().start();
    }

    private OutboxRelay relay() {
        return app.context().getBean(OutboxRelay.class);
    }

    private static List<ChangeEvent> delivered() {
        synchronized (OutboxApplication.DELIVERED) {
            return List.copyOf(OutboxApplication.DELIVERED);
        }
    }

    @Test
    void anEventIsInTheOutboxExactlyWhenItsWriteCommitted() throws Exception {
        relay().stop();
        JsonNode post = api.post("/api/posts", "{\"author_id\": 1, \"title\": \"outboxed\"}").json();
        // Refused by the database after the first row was written: the whole request, and its event, rolled back.
        assertThat(api.post("/api/posts", "[{\"author_id\": 1, \"title\": \"gone\"}, {\"author_id\": 999, "
                + "\"title\": \"no such author\"}]").status()).isEqualTo(409);
        assertThat(jdbc.queryForList("SELECT table_name, operation FROM sentro_outbox")).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT payload FROM sentro_outbox", String.class)).contains("outboxed")
            .contains("\"operation\":\"create\"");
        // Nothing is served from the outbox table.
        assertThat(api.get("/api/sentro_outbox").status()).isEqualTo(404);

        relay().start();
        await(() -> delivered().size() == 1, "the event delivered");
        assertThat(delivered().get(0).key().values()).extracting(value -> ((Number) value).longValue())
            .containsExactly(post.get("id").asLong());
        await(() -> jdbc.queryForObject("SELECT COUNT(*) FROM sentro_outbox WHERE delivered_at IS NOT NULL",
                Long.class) == 1, "the event marked delivered");
        Thread.sleep(300);
        assertThat(delivered()).hasSize(1);
    }

    @Test
    void eventsOfOneRowArriveInOrderEvenWhenADeliveryFails() throws Exception {
        JsonNode post = api.post("/api/posts", "{\"author_id\": 1, \"title\": \"flaky first\"}").json();
        long id = post.get("id").asLong();
        api.patch("/api/posts/" + id, "{\"title\": \"second\"}");
        api.patch("/api/posts/" + id, "{\"title\": \"third\"}");
        await(() -> delivered().size() == 3, "three events delivered");
        // The create failed once and was delivered again before the updates, which waited for it.
        assertThat(delivered()).extracting(event -> event.after().get("title")).containsExactly("flaky first",
                "second", "third");
        assertThat(OutboxApplication.TRIES.values()).contains(2);
    }

    @Test
    void aPoisonEventDiesAfterItsAttemptsAndShowsInHealth() throws Exception {
        api.post("/api/posts", "{\"author_id\": 1, \"title\": \"poison\"}");
        api.post("/api/posts", "{\"author_id\": 2, \"title\": \"healthy\"}");
        await(() -> jdbc.queryForObject("SELECT COUNT(*) FROM sentro_outbox WHERE dead = 1", Long.class) == 1,
                "the poison event dead");
        await(() -> delivered().size() == 1, "the other event delivered");
        assertThat(jdbc.queryForObject("SELECT attempts FROM sentro_outbox WHERE dead = 1", Integer.class)).isEqualTo(3);
        assertThat(jdbc.queryForObject("SELECT last_error FROM sentro_outbox WHERE dead = 1", String.class))
            .contains("the target refuses poison");
        JsonNode health = api.get("/actuator/health").json().at("/components/sentro");
        assertThat(health.get("status").asString()).isEqualTo("UP");
        assertThat(health.at("/details/outbox/dead").asInt()).isEqualTo(1);
    }

    /**
     * The event of a transaction's last write: where the driver can (PostgreSQL's), its insert carries the COMMIT, so
     * that another connection sees it before the transaction manager's own commit, which then only publishes. With
     * another synchronization in the transaction (whose before-commit work must come first), or elsewhere, the event
     * waits for that commit.
     */
    @Test
    void theLastEventOfAWritesOwnTransactionCommitsItWhereTheDriverCan() {
        relay().stop();
        io.sentro.spring.reload.ApiGeneration generation = app.context()
            .getBean(io.sentro.spring.reload.ApiGenerations.class).current();
        io.sentro.spring.schema.Table posts = generation.model().table("posts").orElseThrow();
        io.sentro.spring.events.ChangeEvents events = generation.component(io.sentro.spring.events.ChangeEvents.class);
        boolean committing = app.context().getBean(io.sentro.spring.dialect.SqlDialect.class).outbox("sentro_outbox")
            .committingInsert() != null;
        org.springframework.transaction.support.TransactionTemplate transactions =
                new org.springframework.transaction.support.TransactionTemplate(new DataSourceTransactionManager(
                        app.context().getBean(javax.sql.DataSource.class)));
        String seen = "SELECT COUNT(*) FROM sentro_outbox WHERE payload LIKE ?";

        Long beforeItsCommit = transactions.execute(status -> {
            events.recordEnding(posts, "create", null, java.util.Map.of("id", 900001, "title", "the end"), null);
            return jdbc.queryForObject(seen, Long.class, "%the end%");
        });
        assertThat(beforeItsCommit).isEqualTo(committing ? 1L : 0L);
        assertThat(jdbc.queryForObject(seen, Long.class, "%the end%")).isEqualTo(1L);
        assertThat(OutboxApplication.COMMITTED).extracting(event -> event.after().get("title"))
            .containsExactly("the end");

        Long withAnotherSynchronization = transactions.execute(status -> {
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                    });
            events.recordEnding(posts, "create", null, java.util.Map.of("id", 900002, "title", "not alone"), null);
            return jdbc.queryForObject(seen, Long.class, "%not alone%");
        });
        assertThat(withAnotherSynchronization).isZero();
        assertThat(jdbc.queryForObject(seen, Long.class, "%not alone%")).isEqualTo(1L);

        assertThat(OutboxApplication.COMMITTED).extracting(event -> event.after().get("title"))
            .containsExactly("the end", "not alone");
    }

    @Test
    void twoRelaysNeverDeliverTheSameEventAndKeepEachRowsOrder() throws Exception {
        relay().stop();
        // 40 events: 10 posts created, then each updated three times, rows interleaved.
        List<Long> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ids.add(api.post("/api/posts", "{\"author_id\": 1, \"title\": \"many " + i + "\"}").json().get("id")
                .asLong());
        }
        for (int round = 1; round <= 3; round++) {
            for (long id : ids) {
                api.patch("/api/posts/" + id, "{\"views\": " + round + "}");
            }
        }
        // A second relay, as another instance would run it: its own connections, its outbox and its transactions
        // on the same DataSource. It claims the three oldest events (the first three posts' creates) and holds them,
        // its first delivery waiting, while this application's relay runs.
        javax.sql.DataSource own = database.dataSource();
        Outbox outbox = new Outbox(new org.springframework.jdbc.core.JdbcTemplate(own),
                app.context().getBean(io.sentro.spring.dialect.SqlDialect.class).outbox("sentro_outbox"),
                "sentro_outbox");
        java.util.concurrent.CountDownLatch holding = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        List<String> byOther = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        OutboxRelay other = new OutboxRelay(outbox, new DataSourceTransactionManager(own), () -> List.of(event -> {
            holding.countDown();
            release.await(20, java.util.concurrent.TimeUnit.SECONDS);
            byOther.add(event.id());
            OutboxApplication.DELIVERED.add(event);
        }), Duration.ofMillis(10), 3, 3, Duration.ofMillis(50), Duration.ofDays(1));
        other.start();
        try {
            assertThat(holding.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            relay().start();
            // The other seven posts' 28 events; none of the held posts', whose later events wait for the held ones.
            await(() -> delivered().size() == 28, "the events of the posts not held delivered");
            Thread.sleep(200);
            assertThat(delivered()).hasSize(28).noneMatch(event -> ids.subList(0, 3).contains(
                    ((Number) event.key().get("id")).longValue()));
            release.countDown();
            await(() -> jdbc.queryForObject("SELECT COUNT(*) FROM sentro_outbox WHERE delivered_at IS NULL",
                    Long.class) == 0, "every event delivered");
        }
        finally {
            release.countDown();
            other.stop();
        }
        assertThat(delivered()).hasSize(40).extracting(ChangeEvent::id).doesNotHaveDuplicates();
        assertThat(byOther).hasSizeGreaterThanOrEqualTo(3);
        // Each row's events arrived in the order they were written, whichever relay delivered them.
        for (long id : ids) {
            assertThat(delivered().stream().filter(event -> ((Number) event.key().get("id")).longValue() == id)
                .map(event -> event.operation() + ":" + event.after().get("views")))
                .as("the events of post %d", id).containsExactly("create:0", "update:1", "update:2", "update:3");
        }
    }

}
