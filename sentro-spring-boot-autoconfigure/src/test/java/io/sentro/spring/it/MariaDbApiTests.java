package io.sentro.spring.it;

import io.sentro.spring.it.FixtureDatabases.Dialect;

/** The API scenarios on MariaDB through its own driver; see {@link FixtureDatabases}. */
@OnDatabase(Dialect.MARIADB)
class MariaDbApiTests extends ApiScenarios {
}
