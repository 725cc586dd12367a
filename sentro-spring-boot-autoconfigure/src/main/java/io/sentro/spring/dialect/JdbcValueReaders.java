package io.sentro.spring.dialect;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import io.sentro.spring.schema.ColumnType;
import io.sentro.spring.schema.JsonText;

/**
 * The JDBC reads that work the same on every supported driver, one per {@link io.sentro.spring.schema.TypeKind}.
 */
public final class JdbcValueReaders {

    private JdbcValueReaders() {
    }

    public static ValueReader standard(ColumnType type) {
        return switch (type.kind()) {
            case SMALLINT, INTEGER -> (rs, i) -> {
                int value = rs.getInt(i);
                return rs.wasNull() ? null : value;
            };
            case BIGINT -> (rs, i) -> {
                long value = rs.getLong(i);
                return rs.wasNull() ? null : value;
            };
            case DECIMAL -> ResultSet::getBigDecimal;
            case REAL -> (rs, i) -> {
                float value = rs.getFloat(i);
                return rs.wasNull() ? null : value;
            };
            case DOUBLE -> (rs, i) -> {
                double value = rs.getDouble(i);
                return rs.wasNull() ? null : value;
            };
            case BOOLEAN -> (rs, i) -> {
                boolean value = rs.getBoolean(i);
                return rs.wasNull() ? null : value;
            };
            case DATE -> (rs, i) -> rs.getObject(i, LocalDate.class);
            case TIME -> (rs, i) -> rs.getObject(i, LocalTime.class);
            case TIMESTAMP -> (rs, i) -> rs.getObject(i, LocalDateTime.class);
            case TIMESTAMP_TZ -> (rs, i) -> rs.getObject(i, OffsetDateTime.class);
            case JSON -> (rs, i) -> {
                String json = rs.getString(i);
                return json == null ? null : new JsonText(json);
            };
            case ARRAY -> {
                boolean withZone = type.elementType() != null
                        && type.elementType().kind() == io.sentro.spring.schema.TypeKind.TIMESTAMP_TZ;
                yield (rs, i) -> {
                    Array array = rs.getArray(i);
                    return array == null ? null : elements((Object[]) array.getArray(), withZone);
                };
            }
            case BINARY -> ResultSet::getBytes;
            case TEXT, ENUM, UUID, OTHER -> ResultSet::getString;
        };
    }

    /**
     * Array elements as JSON-ready values: SQL dates and timestamps become java.time values; elements of a
     * timestamp-with-time-zone array keep their instant, in UTC.
     */
    private static List<Object> elements(Object[] elements, boolean withZone) {
        List<Object> values = new ArrayList<>(elements.length);
        for (Object element : elements) {
            if (element instanceof java.sql.Date date) {
                values.add(date.toLocalDate());
            }
            else if (element instanceof Timestamp timestamp) {
                values.add(withZone ? timestamp.toInstant().atOffset(java.time.ZoneOffset.UTC)
                        : timestamp.toLocalDateTime());
            }
            else if (element instanceof Object[] nested) {
                values.add(elements(nested, withZone));
            }
            else {
                values.add(element);
            }
        }
        return values;
    }
}
