package io.sentro.spring.it;

import io.sentro.spring.it.FixtureDatabases.Dialect;

/** The access-control scenarios on MariaDb; see {@link FixtureDatabases} for where the database comes from. */
@OnDatabase(Dialect.MARIADB)
class MariaDbAccessTests extends AccessScenarios {
}
