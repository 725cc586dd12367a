package io.sentro.spring.introspect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.sentro.spring.schema.Column;
import io.sentro.spring.schema.ForeignKey;
import io.sentro.spring.schema.Table;
import io.sentro.spring.schema.UniqueConstraint;

import org.jspecify.annotations.Nullable;

/** Collects what the catalog queries say about one table, then freezes it into a {@link Table}. */
final class TableBuilder {

    final String schema;
    final String name;
    final boolean view;
    final boolean insertable;
    final boolean updatable;
    final boolean deletable;
    final @Nullable String comment;
    final List<Column> columns = new ArrayList<>();
    final List<String> primaryKey = new ArrayList<>();
    final Map<String, List<String>> uniques = new LinkedHashMap<>();
    final Map<String, ForeignKeyParts> foreignKeys = new LinkedHashMap<>();

    TableBuilder(String schema, String name, boolean view, boolean insertable, boolean updatable, boolean deletable,
            @Nullable String comment) {
        this.schema = schema;
        this.name = name;
        this.view = view;
        this.insertable = insertable;
        this.updatable = updatable;
        this.deletable = deletable;
        this.comment = comment == null || comment.isBlank() ? null : comment;
    }

    void addUniqueColumn(String constraint, String column) {
        uniques.computeIfAbsent(constraint, key -> new ArrayList<>()).add(column);
    }

    void addForeignKeyColumn(String constraint, String column, String targetSchema, String targetTable,
            String targetColumn) {
        ForeignKeyParts parts = foreignKeys.computeIfAbsent(constraint,
                key -> new ForeignKeyParts(targetSchema, targetTable, new ArrayList<>(), new ArrayList<>()));
        parts.columns.add(column);
        parts.targetColumns.add(targetColumn);
    }

    Table build() {
        List<UniqueConstraint> uniqueConstraints = new ArrayList<>();
        uniques.forEach((constraint, cols) -> {
            if (!cols.equals(primaryKey)) {
                uniqueConstraints.add(new UniqueConstraint(constraint, cols));
            }
        });
        List<ForeignKey> keys = new ArrayList<>();
        foreignKeys.forEach((constraint, parts) -> keys.add(new ForeignKey(constraint, parts.columns,
                parts.targetSchema, parts.targetTable, parts.targetColumns)));
        return new Table(name, schema, name, view, columns, primaryKey, uniqueConstraints, keys, insertable,
                updatable, deletable, comment);
    }

    static String key(String schema, String table) {
        return schema + "\u0000" + table;
    }

    record ForeignKeyParts(String targetSchema, String targetTable, List<String> columns, List<String> targetColumns) {
    }

    /** {@code ?, ?, ?} for an IN list of the given size. */
    static String placeholders(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }
}
