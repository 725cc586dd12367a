package io.sentro.spring.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

import java.util.List;

import io.sentro.spring.schema.Column;
import io.sentro.spring.schema.Table;

/** A primary key value: the key columns and their converted values, in key order. */
public record Key(List<Column> columns, List<Object> values) {

    public Key {
        columns = List.copyOf(columns);
        values = List.copyOf(values);
    }

    /** The key of a row read whole: its primary key columns' values. */
    public static Key of(Table table, Map<String, ?> row) {
        List<Object> values = new ArrayList<>(table.primaryKey().size());
        for (Column column : table.primaryKeyColumns()) {
            values.add(java.util.Objects.requireNonNull(row.get(column.name()), "a key column is null"));
        }
        return new Key(table.primaryKeyColumns(), values);
    }

    /** Column name to value, in key order: how hooks see a key. */
    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            map.put(columns.get(i).name(), values.get(i));
        }
        return map;
    }
}
