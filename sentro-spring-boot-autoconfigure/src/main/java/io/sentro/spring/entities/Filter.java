package io.sentro.spring.entities;

import java.util.List;

import io.sentro.spring.query.FilterTerm;
import io.sentro.spring.query.Operator;

import org.jspecify.annotations.Nullable;

/**
 * One filter of a {@link Query} or an {@link Embed}: a column, an operator and a typed value (a collection for
 * {@code IN} and {@code NIN}, {@code true} or {@code false} for {@code IS_NULL}).
 *
 * @param column the column
 * @param operator the operator
 * @param value the value, typed: numbers, texts, booleans, dates and times, UUIDs, enums
 */
public record Filter(String column, Operator operator, @Nullable Object value) {

    public static Filter where(String column, Operator operator, @Nullable Object value) {
        return new Filter(column, operator, value);
    }

    /** The engine's term, named as the HTTP API names it ({@code where.views.gte}) so that errors read the same. */
    FilterTerm term(String prefix) {
        String parameter = prefix + column + "." + operator.token();
        return new FilterTerm(parameter, column, operator, QueryValues.texts(value, operator, parameter));
    }

    static List<FilterTerm> terms(List<Filter> filters, String prefix) {
        return filters.stream().map(filter -> filter.term(prefix)).toList();
    }
}
