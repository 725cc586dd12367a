package io.sentro.spring.it;

import io.sentro.spring.it.FixtureDatabases.Dialect;

/** The export memory scenario on MySql; see {@link FixtureDatabases} for where the database comes from. */
@OnDatabase(Dialect.MYSQL)
class MySqlExportMemoryTests extends ExportMemoryScenarios {
}
