package io.sentro.spring.introspect;

import io.sentro.spring.schema.SchemaModel;

/**
 * Where the served model comes from: read from the database at start-up and again at each schema reload. Sentro's
 * reads the database's catalog with the dialect's {@link SchemaIntrospector}; an application can declare its own
 * bean to adjust the model before it is served.
 */
@FunctionalInterface
public interface SchemaSource {

    /** Reads the model now; it throws when the database cannot be read, and then nothing changes. */
    SchemaModel load();
}
