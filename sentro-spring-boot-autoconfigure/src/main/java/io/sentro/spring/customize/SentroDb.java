package io.sentro.spring.customize;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Reads and writes rows of served tables from hooks and actions. Table and column names are checked against the
 * served model, values are bound as parameters, {@code where} maps are equality conditions ANDed together. It runs in
 * the request's transaction when there is one (every write operation has one), so a hook that fails after writing
 * here leaves nothing written. It does not run hooks.
 */
public interface SentroDb {

    /** Rows of {@code table} matching every entry of {@code where}, in primary key order. */
    List<Map<String, @Nullable Object>> get(String table, Map<String, ?> where);

    /** The one row matching {@code where}, or null when none does. */
    @Nullable Map<String, @Nullable Object> getSingle(String table, Map<String, ?> where);

    /** Inserts a row and returns it as stored. */
    Map<String, @Nullable Object> insert(String table, Map<String, ?> data);

    /** Updates the rows matching {@code where} (which must not be empty); returns how many. */
    int update(String table, Map<String, ?> data, Map<String, ?> where);

    /** Deletes the rows matching {@code where} (which must not be empty); returns how many. */
    int delete(String table, Map<String, ?> where);

    /** A SQL expression to use as a value in {@link #update} or {@link #insert}: {@code raw("views + 1")}. */
    default SqlExpression raw(String expression) {
        return new SqlExpression(expression);
    }
}
