package io.sentro.spring.it;

import io.sentro.spring.dialect.MySqlDialect;
import io.sentro.spring.dialect.OutboxSql;
import io.sentro.spring.dialect.PostgresDialect;
import io.sentro.spring.dialect.SqlServerDialect;
import io.sentro.spring.events.Outbox;
import io.sentro.spring.it.FixtureDatabases.Dialect;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An outbox table that exists without the claim's indexes (an earlier version's, or a migration's that forgot them)
 * is left as it is, with a warning naming the statements that create them; one Sentro made gets none.
 */
@ExtendWith({ OnDatabase.Condition.class, OutputCaptureExtension.class })
abstract class OutboxIndexesScenarios {

    private OutboxSql sql(String table) {
        return switch (getClass().getAnnotation(OnDatabase.class).value()) {
            case POSTGRES -> new PostgresDialect().outbox(table);
            case MYSQL, MARIADB -> new MySqlDialect().outbox(table);
            case SQL_SERVER -> new SqlServerDialect().outbox(table);
        };
    }

    private Outbox outbox(JdbcTemplate jdbc, String table) {
        return new Outbox(jdbc, sql(table), table);
    }

    @Test
    void aTableWithoutTheClaimsIndexesGetsAWarningNamingThem(CapturedOutput output) {
        Dialect dialect = getClass().getAnnotation(OnDatabase.class).value();
        JdbcTemplate jdbc = new JdbcTemplate(FixtureDatabases.of(dialect).dataSource());
        for (String table : new String[] { "sentro_outbox_old", "sentro_outbox_new" }) {
            jdbc.execute("DROP TABLE IF EXISTS " + table);
        }
        // Only the table, as a migration might have made it.
        jdbc.execute(sql("sentro_outbox_old").create().get(0));
        outbox(jdbc, "sentro_outbox_old").createIfMissing();
        assertThat(output).contains("Sentro's outbox table sentro_outbox_old lacks the indexes its relay reads")
            .contains("CREATE INDEX sentro_outbox_old_pending ON").contains("CREATE INDEX sentro_outbox_old_pending_row ON");

        // Made by Sentro, then met again at the next start: nothing to say.
        outbox(jdbc, "sentro_outbox_new").createIfMissing();
        outbox(jdbc, "sentro_outbox_new").createIfMissing();
        assertThat(output).doesNotContain("sentro_outbox_new lacks");
        for (String table : new String[] { "sentro_outbox_old", "sentro_outbox_new" }) {
            jdbc.execute("DROP TABLE " + table);
        }
    }
}
