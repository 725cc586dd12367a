package io.sentro.sample.seeds;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Reads a value of a payload, a row or an action body as the type a hook needs, or null when it is missing, null or
 * of another type. Before hooks and field writers run before Sentro checks required columns, and see whatever an
 * earlier hook put; an action's body is the client's JSON, unchecked. A hook that gets null here skips its own check
 * and leaves the field to the API (which then answers 400 naming it), or refuses with a 422 of its own: it never
 * casts, which would answer 500.
 */
final class Fields {

    private Fields() {
    }

    /**
     * A whole number that fits a {@code long}: an {@code Integer} or {@code Long}, or a {@code BigDecimal},
     * {@code BigInteger} or {@code Double} without a fraction; null for anything else (text, a fraction, an object).
     */
    static Long wholeNumber(Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        BigDecimal decimal = decimal(value);
        if (decimal == null) {
            return null;
        }
        try {
            return decimal.longValueExact();
        }
        catch (ArithmeticException notWholeOrTooLarge) {
            return null;
        }
    }

    /** A number as an exact {@code BigDecimal}; null for anything else, and for an infinite or NaN double. */
    static BigDecimal decimal(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        if (value instanceof BigInteger integer) {
            return new BigDecimal(integer);
        }
        if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            return Double.isFinite(number) ? BigDecimal.valueOf(number) : null;
        }
        if (value instanceof Number number) {
            return BigDecimal.valueOf(number.longValue());
        }
        return null;
    }

    /** Text that is not blank; null for blank text and anything that is not text. */
    static String text(Object value) {
        return value instanceof String text && !text.isBlank() ? text : null;
    }
}
