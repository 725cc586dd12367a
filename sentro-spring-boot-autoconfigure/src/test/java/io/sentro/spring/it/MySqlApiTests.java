package io.sentro.spring.it;

import io.sentro.spring.it.FixtureDatabases.Dialect;

/** The API scenarios on MySQL or MariaDB (SENTRO_TEST_MYSQL_URL); see {@link FixtureDatabases} for where the database comes from. */
@OnDatabase(Dialect.MYSQL)
class MySqlApiTests extends ApiScenarios {
}
