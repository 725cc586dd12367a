package io.sentro.spring.dialect;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * The parts of an upsert, quoted, for a dialect to put together ({@link SqlDialect#upsert}): insert {@code columns}
 * (one {@code ?} each, in order) into {@code table}; on a conflict on {@code conflict}, set {@code updates} to the
 * inserted values and add one to {@code incremented} (the version column, or null) when {@code merge}, else leave the
 * existing row; return {@code returning}.
 */
public record UpsertStatement(String table, List<String> columns, List<String> conflict, List<String> updates,
        @org.jspecify.annotations.Nullable String incremented, boolean merge, List<String> returning) {

    public UpsertStatement {
        columns = List.copyOf(columns);
        conflict = List.copyOf(conflict);
        updates = List.copyOf(updates);
        returning = List.copyOf(returning);
    }

    /** How a dialect's upsert says whether it inserted, updated or left the row. */
    public enum Outcome {
        /** A last result column, true when the row was inserted (PostgreSQL: {@code xmax = 0}); no row when ignored. */
        INSERTED_COLUMN {
            @Override
            public boolean inserted(ResultSet resultSet, int columns) throws SQLException {
                return resultSet.getBoolean(columns + 1);
            }
        },
        /** A first result column, {@code INSERT} or {@code UPDATE} (SQL Server's MERGE {@code $action}). */
        ACTION_COLUMN {
            @Override
            public int rowOffset() {
                return 1;
            }

            @Override
            public boolean inserted(ResultSet resultSet, int columns) throws SQLException {
                return "INSERT".equalsIgnoreCase(resultSet.getString(1));
            }
        },
        /** Nothing: the statement returns no rows, only its update count (MySQL, MariaDB). */
        UPDATE_COUNT;

        /** How many result columns come before the row's own: the action column, when it comes first. */
        public int rowOffset() {
            return 0;
        }

        /**
         * Whether the current result row of the upsert was inserted (else updated), read from the column that says
         * so; the row's own columns are {@code columns} many. Only for an outcome reported in the rows.
         */
        public boolean inserted(ResultSet resultSet, int columns) throws SQLException {
            throw new IllegalStateException(name() + " reports no outcome in the rows");
        }
    }
}
