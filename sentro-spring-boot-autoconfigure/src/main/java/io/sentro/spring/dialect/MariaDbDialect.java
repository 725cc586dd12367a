package io.sentro.spring.dialect;

import io.sentro.spring.introspect.MariaDbIntrospector;
import io.sentro.spring.introspect.SchemaIntrospector;

/**
 * MariaDB 10.6+: MySQL's dialect, except that INSERT can return the written row with {@code RETURNING}, which
 * saves the second round trip. UPDATE still selects again.
 */
public class MariaDbDialect extends MySqlDialect {

    private final SchemaIntrospector introspector = new MariaDbIntrospector();

    @Override
    public SchemaIntrospector introspector() {
        return introspector;
    }

    @Override
    public String name() {
        return "MariaDB";
    }

    @Override
    public ReturningStyle insertReturning() {
        return ReturningStyle.RETURNING_CLAUSE;
    }
}
