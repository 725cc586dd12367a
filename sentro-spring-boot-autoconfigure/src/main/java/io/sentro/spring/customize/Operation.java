package io.sentro.spring.customize;

/**
 * The operations hooks attach to. {@code READ} covers both a list and a get by key.
 */
public enum Operation {
    CREATE, READ, UPDATE, DELETE
}
