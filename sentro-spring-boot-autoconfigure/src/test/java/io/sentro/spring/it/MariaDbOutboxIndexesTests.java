package io.sentro.spring.it;

import io.sentro.spring.it.FixtureDatabases.Dialect;

/** The outbox index warning on MariaDb; see {@link FixtureDatabases} for where the database comes from. */
@OnDatabase(Dialect.MARIADB)
class MariaDbOutboxIndexesTests extends OutboxIndexesScenarios {
}
