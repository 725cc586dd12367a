package io.sentro.spring.plan;

import java.util.List;

import io.sentro.spring.schema.Column;

/** A primary key value: the key columns and their converted values, in key order. */
public record Key(List<Column> columns, List<Object> values) {

    public Key {
        columns = List.copyOf(columns);
        values = List.copyOf(values);
    }
}
