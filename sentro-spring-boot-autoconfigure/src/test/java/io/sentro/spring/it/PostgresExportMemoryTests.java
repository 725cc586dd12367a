package io.sentro.spring.it;

import io.sentro.spring.it.FixtureDatabases.Dialect;

/** The export memory scenario on Postgres; see {@link FixtureDatabases} for where the database comes from. */
@OnDatabase(Dialect.POSTGRES)
class PostgresExportMemoryTests extends ExportMemoryScenarios {
}
