package io.sentro.spring.dialect;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A statement that asks the database how many rows it expects a SELECT to return, without running the SELECT (the
 * planner's estimate), and how to read the answer.
 *
 * @param sql the statement, e.g. {@code EXPLAIN SELECT ...}
 * @param parameters its bound parameters
 * @param reader reads the estimate from the statement's result
 */
public record RowEstimate(String sql, List<Object> parameters, Reader reader) {

    public RowEstimate {
        parameters = List.copyOf(parameters);
    }

    /** Reads the estimate from the whole result of the statement; null when the database gave none. */
    @FunctionalInterface
    public interface Reader {
        @Nullable Long read(ResultSet result) throws SQLException;
    }
}
