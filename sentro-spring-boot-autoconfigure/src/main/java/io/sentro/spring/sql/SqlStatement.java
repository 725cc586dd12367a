package io.sentro.spring.sql;

import java.util.List;

import io.sentro.spring.schema.Column;

/**
 * A statement ready for JDBC: SQL with {@code ?} placeholders, the values to bind in order (already in the form the
 * driver binds), and the columns its result set returns, in order (empty when it returns none).
 */
public record SqlStatement(String sql, List<Object> parameters, List<Column> resultColumns) {

    public SqlStatement {
        parameters = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(parameters));
        resultColumns = List.copyOf(resultColumns);
    }

    @Override
    public String toString() {
        return sql;
    }
}
