package io.sentro.spring.dialect;

import java.sql.ResultSet;
import java.sql.SQLException;

import org.jspecify.annotations.Nullable;

/**
 * Reads one column of the current row into the Java value Sentro writes to JSON. One reader is chosen per column
 * when a statement's shape is built, so nothing is decided per row.
 */
@FunctionalInterface
public interface ValueReader {

    @Nullable Object read(ResultSet resultSet, int index) throws SQLException;
}
