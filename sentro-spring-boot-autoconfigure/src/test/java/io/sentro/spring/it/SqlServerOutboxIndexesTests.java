package io.sentro.spring.it;

import io.sentro.spring.it.FixtureDatabases.Dialect;

/** The outbox index warning on SqlServer; see {@link FixtureDatabases} for where the database comes from. */
@OnDatabase(Dialect.SQL_SERVER)
class SqlServerOutboxIndexesTests extends OutboxIndexesScenarios {
}
