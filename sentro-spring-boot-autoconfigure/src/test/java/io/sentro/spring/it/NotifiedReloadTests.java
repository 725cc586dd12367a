package io.sentro.spring.it;

import java.util.List;

import io.sentro.spring.it.FixtureDatabases.Dialect;
import io.sentro.spring.reload.ApiGenerations;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.jdbc.core.JdbcTemplate;

import static io.sentro.spring.it.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reloads without an operator, on PostgreSQL: two instances listening on the channel both serve a new table after
 * one {@code NOTIFY sentro, 'reload'}, a burst of notifications makes one reload per instance, other payloads make
 * none; and an instance on {@code sentro.schema.reload-interval} finds the change on its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OnDatabase.Condition.class)
@OnDatabase(Dialect.POSTGRES)
class NotifiedReloadTests {

    private JdbcTemplate jdbc;
    private List<RunningApp> listening;
    private RunningApp scheduled;

    @BeforeAll
    void start() {
        FixtureDatabase database = FixtureDatabases.of(Dialect.POSTGRES);
        database.resetRows();
        jdbc = new JdbcTemplate(database.dataSource());
        jdbc.execute("DROP TABLE IF EXISTS notified_things");
        jdbc.execute("DROP TABLE IF EXISTS scheduled_things");
        String[] notify = { "sentro.security.access.default=permit-all", "sentro.schema.reload-on-notify=true",
                "sentro.schema.reload-debounce=300ms" };
        listening = List.of(RunningApp.start(PlainApplication.class, database, notify),
                RunningApp.start(PlainApplication.class, database, notify));
        scheduled = RunningApp.start(PlainApplication.class, database, "sentro.security.access.default=permit-all",
                "sentro.schema.reload-interval=300ms");
    }

    @AfterAll
    void stop() {
        if (listening != null) {
            listening.forEach(RunningApp::close);
        }
        if (scheduled != null) {
            scheduled.close();
        }
        jdbc.execute("DROP TABLE IF EXISTS notified_things");
        jdbc.execute("DROP TABLE IF EXISTS scheduled_things");
    }

    private static long generation(RunningApp app) {
        return app.context().getBean(ApiGenerations.class).current().number();
    }

    @Test
    void bothInstancesListeningReloadOnceForABurstOfNotifications() throws Exception {
        long[] before = listening.stream().mapToLong(NotifiedReloadTests::generation).toArray();
        awaitListening();
        jdbc.execute("CREATE TABLE notified_things (id INT PRIMARY KEY, name TEXT)");
        jdbc.update("INSERT INTO notified_things VALUES (1, 'one')");
        // A migration's statements, each notifying: one reload per instance once the channel is quiet.
        for (int i = 0; i < 5; i++) {
            jdbc.execute("NOTIFY sentro, 'reload'");
        }
        for (RunningApp app : listening) {
            await(() -> app.api().get("/api/notified_things").status() == 200, "the new table served");
            assertThat(app.api().get("/api/notified_things/1").json().get("name").asString()).isEqualTo("one");
        }
        Thread.sleep(1_000);
        for (int i = 0; i < listening.size(); i++) {
            assertThat(generation(listening.get(i))).isEqualTo(before[i] + 1);
        }

        // Another payload is not a reload; a bare NOTIFY is.
        jdbc.execute("DROP TABLE notified_things");
        jdbc.execute("NOTIFY sentro, 'something else'");
        Thread.sleep(1_000);
        assertThat(generation(listening.get(0))).isEqualTo(before[0] + 1);
        jdbc.execute("NOTIFY sentro");
        for (RunningApp app : listening) {
            await(() -> app.api().get("/api/notified_things").status() == 404, "the dropped table no longer served");
        }
    }

    @Test
    void anInstanceOnAScheduleFindsTheChangeItself() throws Exception {
        long before = generation(scheduled);
        jdbc.execute("CREATE TABLE scheduled_things (id INT PRIMARY KEY)");
        await(() -> scheduled.api().get("/api/scheduled_things").status() == 200, "the new table served");
        Thread.sleep(1_000);
        // Unchanged schemas swap nothing: one reload for one change.
        assertThat(generation(scheduled)).isEqualTo(before + 1);
    }

    /** Until both listeners hold their connection: a NOTIFY sent before would reach nobody. */
    private void awaitListening() throws InterruptedException {
        await(() -> jdbc.queryForObject("SELECT COUNT(*) FROM pg_stat_activity WHERE query = 'LISTEN sentro'",
                Integer.class) >= 2, "both instances listening");
    }

}
