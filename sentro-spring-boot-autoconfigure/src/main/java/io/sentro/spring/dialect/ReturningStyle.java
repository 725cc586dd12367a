package io.sentro.spring.dialect;

/**
 * How a database hands back the rows a statement wrote.
 */
public enum ReturningStyle {
    /** {@code ... RETURNING a, b} at the end of the statement (PostgreSQL; MariaDB for INSERT). */
    RETURNING_CLAUSE,
    /** {@code OUTPUT INSERTED.a, INSERTED.b} before {@code VALUES} or {@code WHERE} (SQL Server). */
    OUTPUT_CLAUSE,
    /** Nothing: the row is selected again by its key in the same transaction (MySQL). */
    RESELECT
}
