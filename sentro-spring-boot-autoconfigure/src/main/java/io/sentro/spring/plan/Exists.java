package io.sentro.spring.plan;

import org.jspecify.annotations.Nullable;

import io.sentro.spring.schema.Relation;
import io.sentro.spring.schema.Table;

/**
 * A filter on related rows ({@code where.posts.status.eq=published}): the row has at least one related row that
 * meets {@code condition}. Rendered as {@code EXISTS}.
 *
 * @param relation the relation from the filtered table
 * @param target the related table
 * @param through the join table of a many-to-many, or null
 * @param condition what the related row must meet, the caller's row scope on it included
 * @param throughScope the caller's row scope on the join table
 */
public record Exists(Relation relation, Table target, @Nullable Table through, Condition condition,
        Condition throughScope) {
}
