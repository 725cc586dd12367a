package io.sentro.spring.it;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.jdbc.core.JdbcTemplate;

import static io.sentro.spring.it.ApiScenarios.assertProblem;
import static io.sentro.spring.it.ApiScenarios.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * How lists count, on every database: {@code count=estimated} (the default) counts exactly when the database
 * expects few rows and otherwise answers with the database's estimate, flagged {@code totalIsEstimate}; {@code
 * count=exact} always counts. The threshold is lowered to 40 so that a table of 500 rows is "large"; its
 * statistics are gathered before the application starts, as a database in production has them.
 */
abstract class CountScenarios extends DatabaseScenarios {

    private static final int ROWS = 500;
    private static final int RARE = 5;

    @Override
    protected Class<?> application() {
        return PlainApplication.class;
    }

    @Override
    protected String[] properties() {
        return new String[] { "sentro.security.access.default=permit-all", "sentro.page.exact-count-threshold=40" };
    }

    @BeforeAll
    @Override
    void start() {
        FixtureDatabase database = database();
        JdbcTemplate jdbc = new JdbcTemplate(database.dataSource());
        dropSamples(jdbc);
        jdbc.execute("CREATE TABLE count_samples (id INT NOT NULL PRIMARY KEY, grp VARCHAR(10) NOT NULL)");
        jdbc.execute("CREATE INDEX count_samples_grp ON count_samples (grp)");
        // One statement: row by row in auto-commit is a disk flush per row on some databases.
        StringBuilder insert = new StringBuilder("INSERT INTO count_samples (id, grp) VALUES ");
        List<Object> values = new ArrayList<>();
        for (int id = 1; id <= ROWS; id++) {
            insert.append(id == 1 ? "(?, ?)" : ", (?, ?)");
            values.add(id);
            values.add(id % (ROWS / RARE) == 0 ? "rare" : "common");
        }
        jdbc.update(insert.toString(), values.toArray());
        jdbc.execute(switch (database.dialect()) {
            case "PostgreSQL" -> "ANALYZE count_samples";
            case "SQL Server" -> "UPDATE STATISTICS count_samples";
            default -> "ANALYZE TABLE count_samples";
        });
        super.start();
    }

    @AfterAll
    void dropSamples() {
        dropSamples(jdbc);
    }

    private static void dropSamples(JdbcTemplate jdbc) {
        jdbc.execute("DROP TABLE IF EXISTS count_samples");
    }

    @Test
    void aLargeResultIsEstimatedByDefaultAndFlagged() {
        JsonNode page = ok(api.get("/api/count_samples?limit=10"));
        assertThat(page.get("rows").size()).isEqualTo(10);
        assertThat(page.get("totalIsEstimate").asBoolean()).isTrue();
        // Statistics are estimates, but on 500 freshly analysed rows every database is close.
        assertThat(page.get("total").asLong()).isBetween(40L, (long) ROWS * 3);
    }

    @Test
    void aLargeFilteredResultIsEstimatedWhereTheDatabaseCanEstimateIt() {
        JsonNode page = ok(api.get("/api/count_samples?where.grp.eq=common&limit=10"));
        if (database.isSqlServer()) {
            // No statement-level estimate without SHOWPLAN: a filtered list is counted.
            assertThat(page.get("totalIsEstimate").asBoolean()).isFalse();
            assertThat(page.get("total").asLong()).isEqualTo(ROWS - RARE);
        }
        else {
            assertThat(page.get("totalIsEstimate").asBoolean()).isTrue();
            assertThat(page.get("total").asLong()).isBetween(40L, (long) ROWS * 3);
        }
    }

    @Test
    void aSmallResultIsCountedExactly() {
        JsonNode page = ok(api.get("/api/count_samples?where.grp.eq=rare&limit=2"));
        assertThat(page.get("rows").size()).isEqualTo(2);
        assertThat(page.get("total").asLong()).isEqualTo(RARE);
        assertThat(page.get("totalIsEstimate").asBoolean()).isFalse();
    }

    @Test
    void aSmallResultPastTheEndIsStillCounted() {
        JsonNode page = ok(api.get("/api/count_samples?where.grp.eq=rare&limit=2&offset=10"));
        assertThat(page.get("rows").size()).isZero();
        assertThat(page.get("total").asLong()).isEqualTo(RARE);
        assertThat(page.get("totalIsEstimate").asBoolean()).isFalse();
    }

    @Test
    void aPageWithItsTotalIsOneStatementOnceTheEstimateIsKnown() {
        ok(api.get("/api/count_samples?limit=10&offset=1"));
        int statements = ConnectionLog.STATEMENTS.get();
        JsonNode large = ok(api.get("/api/count_samples?limit=10&offset=1"));
        assertThat(large.get("totalIsEstimate").asBoolean()).isTrue();
        assertThat(ConnectionLog.STATEMENTS.get() - statements).as("the estimate is reused").isEqualTo(1);
        ok(api.get("/api/count_samples?where.grp.eq=rare&limit=2&offset=1"));
        statements = ConnectionLog.STATEMENTS.get();
        JsonNode small = ok(api.get("/api/count_samples?where.grp.eq=rare&limit=2&offset=1"));
        assertThat(small.get("total").asLong()).isEqualTo(RARE);
        assertThat(ConnectionLog.STATEMENTS.get() - statements).as("rows and total in one statement").isEqualTo(1);
    }

    @Test
    void exactOnRequestCountsEveryRow() {
        JsonNode page = ok(api.get("/api/count_samples?limit=10&count=exact"));
        assertThat(page.get("total").asLong()).isEqualTo(ROWS);
        assertThat(page.get("totalIsEstimate").asBoolean()).isFalse();
        JsonNode filtered = ok(api.get("/api/count_samples?where.grp.eq=common&limit=10&count=exact"));
        assertThat(filtered.get("total").asLong()).isEqualTo(ROWS - RARE);
        assertThat(filtered.get("totalIsEstimate").asBoolean()).isFalse();
    }

    @Test
    void estimatedOnRequestIsTheDefaultsBehaviour() {
        JsonNode page = ok(api.get("/api/count_samples?limit=10&count=estimated"));
        assertThat(page.get("totalIsEstimate").asBoolean()).isTrue();
    }

    @Test
    void aPageThatShowsTheTotalGivesItExactly() {
        JsonNode page = ok(api.get("/api/count_samples?limit=" + (ROWS + 1) + "&offset=" + (ROWS - 3)));
        assertThat(page.get("rows").size()).isEqualTo(3);
        assertThat(page.get("total").asLong()).isEqualTo(ROWS);
        assertThat(page.get("totalIsEstimate").asBoolean()).isFalse();
    }

    @Test
    void anEstimateIsNeverBelowTheRowsThePageShowed() {
        JsonNode page = ok(api.get("/api/count_samples?limit=20&offset=" + (ROWS * 5)));
        assertThat(page.get("rows").size()).isZero();
        JsonNode deep = ok(api.get("/api/count_samples?where.grp.eq=common&limit=1&offset=" + (ROWS - RARE - 1)));
        assertThat(deep.get("rows").size()).isEqualTo(1);
        assertThat(deep.get("total").asLong()).isGreaterThanOrEqualTo(ROWS - RARE);
    }

    @Test
    void noneCountsNothing() {
        JsonNode page = ok(api.get("/api/count_samples?limit=10&count=none"));
        assertThat(page.get("total").isNull()).isTrue();
        assertThat(page.get("totalIsEstimate").asBoolean()).isFalse();
    }

    @Test
    void anUnknownModeIsRefusedNamingTheParameter() {
        assertProblem(api.get("/api/count_samples?count=planned"), 400, "count");
        JsonNode problem = api.get("/api/count_samples?count=EXACT").json();
        assertThat(problem.get("parameter").asString()).isEqualTo("count");
        assertThat(problem.get("detail").asString()).contains("'exact', 'estimated' or 'none'");
    }
}
