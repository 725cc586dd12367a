package io.sentro.spring.schema;

/**
 * How Sentro treats a column's SQL type: how it is read from JDBC, written to JSON, parsed from a request
 * and which filter operators apply. Every dialect maps its native types onto these.
 */
public enum TypeKind {
    SMALLINT, INTEGER, BIGINT,
    /** Exact numerics (numeric/decimal/money-like); carried as {@link java.math.BigDecimal}, never rounded. */
    DECIMAL,
    REAL, DOUBLE,
    BOOLEAN,
    TEXT,
    /** A database enum type (PostgreSQL enum, MySQL enum): text restricted to {@link ColumnType#enumValues()}. */
    ENUM,
    DATE, TIME,
    /** Timestamp without time zone: ISO-8601 local date-time in JSON. */
    TIMESTAMP,
    /** Timestamp with time zone: ISO-8601 with offset in JSON. */
    TIMESTAMP_TZ,
    UUID,
    /** JSON documents, embedded in responses as JSON (not as strings). */
    JSON,
    /** PostgreSQL arrays; see {@link ColumnType#elementType()}. */
    ARRAY,
    /** Binary data, base64 in JSON. */
    BINARY,
    /** Anything else: served as its string form and never writable. */
    OTHER;

    public boolean isIntegral() {
        return this == SMALLINT || this == INTEGER || this == BIGINT;
    }

    /** Whether values of this kind can be compared with {@code =}, {@code <} and friends in a filter. */
    public boolean isComparable() {
        return switch (this) {
            case JSON, ARRAY, BINARY, OTHER -> false;
            default -> true;
        };
    }

    /** Whether values of this kind are numbers: what {@code sum} and {@code avg} take. */
    public boolean isNumeric() {
        return isIntegral() || this == DECIMAL || this == REAL || this == DOUBLE;
    }

    /** Whether values of this kind have an order ({@code gt}, {@code lt}...). */
    public boolean isOrdered() {
        return isComparable() && this != BOOLEAN && this != UUID;
    }
}
