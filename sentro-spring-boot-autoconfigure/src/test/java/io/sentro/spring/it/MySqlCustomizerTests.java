package io.sentro.spring.it;

import io.sentro.spring.it.FixtureDatabases.Dialect;

/** The customizer scenarios on MySQL or MariaDB; see {@link FixtureDatabases} for where the database comes from. */
@OnDatabase(Dialect.MYSQL)
class MySqlCustomizerTests extends CustomizerScenarios {
}
