package io.sentro.spring.schema;

import org.jspecify.annotations.Nullable;

/**
 * One column of a table or view.
 *
 * @param name the column's name in the database, also its JSON key and API name
 * @param type its type
 * @param nullable whether it accepts NULL
 * @param defaultValue the default expression as the database reports it, or null when there is none
 * @param autoIncrement whether the database generates its value (identity, serial, auto_increment)
 * @param generated whether it is a computed (generated) column
 * @param updatable whether the database accepts writes to it (false for columns of non-updatable views)
 * @param comment the column comment, if any
 * @param managed whether Sentro itself writes it (the version column): clients may not
 */
public record Column(String name, ColumnType type, boolean nullable, @Nullable String defaultValue,
        boolean autoIncrement, boolean generated, boolean updatable, @Nullable String comment, boolean managed) {

    public Column(String name, ColumnType type, boolean nullable, @Nullable String defaultValue,
            boolean autoIncrement, boolean generated, boolean updatable, @Nullable String comment) {
        this(name, type, nullable, defaultValue, autoIncrement, generated, updatable, comment, false);
    }

    /** This column, written by Sentro rather than by clients. */
    public Column asManaged() {
        return new Column(name, type, nullable, defaultValue, autoIncrement, generated, updatable, comment, true);
    }

    /**
     * By name alone. Columns key the maps of every row written, and a record's own hash would walk the whole type
     * (its enum values, precision...) for every value; equal columns have equal names, so this agrees with
     * {@link #equals}.
     */
    @Override
    public int hashCode() {
        return name.hashCode();
    }

    public TypeKind kind() {
        return type.kind();
    }

    public boolean hasDefault() {
        return defaultValue != null || autoIncrement || generated;
    }

    /** Whether clients may send a value for this column on create or update. */
    public boolean writable() {
        return updatable && !autoIncrement && !generated && !managed && type.kind() != TypeKind.OTHER;
    }

    /** Whether a create must name this column: NOT NULL, no default, and the database does not fill it. */
    public boolean requiredOnCreate() {
        return !nullable && !hasDefault() && writable();
    }
}
