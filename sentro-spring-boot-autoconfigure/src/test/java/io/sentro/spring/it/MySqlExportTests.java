package io.sentro.spring.it;

import io.sentro.spring.it.FixtureDatabases.Dialect;

/** The export scenarios on MySql; see {@link FixtureDatabases} for where the database comes from. */
@OnDatabase(Dialect.MYSQL)
class MySqlExportTests extends ExportScenarios {
}
