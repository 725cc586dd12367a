package io.sentro.spring.it;

import io.sentro.spring.it.FixtureDatabases.Dialect;

/** The change stream resumption scenarios on MySql; see {@link FixtureDatabases} for where the database comes from. */
@OnDatabase(Dialect.MYSQL)
class MySqlChangeStreamResumeTests extends ChangeStreamResumeScenarios {
}
