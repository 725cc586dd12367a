package io.sentro.spring.it;

import io.sentro.spring.it.FixtureDatabases.Dialect;

/** The database fault scenarios on PostgreSQL. */
@OnDatabase(Dialect.POSTGRES)
class PostgresDatabaseOutageTests extends DatabaseOutageScenarios {

    @Override
    protected String sleepingFiveSeconds() {
        return "SELECT 1 AS id FROM (SELECT count(*) AS naps FROM pg_sleep(5)) s";
    }

    @Override
    protected long slowStatementsRunning() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM pg_stat_activity WHERE state = 'active' AND query LIKE "
                + "'%slow_rows%' AND pid <> pg_backend_pid()", Long.class);
    }
}
