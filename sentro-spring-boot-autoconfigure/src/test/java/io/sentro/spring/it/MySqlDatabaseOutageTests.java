package io.sentro.spring.it;

import io.sentro.spring.it.FixtureDatabases.Dialect;

/** The database fault scenarios on MySql. */
@OnDatabase(Dialect.MYSQL)
class MySqlDatabaseOutageTests extends MySqlFamilyDatabaseOutageScenarios {
}
