package io.sentro.spring.schema;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The exposed part of the database, built once at start-up and never changed: a reload builds a new model.
 * Tables are looked up by their API name.
 */
public final class SchemaModel {

    private final Map<String, Table> tables;

    private SchemaModel(Map<String, Table> tables) {
        this.tables = tables;
    }

    /**
     * Builds a model from introspected tables, giving each its API name: the bare table name, or
     * {@code schema.table} when the same name exists in more than one of the exposed schemas.
     */
    public static SchemaModel of(Collection<Table> introspected) {
        Map<String, Integer> nameCounts = new HashMap<>();
        for (Table table : introspected) {
            nameCounts.merge(table.tableName(), 1, Integer::sum);
        }
        Map<String, Table> byName = new LinkedHashMap<>();
        for (Table table : introspected) {
            String apiName = nameCounts.get(table.tableName()) > 1 ? table.schema() + "." + table.tableName()
                    : table.tableName();
            byName.put(apiName, table.withName(apiName));
        }
        return new SchemaModel(byName);
    }

    public Optional<Table> table(String name) {
        return Optional.ofNullable(tables.get(name));
    }

    public List<Table> tables() {
        return new ArrayList<>(tables.values());
    }

    /** Models are equal when they serve the same tables, in the same order, with the same columns and keys. */
    @Override
    public boolean equals(Object other) {
        return other instanceof SchemaModel model && List.copyOf(tables.values()).equals(List.copyOf(model.tables.values()));
    }

    @Override
    public int hashCode() {
        return tables.keySet().hashCode();
    }

    /** The table a foreign key points at, when that table is exposed. */
    public Optional<Table> target(ForeignKey foreignKey) {
        for (Table table : tables.values()) {
            if (table.schema().equals(foreignKey.targetSchema()) && table.tableName().equals(foreignKey.targetTable())) {
                return Optional.of(table);
            }
        }
        return Optional.empty();
    }
}
