package io.sentro.spring.it;

import io.sentro.spring.it.FixtureDatabases.Dialect;

/** The outbox index warning on Postgres; see {@link FixtureDatabases} for where the database comes from. */
@OnDatabase(Dialect.POSTGRES)
class PostgresOutboxIndexesTests extends OutboxIndexesScenarios {
}
