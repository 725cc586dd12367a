package io.sentro.spring.query;

import java.util.List;

/**
 * One filter as the client wrote it, not yet checked against the table.
 *
 * @param parameter the query parameter that carried it, for error messages
 * @param column the column name
 * @param operator the operator
 * @param values the raw value; several for {@code in}/{@code nin}
 */
public record FilterTerm(String parameter, String column, Operator operator, List<String> values) {

    public FilterTerm {
        values = List.copyOf(values);
    }
}
