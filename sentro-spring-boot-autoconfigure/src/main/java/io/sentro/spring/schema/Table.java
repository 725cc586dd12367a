package io.sentro.spring.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * A table or view as Sentro serves it.
 *
 * @param name the name in URLs: the table name, or {@code schema.table} when several exposed schemas share it
 * @param schema the schema (PostgreSQL/SQL Server) or database (MySQL) it lives in
 * @param tableName the table's own name in the database
 * @param view whether it is a view
 * @param columns its columns in ordinal order
 * @param primaryKey the primary key's column names in key order; empty when it has none
 * @param uniqueConstraints unique constraints other than the primary key
 * @param foreignKeys foreign keys from this table
 * @param insertable whether rows may be created through the API
 * @param updatable whether rows may be updated through the API (needs a primary key)
 * @param deletable whether rows may be deleted through the API (needs a primary key)
 * @param comment the table comment, if any
 */
public record Table(String name, String schema, String tableName, boolean view, List<Column> columns,
        List<String> primaryKey, List<UniqueConstraint> uniqueConstraints, List<ForeignKey> foreignKeys,
        boolean insertable, boolean updatable, boolean deletable, @Nullable String comment) {

    public Table {
        columns = List.copyOf(columns);
        primaryKey = List.copyOf(primaryKey);
        uniqueConstraints = List.copyOf(uniqueConstraints);
        foreignKeys = List.copyOf(foreignKeys);
    }

    public Optional<Column> column(String columnName) {
        for (Column column : columns) {
            if (column.name().equals(columnName)) {
                return Optional.of(column);
            }
        }
        return Optional.empty();
    }

    public boolean hasPrimaryKey() {
        return !primaryKey.isEmpty();
    }

    public List<Column> primaryKeyColumns() {
        List<Column> keyColumns = new ArrayList<>(primaryKey.size());
        for (String keyColumn : primaryKey) {
            keyColumns.add(column(keyColumn).orElseThrow());
        }
        return keyColumns;
    }

    /** Whether the API accepts any write to this table. */
    public boolean writable() {
        return insertable || updatable || deletable;
    }

    /** This table with the named column, if it has one, written by Sentro rather than clients. */
    public Table withManagedColumn(String columnName) {
        if (column(columnName).isEmpty()) {
            return this;
        }
        List<Column> managed = columns.stream().map(column -> column.name().equals(columnName) ? column.asManaged()
                : column).toList();
        return new Table(name, schema, tableName, view, managed, primaryKey, uniqueConstraints, foreignKeys,
                insertable, updatable, deletable, comment);
    }

    public Table withName(String apiName) {
        return new Table(apiName, schema, tableName, view, columns, primaryKey, uniqueConstraints, foreignKeys,
                insertable, updatable, deletable, comment);
    }

    /** This table with every write refused, as configured by {@code sentro.read-only}. */
    public Table asReadOnly() {
        return new Table(name, schema, tableName, view, columns, primaryKey, uniqueConstraints, foreignKeys,
                false, false, false, comment);
    }
}
