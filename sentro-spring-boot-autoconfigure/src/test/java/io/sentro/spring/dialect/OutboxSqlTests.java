package io.sentro.spring.dialect;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The outbox's statements in each dialect: SQL Server's are checked here, as no SQL Server runs on this machine. */
class OutboxSqlTests {

    @Test
    void relaysSkipEachOthersRowsInEveryDialect() {
        OutboxSql postgres = new PostgresDialect().outbox("sentro_outbox");
        assertThat(postgres.claim()).startsWith("SELECT o.seq, o.payload, o.attempts FROM sentro_outbox o WHERE")
            .endsWith("ORDER BY o.seq LIMIT ? FOR UPDATE SKIP LOCKED");
        assertThat(new MariaDbDialect().outbox("sentro_outbox").claim()).endsWith("LIMIT ? FOR UPDATE SKIP LOCKED");
        OutboxSql sqlServer = new SqlServerDialect().outbox("sentro_outbox");
        assertThat(sqlServer.claim()).startsWith("SELECT TOP (?) o.seq, o.payload, o.attempts FROM sentro_outbox o "
                + "WITH (UPDLOCK, READPAST, ROWLOCK) WHERE").endsWith("ORDER BY o.seq");
        // One statement marks a round's events delivered.
        assertThat(postgres.delivered(3)).isEqualTo(
                "UPDATE sentro_outbox SET delivered_at = CURRENT_TIMESTAMP WHERE seq IN (?, ?, ?)");
        assertThat(postgres.delivered(1)).endsWith("WHERE seq IN (?)");
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> postgres.delivered(0));
        // Only PostgreSQL's driver sends an insert and the COMMIT after it in one round trip, and then skips its own.
        assertThat(postgres.committingInsert()).isEqualTo(new OutboxSql.CommittingInsert("INSERT INTO sentro_outbox "
                + "(id, table_name, row_key, operation, payload) VALUES (?, ?, ?, ?, ?) RETURNING seq; COMMIT",
                "PostgreSQL JDBC Driver"));
        assertThat(new MariaDbDialect().outbox("sentro_outbox").committingInsert()).isNull();
        assertThat(sqlServer.committingInsert()).isNull();
        // Only InnoDB, whose default is repeatable read, has the relay ask for read committed.
        assertThat(new MySqlDialect().outbox("sentro_outbox").readCommitted()).isTrue();
        assertThat(postgres.readCommitted()).isFalse();
        assertThat(sqlServer.readCommitted()).isFalse();
        // Only the oldest live event of each row is claimable: order per row. The claim reads the pending events in
        // order and stops at its limit, whatever the backlog (no grouping of all pending events).
        for (OutboxSql sql : java.util.List.of(postgres, sqlServer, new MySqlDialect().outbox("sentro_outbox"))) {
            assertThat(sql.claim()).contains("WHERE o.delivered_at IS NULL AND o.dead = 0 AND o.next_attempt_at <= ")
                .contains("AND o.seq = (SELECT MIN(e.seq) FROM sentro_outbox e WHERE e.table_name = o.table_name "
                        + "AND e.row_key = o.row_key AND e.delivered_at IS NULL AND e.dead = 0)")
                .doesNotContain("GROUP BY");
        }
    }

    @Test
    void theTableHasTheSameColumnsWithEachDialectsTypes() {
        assertThat(new PostgresDialect().outbox("box").create().get(0)).startsWith("CREATE TABLE box (seq BIGSERIAL")
            .contains("payload TEXT").contains("TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP");
        assertThat(new MySqlDialect().outbox("box").create().get(0)).contains("seq BIGINT AUTO_INCREMENT")
            .contains("payload LONGTEXT").contains("DATETIME(6)");
        assertThat(new SqlServerDialect().outbox("box").create().get(0)).contains("seq BIGINT IDENTITY")
            .contains("payload NVARCHAR(MAX)").contains("DATETIME2 NOT NULL DEFAULT SYSUTCDATETIME()");
        assertThat(new SqlServerDialect().outbox("box").retry()).contains("DATEADD(millisecond, ?, SYSUTCDATETIME())");
        // Where the dialect has partial indexes, they hold the pending events only.
        assertThat(new PostgresDialect().outbox("box").create()).hasSize(3).allSatisfy(statement -> assertThat(
                statement).satisfiesAnyOf(create -> assertThat(create).startsWith("CREATE TABLE"),
                        create -> assertThat(create).endsWith("WHERE delivered_at IS NULL AND dead = 0")));
        assertThat(new SqlServerDialect().outbox("box").create()).contains(
                "CREATE INDEX box_pending ON box (seq) WHERE delivered_at IS NULL AND dead = 0");
        assertThat(new MySqlDialect().outbox("box").create()).contains(
                "CREATE INDEX box_pending ON box (delivered_at, dead, seq)",
                "CREATE INDEX box_pending_row ON box (table_name, row_key, delivered_at, dead, seq)");
    }
}
