package io.sentro.spring.request;

import java.util.ArrayList;
import java.util.List;

import io.sentro.spring.error.ErrorCode;
import io.sentro.spring.error.SentroException;

import org.jspecify.annotations.Nullable;

/**
 * The syntax every query parameter's value shares: given once, comma-separated names, whole numbers, quoted lists.
 * A value that does not parse is a 400 naming the parameter ({@link ErrorCode#INVALID_PARAMETER}).
 */
final class ParameterValues {

    private ParameterValues() {
    }

    /** The one value of a parameter; a parameter given twice is refused, one given without a value is empty. */
    static String single(String name, String @Nullable [] values) {
        if (values == null || values.length == 0) {
            return "";
        }
        if (values.length > 1) {
            throw invalid(name, "Query parameter '" + name + "' is given " + values.length + " times; give it once");
        }
        return values[0];
    }

    /** Comma-separated names, trimmed; an empty item is refused. */
    static List<String> names(String parameter, String value) {
        List<String> names = new ArrayList<>();
        for (String name : value.split(",", -1)) {
            String trimmed = name.trim();
            if (trimmed.isEmpty()) {
                throw invalid(parameter, "'" + parameter + "' has an empty item: '" + value + "'");
            }
            names.add(trimmed);
        }
        return names;
    }

    static long nonNegative(String parameter, String value) {
        long number;
        try {
            number = Long.parseLong(value.trim());
        }
        catch (NumberFormatException ex) {
            throw invalid(parameter, "'" + parameter + "' must be a whole number, got '" + value + "'");
        }
        if (number < 0) {
            throw invalid(parameter, "'" + parameter + "' must not be negative, got " + number);
        }
        return number;
    }

    /** Splits {@code a,"b,c",d}; a double quote inside a quoted item is written {@code \"}. */
    static List<String> list(String parameter, String value) {
        List<String> items = new ArrayList<>();
        StringBuilder item = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (quoted) {
                if (c == '\\' && i + 1 < value.length()) {
                    item.append(value.charAt(++i));
                }
                else if (c == '"') {
                    quoted = false;
                }
                else {
                    item.append(c);
                }
            }
            else if (c == '"' && item.isEmpty()) {
                quoted = true;
                wasQuoted = true;
            }
            else if (c == ',') {
                items.add(item.toString());
                item.setLength(0);
                wasQuoted = false;
            }
            else {
                item.append(c);
            }
        }
        if (quoted) {
            throw invalid(parameter, "Unterminated quote in the list of '" + parameter + "'");
        }
        if (!item.isEmpty() || wasQuoted || !items.isEmpty()) {
            items.add(item.toString());
        }
        if (items.isEmpty()) {
            throw invalid(parameter, "'" + parameter + "' needs at least one value");
        }
        return items;
    }

    static SentroException invalid(String parameter, String detail) {
        return new SentroException(ErrorCode.INVALID_PARAMETER, detail, parameter);
    }
}
