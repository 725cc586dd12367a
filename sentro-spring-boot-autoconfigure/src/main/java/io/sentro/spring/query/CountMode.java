package io.sentro.spring.query;

/**
 * {@code count=exact|estimated|none}: whether a list response carries the total number of matching rows, and how it
 * is obtained.
 */
public enum CountMode {

    /** {@code SELECT COUNT(*)} with the list's filters: exact, and a scan of every matching row. */
    EXACT,

    /**
     * Exact when the database expects few matching rows (under {@code sentro.page.exact-count-threshold}),
     * otherwise the database's own estimate, flagged in the response.
     */
    ESTIMATED,

    /** No total. */
    NONE
}
