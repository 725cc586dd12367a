package io.sentro.spring.it;

import io.sentro.spring.it.FixtureDatabases.Dialect;

/** The outbox index warning on MySql; see {@link FixtureDatabases} for where the database comes from. */
@OnDatabase(Dialect.MYSQL)
class MySqlOutboxIndexesTests extends OutboxIndexesScenarios {
}
