package io.sentro.spring.dialect;

import io.sentro.spring.introspect.MariaDbIntrospector;
import io.sentro.spring.introspect.SchemaIntrospector;

/**
 * MariaDB 10.6+: MySQL's dialect, except that INSERT and DELETE can return the written rows with {@code RETURNING},
 * which saves the second round trip, when MariaDB's own driver is used (MySQL Connector/J refuses it). UPDATE still
 * selects again. JSON columns are recognised by their {@code json_valid} check.
 */
public class MariaDbDialect extends MySqlDialect {

    private final boolean insertReturning;

    /** MariaDB through its own driver, which runs {@code INSERT ... RETURNING}. */
    public MariaDbDialect() {
        this(true);
    }

    /** MariaDB through a driver that may or may not run {@code INSERT ... RETURNING}. */
    public MariaDbDialect(boolean insertReturning) {
        this.insertReturning = insertReturning;
    }

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
        return insertReturning ? ReturningStyle.RETURNING_CLAUSE : ReturningStyle.RESELECT;
    }

    @Override
    public ReturningStyle deleteReturning() {
        return insertReturning(); // DELETE ... RETURNING since MariaDB 10.0, through the same drivers
    }

    /** MariaDB reads the table being changed in a subquery (since 10.3.2). */
    @Override
    public boolean writesSelectRowsThroughDerivedTable() {
        return false;
    }

    /** MariaDB's own driver streams in batches of the fetch size; through Connector/J, as MySQL. */
    @Override
    public int streamingFetchSize() {
        return insertReturning ? 1000 : super.streamingFetchSize();
    }
}
