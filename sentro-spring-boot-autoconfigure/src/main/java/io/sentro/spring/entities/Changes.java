package io.sentro.spring.entities;

import java.util.List;

/**
 * What a write by query changed: how many rows, and the rows (as stored after an update, as they were before a
 * delete).
 *
 * @param rows the rows as the caller may see them
 * @param count how many rows were changed
 */
public record Changes(List<Row> rows, long count) {

    public Changes {
        rows = List.copyOf(rows);
    }
}
