package io.sentro.spring.it;

import io.sentro.spring.it.FixtureDatabases.Dialect;

/** The entity API's write scenarios on SqlServer; see {@link FixtureDatabases} for where the database comes from. */
@OnDatabase(Dialect.SQL_SERVER)
class SqlServerEntityWriteTests extends EntityWriteScenarios {
}
