package io.sentro.spring.it;

/** The API scenarios on Postgres; see {@link FixtureDatabases} for where the database comes from. */
class PostgresApiTests extends ApiScenarios {

    @Override
    protected FixtureDatabase database() {
        return FixtureDatabases.postgres();
    }
}
