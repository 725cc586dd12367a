package io.sentro.spring.query;

import java.util.ArrayList;
import java.util.List;

import io.sentro.spring.error.ErrorCode;
import io.sentro.spring.error.SentroException;

import org.jspecify.annotations.Nullable;

/**
 * The entity tags of an {@code If-Match} or {@code If-None-Match} header (RFC 9110 13.1): {@code *}, or a list of
 * tags, each strong ({@code "x"}) or weak ({@code W/"x"}). A header that is not that is a 400 naming it, since a
 * precondition the server cannot read must not be taken as met.
 *
 * @param any the header is {@code *}: any current representation matches
 * @param tags the tags, as sent (quotes and {@code W/} prefix included)
 */
public record EntityTags(boolean any, List<String> tags) {

    public EntityTags {
        tags = List.copyOf(tags);
    }

    /** The tags of one header's value, or null when the header is absent. */
    public static @Nullable EntityTags parse(@Nullable String header, String name) {
        if (header == null) {
            return null;
        }
        String value = header.strip();
        if (value.equals("*")) {
            return new EntityTags(true, List.of());
        }
        List<String> tags = new ArrayList<>();
        int i = 0;
        while (i < value.length()) {
            char c = value.charAt(i);
            if (c == ',' || c == ' ' || c == '\t') {
                i++;
                continue;
            }
            int start = i;
            if (value.startsWith("W/", i)) {
                i += 2;
            }
            if (i >= value.length() || value.charAt(i) != '"') {
                throw malformed(name, header);
            }
            int close = value.indexOf('"', i + 1);
            if (close < 0) {
                throw malformed(name, header);
            }
            for (int k = i + 1; k < close; k++) {
                char t = value.charAt(k);
                if (t < 0x21 || t == 0x7f) { // etagc: visible characters other than the quote
                    throw malformed(name, header);
                }
            }
            tags.add(value.substring(start, close + 1));
            i = close + 1;
            if (i < value.length() && value.charAt(i) != ',' && value.charAt(i) != ' ' && value.charAt(i) != '\t') {
                throw malformed(name, header);
            }
        }
        if (tags.isEmpty()) {
            throw malformed(name, header);
        }
        return new EntityTags(false, tags);
    }

    private static SentroException malformed(String name, String header) {
        return new SentroException(ErrorCode.INVALID_HEADER, name + ": '" + header + "' is not * or a list of entity "
                + "tags such as \"abc\" or W/\"abc\"", name);
    }

    /**
     * {@code If-Match}'s strong comparison: the current tag (strong, quoted) is one of the tags, none of them weak.
     * A weak tag never matches, as RFC 9110 13.1.1 says.
     */
    public boolean matchesStrongly(String current) {
        return any || tags.contains(current);
    }

    /** {@code If-None-Match}'s weak comparison: the current tag is one of the tags, {@code W/} ignored. */
    public boolean matchesWeakly(String current) {
        if (any) {
            return true;
        }
        String opaque = opaque(current);
        return tags.stream().anyMatch(tag -> opaque(tag).equals(opaque));
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }
}
