package io.sentro.spring.execute;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One page of rows and, when counted, the total number of matching rows.
 *
 * @param totalIsEstimate whether {@code total} is the database's estimate rather than a count
 * @param next when more rows follow, the last row's values of the page's sort columns (for the next cursor); null
 * on the last page
 */
public record RowPage(List<Map<String, @Nullable Object>> rows, @Nullable Long total, boolean totalIsEstimate,
        long limit, long offset, @Nullable List<Object> next) {
}
