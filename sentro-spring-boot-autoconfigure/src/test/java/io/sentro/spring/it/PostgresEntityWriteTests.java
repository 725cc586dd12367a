package io.sentro.spring.it;

import io.sentro.spring.it.FixtureDatabases.Dialect;

/** The entity API's write scenarios on Postgres; see {@link FixtureDatabases} for where the database comes from. */
@OnDatabase(Dialect.POSTGRES)
class PostgresEntityWriteTests extends EntityWriteScenarios {
}
