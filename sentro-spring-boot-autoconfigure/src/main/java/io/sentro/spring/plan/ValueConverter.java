package io.sentro.spring.plan;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import io.sentro.spring.error.ErrorCode;
import io.sentro.spring.error.SentroException;
import io.sentro.spring.schema.Column;
import io.sentro.spring.schema.ColumnType;
import io.sentro.spring.schema.JsonText;
import io.sentro.spring.schema.TypeKind;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Converts client values (query text, path keys, JSON body values) into the Java type of a column, refusing
 * anything that does not fit with a message naming the parameter or field.
 */
public final class ValueConverter {

    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final JsonMapper jsonMapper;

    public ValueConverter(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    /**
     * Text a database can store as it was sent: no NUL character (PostgreSQL refuses it, others cut the text there)
     * and no unpaired UTF-16 surrogate (it has no UTF-8 form: drivers would store '?' in its place).
     */
    private static String storable(String text, String field, String columnName) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                throw new SentroException(ErrorCode.INVALID_VALUE, "Field '" + field + "' contains the NUL character "
                        + "(\\u0000) at position " + i + ", which column '" + columnName + "' cannot store", field);
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            }
            else if (Character.isSurrogate(c)) {
                throw new SentroException(ErrorCode.INVALID_VALUE, "Field '" + field + "' contains an unpaired UTF-16 "
                        + "surrogate (\\u" + Integer.toHexString(c) + ") at position " + i + ": it is no character, "
                        + "and column '" + columnName + "' cannot store it", field);
            }
        }
        return text;
    }

    /** Converts text from a query parameter or a path. */
    public Object fromText(Column column, String text, String parameter) {
        return fromText(column.type(), text, parameter, column.name());
    }

    private Object fromText(ColumnType type, String text, String parameter, String columnName) {
        try {
            return switch (type.kind()) {
                case SMALLINT, INTEGER, BIGINT -> integral(type.kind(), new BigInteger(text.trim()), parameter, columnName);
                case DECIMAL -> new BigDecimal(text.trim());
                case REAL -> Float.parseFloat(text.trim());
                case DOUBLE -> Double.parseDouble(text.trim());
                case BOOLEAN -> switch (text) {
                    case "true" -> Boolean.TRUE;
                    case "false" -> Boolean.FALSE;
                    default -> throw mismatch(parameter, columnName, text, "true or false");
                };
                case TEXT -> storable(text, parameter, columnName);
                case ENUM -> enumValue(type, text, parameter, columnName);
                case DATE -> LocalDate.parse(text);
                case TIME -> LocalTime.parse(text);
                case TIMESTAMP -> localDateTime(text);
                case TIMESTAMP_TZ -> OffsetDateTime.parse(text);
                case UUID -> uuid(text, parameter, columnName);
                case JSON, ARRAY, BINARY, OTHER -> throw new SentroException(ErrorCode.INVALID_VALUE,
                        "Column '" + columnName + "' (" + type.databaseType() + ") cannot be compared with a value",
                        parameter);
            };
        }
        catch (NumberFormatException | DateTimeParseException ex) {
            throw mismatch(parameter, columnName, text, expected(type));
        }
    }

    /**
     * Converts one field of a JSON body for the hooks to see: as {@link #fromJson}, except that a JSON column's value
     * is plain Java (maps, lists, strings, numbers, booleans) rather than JSON text.
     */
    public @Nullable Object fromJsonForHooks(Column column, JsonNode node, String field) {
        if (column.kind() == TypeKind.JSON && !node.isNull()) {
            return jsonMapper.treeToValue(node, Object.class);
        }
        return fromJson(column, node, field);
    }

    /** Converts one field of a JSON body; JSON null becomes SQL NULL. */
    public @Nullable Object fromJson(Column column, JsonNode node, String field) {
        if (node.isNull()) {
            if (!column.nullable()) {
                throw new SentroException(ErrorCode.MISSING_VALUE, "Field '" + field + "' must not be null: column '"
                        + column.name() + "' is NOT NULL", field);
            }
            return null;
        }
        return fromJson(column.type(), node, field, column.name());
    }

    /**
     * Converts a Java value a hook or field writer put into a payload. Values already of the column's Java type are
     * kept (after the same length and enum checks as client values); {@code Instant}, {@code ZonedDateTime} and
     * {@code java.util.Date} become the column's temporal type; any value for a JSON column is written as the JSON it
     * maps to (a {@code String} becomes a JSON string; use {@link JsonText} for JSON text); anything else is converted
     * as its JSON form would be.
     */
    public @Nullable Object fromObject(Column column, @Nullable Object value, String field) {
        if (value == null || value instanceof JsonNode) {
            return fromJson(column, value == null ? jsonMapper.nullNode() : (JsonNode) value, field);
        }
        ColumnType type = column.type();
        Object temporal = temporal(type.kind(), value);
        if (temporal != null) {
            return temporal;
        }
        if (type.kind() == TypeKind.JSON) {
            // Maps, lists, strings and numbers are written as the JSON they map to; JsonText is already JSON.
            return value instanceof JsonText ? value : new JsonText(jsonMapper.writeValueAsString(value));
        }
        if (hasJavaType(type.kind(), value)) {
            if (value instanceof String text && (type.kind() == TypeKind.TEXT || type.kind() == TypeKind.ENUM)) {
                return fromJson(type, jsonMapper.getNodeFactory().stringNode(text), field, column.name());
            }
            return value;
        }
        return fromJson(column, jsonMapper.valueToTree(value), field);
    }

    private static @Nullable Object temporal(TypeKind kind, Object value) {
        Instant instant = value instanceof Instant i ? i : value instanceof java.util.Date d ? d.toInstant()
                : value instanceof ZonedDateTime z ? z.toInstant() : value instanceof OffsetDateTime o ? o.toInstant() : null;
        if (instant == null || (kind == TypeKind.TIMESTAMP_TZ && value instanceof OffsetDateTime)) {
            return null;
        }
        return switch (kind) {
            case TIMESTAMP_TZ -> OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
            case TIMESTAMP -> LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
            case DATE -> LocalDate.ofInstant(instant, ZoneOffset.UTC);
            default -> null;
        };
    }

    private static boolean hasJavaType(TypeKind kind, Object value) {
        return switch (kind) {
            case SMALLINT, INTEGER -> value instanceof Integer;
            case BIGINT -> value instanceof Long;
            case DECIMAL -> value instanceof BigDecimal;
            case REAL -> value instanceof Float;
            case DOUBLE -> value instanceof Double;
            case BOOLEAN -> value instanceof Boolean;
            case TEXT, ENUM -> value instanceof String;
            case DATE -> value instanceof LocalDate;
            case TIME -> value instanceof LocalTime;
            case TIMESTAMP -> value instanceof LocalDateTime;
            case TIMESTAMP_TZ -> value instanceof OffsetDateTime;
            case UUID -> value instanceof UUID;
            case JSON -> value instanceof JsonText;
            case ARRAY -> value instanceof List;
            case BINARY -> value instanceof byte[];
            case OTHER -> false;
        };
    }

    private Object fromJson(ColumnType type, JsonNode node, String field, String columnName) {
        TypeKind kind = type.kind();
        switch (kind) {
            case SMALLINT, INTEGER, BIGINT -> {
                if (node.isIntegralNumber()) {
                    return integral(kind, node.bigIntegerValue(), field, columnName);
                }
                if (node.isNumber() && isWhole(node.decimalValue())) {
                    return integral(kind, node.decimalValue().toBigIntegerExact(), field, columnName);
                }
            }
            case DECIMAL -> {
                if (node.isNumber()) {
                    return node.decimalValue();
                }
                if (node.isString()) {
                    try {
                        return new BigDecimal(node.stringValue().trim());
                    }
                    catch (NumberFormatException ex) {
                        // refused below
                    }
                }
            }
            case REAL -> {
                if (node.isNumber()) {
                    return node.floatValue();
                }
            }
            case DOUBLE -> {
                if (node.isNumber()) {
                    return node.doubleValue();
                }
            }
            case BOOLEAN -> {
                if (node.isBoolean()) {
                    return node.booleanValue();
                }
            }
            case TEXT -> {
                if (node.isString()) {
                    String text = storable(node.stringValue(), field, columnName);
                    Integer maxLength = type.maxLength();
                    if (maxLength != null && text.codePointCount(0, text.length()) > maxLength) {
                        throw new SentroException(ErrorCode.INVALID_VALUE, "Field '" + field + "' is longer than "
                                + maxLength + " characters, the maximum of column '" + columnName + "' ("
                                + type.databaseType() + ")", field);
                    }
                    return text;
                }
            }
            case ENUM -> {
                if (node.isString()) {
                    return enumValue(type, node.stringValue(), field, columnName);
                }
            }
            case DATE, TIME, TIMESTAMP, TIMESTAMP_TZ, UUID -> {
                if (node.isString()) {
                    return fromText(type, node.stringValue(), field, columnName);
                }
            }
            case JSON -> {
                return new JsonText(jsonMapper.writeValueAsString(node));
            }
            case ARRAY -> {
                if (node.isArray() && type.elementType() != null) {
                    List<Object> elements = new ArrayList<>(node.size());
                    int index = 0;
                    for (JsonNode element : node.values()) {
                        String elementField = field + "[" + index++ + "]";
                        elements.add(element.isNull() ? null
                                : fromJson(type.elementType(), element, elementField, columnName));
                    }
                    return elements;
                }
            }
            case BINARY -> {
                if (node.isString()) {
                    try {
                        return Base64.getDecoder().decode(node.stringValue());
                    }
                    catch (IllegalArgumentException ex) {
                        // refused below
                    }
                }
            }
            case OTHER -> {
            }
        }
        throw new SentroException(ErrorCode.INVALID_VALUE, "Field '" + field + "' must be " + expected(type)
                + " for column '" + columnName + "' (" + type.databaseType() + "), got " + describe(node), field);
    }

    private static boolean isWhole(BigDecimal value) {
        return value.signum() == 0 || value.stripTrailingZeros().scale() <= 0;
    }

    private static Object integral(TypeKind kind, BigInteger value, String parameter, String columnName) {
        BigInteger min;
        BigInteger max;
        switch (kind) {
            case SMALLINT -> {
                min = BigInteger.valueOf(Short.MIN_VALUE);
                max = BigInteger.valueOf(Short.MAX_VALUE);
            }
            case INTEGER -> {
                min = BigInteger.valueOf(Integer.MIN_VALUE);
                max = BigInteger.valueOf(Integer.MAX_VALUE);
            }
            default -> {
                min = BigInteger.valueOf(Long.MIN_VALUE);
                max = BigInteger.valueOf(Long.MAX_VALUE);
            }
        }
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new SentroException(ErrorCode.INVALID_VALUE, "'" + parameter + "' is out of range for column '"
                    + columnName + "': " + value + " is not between " + min + " and " + max, parameter);
        }
        return kind == TypeKind.BIGINT ? (Object) value.longValue() : (Object) value.intValue();
    }

    private static Object enumValue(ColumnType type, String text, String parameter, String columnName) {
        if (!type.enumValues().isEmpty() && !type.enumValues().contains(text)) {
            throw new SentroException(ErrorCode.INVALID_VALUE, "'" + parameter + "' has '" + text
                    + "', which is not a value of column '" + columnName + "'; allowed: "
                    + String.join(", ", type.enumValues()), parameter);
        }
        return text;
    }

    private static UUID uuid(String text, String parameter, String columnName) {
        if (!UUID_TEXT.matcher(text).matches()) {
            throw mismatch(parameter, columnName, text, "a UUID");
        }
        return UUID.fromString(text);
    }

    /** A local date-time; one written with an offset is converted to UTC. */
    private static LocalDateTime localDateTime(String text) {
        try {
            return LocalDateTime.parse(text);
        }
        catch (DateTimeParseException ex) {
            return OffsetDateTime.parse(text).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        }
    }

    private static SentroException mismatch(String parameter, String columnName, String text, String expected) {
        return new SentroException(ErrorCode.INVALID_VALUE, "'" + parameter + "' must be " + expected + " for column '"
                + columnName + "', got '" + text + "'", parameter);
    }

    private static String expected(ColumnType type) {
        return switch (type.kind()) {
            case SMALLINT, INTEGER, BIGINT -> "a whole number";
            case DECIMAL, REAL, DOUBLE -> "a number";
            case BOOLEAN -> "true or false";
            case TEXT -> "a string";
            case ENUM -> "one of " + String.join(", ", type.enumValues());
            case DATE -> "an ISO-8601 date (2025-01-31)";
            case TIME -> "an ISO-8601 time (13:45:00)";
            case TIMESTAMP -> "an ISO-8601 date-time (2025-01-31T13:45:00)";
            case TIMESTAMP_TZ -> "an ISO-8601 date-time with offset (2025-01-31T13:45:00Z)";
            case UUID -> "a UUID";
            case JSON -> "JSON";
            case ARRAY -> "an array";
            case BINARY -> "a base64 string";
            case OTHER -> "a value";
        };
    }

    private static String describe(JsonNode node) {
        if (node.isString()) {
            String text = node.stringValue();
            return "the string \"" + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "\"";
        }
        if (node.isNumber()) {
            return "the number " + node.numberValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue() ? "true" : "false";
        }
        return node.isArray() ? "an array" : node.isObject() ? "an object" : "a " + node.getNodeType();
    }
}
