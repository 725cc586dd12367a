package io.sentro.spring.it;

/** The API scenarios on SqlServer; see {@link FixtureDatabases} for where the database comes from. */
class SqlServerApiTests extends ApiScenarios {

    @Override
    protected FixtureDatabase database() {
        return FixtureDatabases.sqlServer();
    }
}
