package io.sentro.spring.it;

import io.sentro.spring.it.FixtureDatabases.Dialect;

/** The access default scenarios on SqlServer; see {@link FixtureDatabases} for where the database comes from. */
@OnDatabase(Dialect.SQL_SERVER)
class SqlServerAccessDefaultsTests extends AccessDefaultsScenarios {
}
