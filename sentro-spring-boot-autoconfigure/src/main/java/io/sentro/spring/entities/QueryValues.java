package io.sentro.spring.entities;

import java.math.BigDecimal;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import io.sentro.spring.error.ErrorCode;
import io.sentro.spring.error.SentroException;
import io.sentro.spring.query.Operator;

import org.jspecify.annotations.Nullable;

/**
 * Typed filter values in the engine's text form, the one the HTTP API parses: numbers, booleans, ISO dates and times,
 * UUIDs and enums. The planner then converts them for the column exactly as it converts a query string's, so a value
 * that does not fit its column is refused the same way, naming the same parameter.
 */
final class QueryValues {

    private QueryValues() {
    }

    static List<String> texts(@Nullable Object value, Operator operator, String parameter) {
        if (operator.takesList()) {
            if (!(value instanceof Collection<?> items) || items.isEmpty()) {
                throw new SentroException(ErrorCode.INVALID_PARAMETER, "'" + parameter + "' takes a non-empty "
                        + "collection of values", parameter);
            }
            List<String> texts = new ArrayList<>(items.size());
            for (Object item : items) {
                texts.add(text(item, parameter));
            }
            return texts;
        }
        if (operator == Operator.IS_NULL && !(value instanceof Boolean)) {
            throw new SentroException(ErrorCode.INVALID_PARAMETER, "'" + parameter + "' takes true (the column is "
                    + "NULL) or false", parameter);
        }
        return List.of(text(value, parameter));
    }

    private static String text(@Nullable Object value, String parameter) {
        if (value == null) {
            throw new SentroException(ErrorCode.INVALID_PARAMETER, "'" + parameter + "' has no value: to find NULL, "
                    + "use IS_NULL with true", parameter);
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof CharSequence || value instanceof Number || value instanceof Boolean
                || value instanceof TemporalAccessor || value instanceof UUID || value instanceof Character) {
            return value.toString();
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        throw new SentroException(ErrorCode.INVALID_PARAMETER, "'" + parameter + "' is a "
                + value.getClass().getName() + ": expected a text, number, boolean, date or time, UUID or enum",
                parameter);
    }
}
