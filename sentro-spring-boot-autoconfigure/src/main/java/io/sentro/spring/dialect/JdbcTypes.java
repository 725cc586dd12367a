package io.sentro.spring.dialect;

import java.sql.Types;

import io.sentro.spring.schema.TypeKind;

/** The {@link java.sql.Types} code Sentro binds for each kind of column when it needs one. */
final class JdbcTypes {

    private JdbcTypes() {
    }

    static int of(TypeKind kind) {
        return switch (kind) {
            case SMALLINT -> Types.SMALLINT;
            case INTEGER -> Types.INTEGER;
            case BIGINT -> Types.BIGINT;
            case DECIMAL -> Types.DECIMAL;
            case REAL -> Types.REAL;
            case DOUBLE -> Types.DOUBLE;
            case BOOLEAN -> Types.BOOLEAN;
            case DATE -> Types.DATE;
            case TIME -> Types.TIME;
            case TIMESTAMP -> Types.TIMESTAMP;
            case TIMESTAMP_TZ -> Types.TIMESTAMP_WITH_TIMEZONE;
            case BINARY -> Types.VARBINARY;
            case ARRAY -> Types.ARRAY;
            case TEXT, ENUM, JSON, UUID, OTHER -> Types.VARCHAR;
        };
    }
}
