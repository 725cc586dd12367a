package io.sentro.spring.it;

/** The database fault scenarios on the MySQL family, whichever driver: a sleeping query and the processlist. */
abstract class MySqlFamilyDatabaseOutageScenarios extends DatabaseOutageScenarios {

    @Override
    protected String sleepingFiveSeconds() {
        return "SELECT 1 AS id FROM (SELECT SLEEP(5) AS naps) s";
    }

    @Override
    protected long slowStatementsRunning() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE INFO LIKE "
                + "'%slow_rows%' AND ID <> CONNECTION_ID()", Long.class);
    }
}
