package io.sentro.spring.plan;

import io.sentro.spring.schema.Column;

/** One ORDER BY item. */
public record SortOrder(Column column, boolean descending) {
}
