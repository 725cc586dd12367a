package io.sentro.spring.schema;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A column's type: the database's own name for it (as shown in {@code _schema}), how Sentro treats it, and the
 * details that matter for validation.
 *
 * @param databaseType the type as the database names it, e.g. {@code varchar(200)}, {@code mood}, {@code text[]}
 * @param kind how Sentro reads, writes and filters it
 * @param maxLength maximum character length for bounded text types
 * @param enumValues allowed values of an enum type, in declaration order; empty otherwise
 * @param elementType the element type of an array; null otherwise
 * @param precision a decimal type's declared precision ({@code numeric(10,2)}: 10); null otherwise
 * @param scale a decimal type's declared scale ({@code numeric(10,2)}: 2); null otherwise
 */
public record ColumnType(String databaseType, TypeKind kind, @Nullable Integer maxLength, List<String> enumValues,
        @Nullable ColumnType elementType, @Nullable Integer precision, @Nullable Integer scale) {

    public ColumnType {
        enumValues = List.copyOf(enumValues);
    }

    /**
     * A type as introspected; a decimal's precision and scale are read from its declaration once, here, when the
     * model is built, not for every value written.
     */
    public ColumnType(String databaseType, TypeKind kind, @Nullable Integer maxLength, List<String> enumValues,
            @Nullable ColumnType elementType) {
        this(databaseType, kind, maxLength, enumValues, elementType, declared(databaseType, kind, 1),
                declared(databaseType, kind, 2));
    }

    public static ColumnType of(String databaseType, TypeKind kind) {
        return new ColumnType(databaseType, kind, null, List.of(), null);
    }

    public static ColumnType text(String databaseType, @Nullable Integer maxLength) {
        return new ColumnType(databaseType, TypeKind.TEXT, maxLength, List.of(), null);
    }

    public static ColumnType enumOf(String databaseType, List<String> values) {
        return new ColumnType(databaseType, TypeKind.ENUM, null, values, null);
    }

    public static ColumnType arrayOf(String databaseType, ColumnType elementType) {
        return new ColumnType(databaseType, TypeKind.ARRAY, null, List.of(), elementType);
    }

    private static final java.util.regex.Pattern PRECISION_SCALE = java.util.regex.Pattern
            .compile("\\(\\s*(\\d+)\\s*,\\s*(\\d+)\\s*\\)");

    /**
     * A decimal type's precision and scale, as its declaration gives them ({@code numeric(10,2)} is 10 and 2); null for
     * other types and for a decimal declared without them (PostgreSQL's unbounded {@code numeric}).
     */
    public int @Nullable [] precisionAndScale() {
        return precision == null || scale == null ? null : new int[] { precision, scale };
    }

    private static @Nullable Integer declared(String databaseType, TypeKind kind, int group) {
        if (kind != TypeKind.DECIMAL) {
            return null;
        }
        java.util.regex.Matcher matcher = PRECISION_SCALE.matcher(databaseType);
        return matcher.find() ? Integer.valueOf(matcher.group(group)) : null;
    }
}
