package io.sentro.spring.execute;

import java.util.ArrayList;
import java.util.List;

import io.sentro.spring.error.ErrorCode;
import io.sentro.spring.schema.ForeignKey;
import io.sentro.spring.schema.Table;
import io.sentro.spring.schema.UniqueConstraint;

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
