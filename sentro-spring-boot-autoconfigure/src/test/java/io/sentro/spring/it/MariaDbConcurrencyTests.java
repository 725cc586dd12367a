package io.sentro.spring.it;

import io.sentro.spring.it.FixtureDatabases.Dialect;

/** The concurrency scenarios on MariaDb; see {@link FixtureDatabases} for where the database comes from. */
@OnDatabase(Dialect.MARIADB)
class MariaDbConcurrencyTests extends ConcurrencyScenarios {
}
