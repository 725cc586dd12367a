package io.sentro.spring.request;

import static io.sentro.spring.request.ParameterValues.invalid;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.sentro.spring.error.ErrorCode;
import io.sentro.spring.error.SentroException;
import io.sentro.spring.query.FilterTerm;
import io.sentro.spring.query.Operator;

/**
 * The filters of one request: {@code where.<column>.<operator>} terms, all of which a row must match, and
 * {@code or.<group>.<column>.<operator>} terms, of which a row must match one per group. Collected parameter by
 * parameter, then read by the list query.
 */
final class FilterParameters {

    static final String WHERE = "where.";
    static final String OR = "or.";

    private final List<FilterTerm> filters = new ArrayList<>();
    private final Map<String, List<FilterTerm>> anyOf = new LinkedHashMap<>();

    /** Whether a parameter filters the rows a bulk write changes: {@code where.*}, {@code or.*} or {@code search}. */
    static boolean selectsRows(String name) {
        return name.equals("search") || name.startsWith(WHERE) || name.startsWith(OR);
    }

    /** Takes a {@code where.*} or {@code or.*} parameter; false when the name is neither. */
    boolean accept(String name, String value) {
        if (name.startsWith(WHERE)) {
            filters.add(filter(name, name.substring(WHERE.length()), value));
            return true;
        }
        if (name.startsWith(OR)) {
            String rest = name.substring(OR.length());
            int dot = rest.indexOf('.');
            if (dot <= 0) {
                throw invalid(name, "Query parameter '" + name + "' must read or.<group>.<column>.<operator>");
            }
            anyOf.computeIfAbsent(rest.substring(0, dot), key -> new ArrayList<>())
                    .add(filter(name, rest.substring(dot + 1), value));
            return true;
        }
        return false;
    }

    List<FilterTerm> filters() {
        return filters;
    }

    Map<String, List<FilterTerm>> anyOf() {
        return anyOf;
    }

    /** One term: {@code columnAndOperator} is what follows the prefix ({@code where.}, {@code having.}...). */
    static FilterTerm filter(String parameter, String columnAndOperator, String value) {
        int dot = columnAndOperator.lastIndexOf('.');
        if (dot <= 0 || dot == columnAndOperator.length() - 1) {
            throw invalid(parameter, "Filter '" + parameter + "' must read where.<column>.<operator>, with operator one of: "
                    + Operator.tokens());
        }
        String column = columnAndOperator.substring(0, dot);
        String token = columnAndOperator.substring(dot + 1);
        Operator operator = Operator.fromToken(token).orElseThrow(() -> new SentroException(ErrorCode.UNKNOWN_OPERATOR,
                "Unknown operator '" + token + "' in '" + parameter + "'. Known: " + Operator.tokens(), parameter));
        List<String> values = operator.takesList() ? ParameterValues.list(parameter, value) : List.of(value);
        return new FilterTerm(parameter, column, operator, values);
    }
}
