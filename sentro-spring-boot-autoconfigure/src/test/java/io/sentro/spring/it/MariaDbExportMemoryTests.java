package io.sentro.spring.it;

import io.sentro.spring.it.FixtureDatabases.Dialect;

/** The export memory scenario on MariaDb; see {@link FixtureDatabases} for where the database comes from. */
@OnDatabase(Dialect.MARIADB)
class MariaDbExportMemoryTests extends ExportMemoryScenarios {
}
