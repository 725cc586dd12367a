package io.sentro.spring.request;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.sentro.spring.error.ErrorCode;
import io.sentro.spring.error.SentroException;

/**
 * Splits the raw (still percent-encoded) key segment of a path into one decoded value per key column:
 * {@code 40,2} for a two-column key. Values holding a comma arrive as {@code %2C}.
 */
final class PathKeys {

    private PathKeys() {
    }

    static List<String> parse(String rawSegment, int keyColumns) {
        List<String> parts = new ArrayList<>(keyColumns);
        if (keyColumns == 1) {
            parts.add(decode(rawSegment));
            return parts;
        }
        for (String part : rawSegment.split(",", -1)) {
            parts.add(decode(part));
        }
        if (parts.size() != keyColumns) {
            throw new SentroException(ErrorCode.INVALID_KEY, "The key '" + decode(rawSegment) + "' has " + parts.size()
                    + " part(s); this table's primary key has " + keyColumns
                    + " columns, written comma-separated in key order", "id");
        }
        return parts;
    }

    /** Percent-decodes one value; a {@code +} is a plus sign, not a space, in a path. */
    private static String decode(String raw) {
        try {
            return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        }
        catch (IllegalArgumentException ex) {
            throw new SentroException(ErrorCode.INVALID_KEY, "The key in the path is not validly percent-encoded", "id");
        }
    }
}
