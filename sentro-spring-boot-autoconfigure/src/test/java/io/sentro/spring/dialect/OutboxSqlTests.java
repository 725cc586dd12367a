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
        // Only the oldest live event of each row is claimable: order per row.
        assertThat(sqlServer.claim()).contains("o.seq IN (SELECT MIN(e.seq) FROM sentro_outbox e WHERE "
                + "e.delivered_at IS NULL AND e.dead = 0 GROUP BY e.table_name, e.row_key)");
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
        assertThat(new PostgresDialect().outbox("box").create()).hasSize(2).last().asString().contains("WHERE delivered_at IS NULL AND dead = 0");
        assertThat(new MySqlDialect().outbox("box").create()).hasSize(3);
    }
}
