package io.sentro.spring.it;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.sentro.spring.events.ChangeEvent;
import io.sentro.spring.events.Outbox;
import io.sentro.spring.it.FixtureDatabases.Dialect;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The outbox scenarios on Postgres; see {@link FixtureDatabases} for where the database comes from. */
@OnDatabase(Dialect.POSTGRES)
class PostgresOutboxTests extends OutboxScenarios {

    /**
     * An insert that carries its transaction's COMMIT, refused at that COMMIT (a deferred foreign key): the insert
     * fails, and neither the write before it nor the event is kept. The connection goes on serving.
     */
    @Test
    void aCommitRefusedByADeferredConstraintFailsTheEventsInsertAndKeepsNothing() {
        jdbc.execute("DROP TABLE IF EXISTS deferred_child");
        jdbc.execute("DROP TABLE IF EXISTS deferred_parent");
        jdbc.execute("CREATE TABLE deferred_parent (id INT PRIMARY KEY)");
        jdbc.execute("CREATE TABLE deferred_child (id INT PRIMARY KEY, parent_id INT REFERENCES deferred_parent (id) "
                + "DEFERRABLE INITIALLY DEFERRED)");
        javax.sql.DataSource dataSource = app.context().getBean(javax.sql.DataSource.class);
        JdbcTemplate inTransaction = new JdbcTemplate(dataSource);
        Outbox outbox = app.context().getBean(Outbox.class);
        TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        ChangeEvent orphan = new ChangeEvent(UUID.randomUUID().toString(), "deferred_child", "create", Map.of("id", 1),
                null, Map.of("id", 1, "parent_id", 99), null, Instant.now(), UUID.randomUUID().toString());
        try {
            assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
                inTransaction.update("INSERT INTO deferred_child (id, parent_id) VALUES (1, 99)");
                outbox.insertCommitting(orphan);
            })).isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("deferred_child");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM deferred_child", Long.class)).isZero();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sentro_outbox WHERE id = ?", Long.class, orphan.id()))
                .isZero();

            ChangeEvent kept = new ChangeEvent(UUID.randomUUID().toString(), "deferred_child", "create",
                    Map.of("id", 2), null, Map.of("id", 2, "parent_id", 7), null, Instant.now(),
                    UUID.randomUUID().toString());
            transactions.executeWithoutResult(status -> {
                inTransaction.update("INSERT INTO deferred_parent (id) VALUES (7)");
                inTransaction.update("INSERT INTO deferred_child (id, parent_id) VALUES (2, 7)");
                outbox.insertCommitting(kept);
            });
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM deferred_child", Long.class)).isEqualTo(1L);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sentro_outbox WHERE id = ?", Long.class, kept.id()))
                .isEqualTo(1L);
        }
        finally {
            jdbc.execute("DROP TABLE deferred_child");
            jdbc.execute("DROP TABLE deferred_parent");
        }
    }
}
