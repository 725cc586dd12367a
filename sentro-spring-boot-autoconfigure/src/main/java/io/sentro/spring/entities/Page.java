package io.sentro.spring.entities;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A page of rows, as a list request of the HTTP API answers it: {@link Row}s, or records of the application's.
 *
 * @param <T> the type of a row
 * @param rows the rows
 * @param total how many rows match, per the count mode; null when not counted
 * @param totalIsEstimate whether {@code total} is the database's estimate
 * @param limit the page size it was read with
 * @param offset the rows skipped
 * @param next the cursor of the next page, for {@link Query#after}; null on the last page
 */
public record Page<T>(List<T> rows, @Nullable Long total, boolean totalIsEstimate, long limit, long offset,
        @Nullable String next) {

    public Page {
        rows = List.copyOf(rows);
    }
}
