package io.sentro.spring.it;

import io.sentro.spring.it.FixtureDatabases.Dialect;

/** The customizer scenarios on SQL Server; see {@link FixtureDatabases} for where the database comes from. */
@OnDatabase(Dialect.SQL_SERVER)
class SqlServerCustomizerTests extends CustomizerScenarios {
}
