package io.sentro.spring.plan;

import io.sentro.spring.customize.Operation;
import io.sentro.spring.schema.Table;

/**
 * What the caller may do to the tables a write reaches beyond its own operation on its own table: a nested insert's
 * related rows need CREATE on their tables, an upsert that merges needs UPDATE as well as CREATE. The engine decides
 * which it needs and asks; each front end answers for its caller (the REST request's, or the entity API's).
 */
@FunctionalInterface
public interface WriteGrants {

    /** The caller's grant of {@code operation} on {@code table}; throws the access problem when they may not. */
    Grant grant(Table table, Operation operation);
}
