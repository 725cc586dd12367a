package io.sentro.spring.it;

/** The API scenarios on MySQL or MariaDB (SENTRO_TEST_MYSQL_URL); see {@link FixtureDatabases} for where the database comes from. */
class MySqlApiTests extends ApiScenarios {

    @Override
    protected FixtureDatabase database() {
        return FixtureDatabases.mysql();
    }
}
