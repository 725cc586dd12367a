package io.sentro.spring.it;

import io.sentro.spring.it.FixtureDatabases.Dialect;

/** The access default scenarios on MySql; see {@link FixtureDatabases} for where the database comes from. */
@OnDatabase(Dialect.MYSQL)
class MySqlAccessDefaultsTests extends AccessDefaultsScenarios {
}
