package io.sentro.spring.request;

import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.sentro.spring.error.ErrorCode;
import io.sentro.spring.error.SentroException;

import org.jspecify.annotations.Nullable;

/**
 * The preferences of a write request's {@code Prefer} headers (RFC 7240) that Sentro honours:
 * {@code return=minimal|representation}, {@code resolution=merge-duplicates|ignore-duplicates} and
 * {@code max-affected=<n>}.
 * <p>
 * As the RFC says, a preference Sentro does not know is ignored, and of a preference given twice only the first
 * counts. A header that does not parse, or a known preference with a value it cannot take, is a 400 naming
 * {@code Prefer}: the client asked for something precise and would otherwise get a different write than it meant.
 * The grammar is small enough to parse by hand (no library in the stack parses {@code Prefer}).
 *
 * @param returning what the response carries; null when not asked
 * @param resolution what a create does with a row whose key exists; null for a plain create
 * @param maxAffected the most rows a bulk write may change; null when not asked
 */
public record Preferences(@Nullable Return returning, @Nullable Resolution resolution, @Nullable Long maxAffected) {

    public static final String HEADER = "Prefer";

    /** The header that lists the preferences a response honoured. */
    public static final String APPLIED_HEADER = "Preference-Applied";

    public static final Preferences NONE = new Preferences(null, null, null);

    /** A preference value Sentro knows, as spelled in the header. */
    public interface Choice {
        String token();
    }

    /** {@code return=...}. */
    public enum Return implements Choice {
        /** The response carries no rows: 201 or 204 with a {@code Location}, or a count for bulk writes. */
        MINIMAL("minimal"),
        /** The response carries the rows as stored (what Sentro does without a preference). */
        REPRESENTATION("representation");

        private final String token;

        Return(String token) {
            this.token = token;
        }

        @Override
        public String token() {
            return token;
        }
    }

    /** {@code resolution=...}: how a create treats a row whose primary or named unique key exists. */
    public enum Resolution implements Choice {
        /** The existing row is updated with the given values. */
        MERGE_DUPLICATES("merge-duplicates"),
        /** The existing row is kept as it is. */
        IGNORE_DUPLICATES("ignore-duplicates");

        private final String token;

        Resolution(String token) {
            this.token = token;
        }

        @Override
        public String token() {
            return token;
        }
    }

    /** The preferences of every {@code Prefer} header of a request, in order. */
    public static Preferences parse(@Nullable Enumeration<String> headers) {
        if (headers == null || !headers.hasMoreElements()) {
            return NONE;
        }
        Map<String, String> first = new LinkedHashMap<>();
        while (headers.hasMoreElements()) {
            for (Map.Entry<String, String> preference : tokens(headers.nextElement()).entrySet()) {
                first.putIfAbsent(preference.getKey(), preference.getValue());
            }
        }
        Return returning = first.containsKey("return") ? choose(Return.values(), "return", first.get("return"))
                : null;
        Resolution resolution = first.containsKey("resolution")
                ? choose(Resolution.values(), "resolution", first.get("resolution")) : null;
        Long maxAffected = first.containsKey("max-affected") ? maxAffected(first.get("max-affected")) : null;
        return new Preferences(returning, resolution, maxAffected);
    }

    /** The preferences of one header line: name (lower case) to value ("" when it has none). */
    private static Map<String, String> tokens(String header) {
        Map<String, String> preferences = new LinkedHashMap<>();
        for (String item : split(header, ',')) {
            if (item.isBlank()) {
                continue; // "a, , b" has empty list elements, which RFC 7230 7 says to ignore
            }
            // Parameters after ';' refine a preference; Sentro's preferences take none, so they are checked, not used.
            List<String> parts = split(item, ';');
            String[] preference = nameAndValue(parts.get(0), header);
            for (String parameter : parts.subList(1, parts.size())) {
                if (!parameter.isBlank()) {
                    nameAndValue(parameter, header);
                }
            }
            preferences.putIfAbsent(preference[0].toLowerCase(Locale.ROOT), preference[1]);
        }
        return preferences;
    }

    /** Splits on a separator outside quoted strings; a quote left open is malformed. */
    private static List<String> split(String text, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted && c == '\\' && i + 1 < text.length()) {
                part.append(c).append(text.charAt(++i));
                continue;
            }
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == separator && !quoted) {
                parts.add(part.toString());
                part.setLength(0);
                continue;
            }
            part.append(c);
        }
        if (quoted) {
            throw malformed(text, "a quoted string is not closed");
        }
        parts.add(part.toString());
        return parts;
    }

    private static String[] nameAndValue(String text, String header) {
        int equals = text.indexOf('=');
        String name = (equals < 0 ? text : text.substring(0, equals)).strip();
        if (!isToken(name)) {
            throw malformed(header, "'" + name + "' is not a preference name");
        }
        if (equals < 0) {
            return new String[] { name, "" };
        }
        String value = text.substring(equals + 1).strip();
        if (value.length() >= 2 && value.charAt(0) == '"' && value.charAt(value.length() - 1) == '"') {
            return new String[] { name, value.substring(1, value.length() - 1).replaceAll("\\\\(.)", "$1") };
        }
        if (!isToken(value)) {
            throw malformed(header, "the value of '" + name + "' must be a token or a quoted string");
        }
        return new String[] { name, value };
    }

    /** RFC 7230 3.2.6 token: one or more of the visible characters other than delimiters. */
    private static boolean isToken(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c <= ' ' || c >= 127 || "\"(),/:;<=>?@[\\]{}".indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }

    private static <E extends Choice> E choose(E[] choices, String name, String value) {
        List<String> tokens = new ArrayList<>();
        for (E choice : choices) {
            if (choice.token().equalsIgnoreCase(value)) {
                return choice;
            }
            tokens.add(name + "=" + choice.token());
        }
        throw new SentroException(ErrorCode.INVALID_HEADER, "Prefer: " + name + "=" + value + " is not a value Sentro "
                + "knows; use " + String.join(" or ", tokens), HEADER);
    }

    private static long maxAffected(String value) {
        try {
            long max = Long.parseLong(value);
            if (max >= 0) {
                return max;
            }
        }
        catch (NumberFormatException ex) {
            // refused below
        }
        throw new SentroException(ErrorCode.INVALID_HEADER, "Prefer: max-affected must be a whole number of rows, 0 "
                + "or more, not '" + value + "'", HEADER);
    }

    private static SentroException malformed(String header, String why) {
        return new SentroException(ErrorCode.INVALID_HEADER, "The Prefer header '" + header + "' is malformed: " + why,
                HEADER);
    }

    /** This request's preferences for a single-row write, where {@code max-affected} and resolution do not apply. */
    public boolean minimal() {
        return returning == Return.MINIMAL;
    }

    /**
     * The {@code Preference-Applied} value for the preferences a response honoured (RFC 7240 3), or null when none.
     * {@code maxAffected} is listed when the write was held to it.
     */
    public @Nullable String applied(boolean returnApplied, boolean resolutionApplied, boolean maxAffectedApplied) {
        List<String> applied = new ArrayList<>(3);
        if (returnApplied && returning != null) {
            applied.add("return=" + returning.token());
        }
        if (resolutionApplied && resolution != null) {
            applied.add("resolution=" + resolution.token());
        }
        if (maxAffectedApplied && maxAffected != null) {
            applied.add("max-affected=" + maxAffected);
        }
        return applied.isEmpty() ? null : String.join(", ", applied);
    }
}
