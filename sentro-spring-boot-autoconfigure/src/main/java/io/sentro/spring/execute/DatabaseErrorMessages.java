package io.sentro.spring.execute;

import java.util.ArrayList;
import java.util.List;

import java.util.Map;

import io.sentro.spring.error.ErrorCode;
import io.sentro.spring.error.SentroException;
import io.sentro.spring.schema.SchemaModel;
import io.sentro.spring.schema.ForeignKey;
import io.sentro.spring.schema.Table;
import io.sentro.spring.schema.UniqueConstraint;

import org.jspecify.annotations.Nullable;

/**
 * Client-facing explanations of database errors, written from the schema model only: they never quote the
 * driver's message, which may reveal more of the database than Sentro serves.
 */
final class DatabaseErrorMessages {

    private DatabaseErrorMessages() {
    }

    static String describe(ErrorCode code, Table table) {
        return switch (code) {
            case UNIQUE_VIOLATION -> "The row conflicts with an existing row of '" + table.name()
                    + "': a unique constraint is violated (unique: " + uniqueColumns(table) + ")";
            case FOREIGN_KEY_VIOLATION -> "A foreign key of '" + table.name()
                    + "' is violated: a referenced row does not exist, or this row is still referenced"
                    + foreignKeys(table);
            case CHECK_VIOLATION -> "The row violates a check constraint of '" + table.name() + "'";
            case MISSING_VALUE -> "A NOT NULL column of '" + table.name() + "' got no value";
            case INVALID_VALUE -> "A value does not fit its column in '" + table.name()
                    + "' (out of range, too long or malformed)";
            case DATABASE_UNAVAILABLE -> "The database is unavailable; try again later";
            default -> code.title();
        };
    }

    /**
     * The problem for a database error whose violated constraint is known ({@code primaryKey}: the dialect recognised
     * it as the table's primary key): the unique key (its columns, the first
     * of which is the parameter at fault), the foreign key of the written table (the column that references a missing
     * row), or the foreign key of another served table that still references the row (that table and its columns).
     * A constraint the model does not know gets {@link #describe}'s text.
     */
    static SentroException problem(ErrorCode code, Table table, @Nullable String constraint, boolean primaryKey,
            SchemaModel model, Throwable cause) {
        if (constraint != null && code == ErrorCode.UNIQUE_VIOLATION) {
            List<String> columns = primaryKey && table.hasPrimaryKey() ? table.primaryKey() : uniqueKey(table,
                    constraint);
            if (columns != null) {
                return new SentroException(code, "A row of '" + table.name() + "' with the same " + String.join(", ",
                        columns) + " already exists (unique key " + constraint + ")", columns.get(0), cause)
                        .withExtensions(Map.of("table", table.name(), "constraint", constraint, "columns",
                                String.join(",", columns)));
            }
        }
        if (constraint != null && code == ErrorCode.FOREIGN_KEY_VIOLATION) {
            for (ForeignKey key : table.foreignKeys()) {
                if (key.name().equalsIgnoreCase(constraint)) {
                    return new SentroException(code, String.join(", ", key.columns()) + " of '" + table.name()
                            + "' must name an existing row of '" + key.targetTable() + "' (" + String.join(", ",
                                    key.targetColumns()) + "; foreign key " + key.name() + "), and names none",
                            key.columns().get(0), cause).withExtensions(Map.of("table", table.name(), "constraint",
                                    key.name(), "columns", String.join(",", key.columns())));
                }
            }
            for (Table referencing : model.tables()) {
                for (ForeignKey key : referencing.foreignKeys()) {
                    if (key.name().equalsIgnoreCase(constraint)) {
                        return new SentroException(code, "The row of '" + table.name() + "' is still referenced by "
                                + "rows of '" + referencing.name() + "' (" + referencing.name() + "."
                                + String.join(", ", key.columns()) + "; foreign key " + key.name() + "): change or "
                                + "delete those first", null, cause).withExtensions(Map.of("table", table.name(),
                                        "constraint", key.name(), "referencingTable", referencing.name(),
                                        "referencingColumns", String.join(",", key.columns())));
                    }
                }
            }
        }
        return new SentroException(code, describe(code, table), null, cause);
    }

    /** The columns of the table's unique constraint of that name. */
    private static @Nullable List<String> uniqueKey(Table table, String constraint) {
        for (UniqueConstraint unique : table.uniqueConstraints()) {
            if (unique.name().equalsIgnoreCase(constraint)) {
                return unique.columns();
            }
        }
        return null;
    }

    private static String uniqueColumns(Table table) {
        List<String> sets = new ArrayList<>();
        if (table.hasPrimaryKey()) {
            sets.add(String.join(", ", table.primaryKey()));
        }
        for (UniqueConstraint unique : table.uniqueConstraints()) {
            sets.add(String.join(", ", unique.columns()));
        }
        return String.join("; ", sets);
    }

    private static String foreignKeys(Table table) {
        if (table.foreignKeys().isEmpty()) {
            return "";
        }
        List<String> keys = new ArrayList<>();
        for (ForeignKey key : table.foreignKeys()) {
            keys.add(String.join(", ", key.columns()) + " -> " + key.targetTable() + "("
                    + String.join(", ", key.targetColumns()) + ")");
        }
        return ". Foreign keys: " + String.join("; ", keys);
    }
}
