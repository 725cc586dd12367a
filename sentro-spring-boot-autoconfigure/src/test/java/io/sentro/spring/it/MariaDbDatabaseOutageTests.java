package io.sentro.spring.it;

import io.sentro.spring.it.FixtureDatabases.Dialect;

/** The database fault scenarios on MariaDb. */
@OnDatabase(Dialect.MARIADB)
class MariaDbDatabaseOutageTests extends MySqlFamilyDatabaseOutageScenarios {
}
