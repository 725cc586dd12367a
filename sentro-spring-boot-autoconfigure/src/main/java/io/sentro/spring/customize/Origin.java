package io.sentro.spring.customize;

/**
 * Which front end a call came in through, for hooks, field writers, actions and access rules that decide per front
 * end ({@link HookContext#origin()}, {@link AccessRequest#origin()}).
 */
public enum Origin {

    /** The REST API: an HTTP request routed by Sentro (the data console calls it too). */
    REST,

    /** The application's own code, through {@code SentroEntities}. */
    ENTITY_API
}
