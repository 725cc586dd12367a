package io.sentro.spring.plan;

import io.sentro.spring.schema.Table;

/**
 * What the caller may read of other tables than the requested one: those a request embeds or filters by. Asking
 * decides access: a table the caller may not read is a 401/403 problem naming it.
 */
@FunctionalInterface
public interface Grants {

    /** Every table readable in full: for the application's own reads. */
    Grants FULL = table -> Grant.FULL;

    /** No other table: for reads that neither embed nor filter by related rows. */
    Grants NONE = table -> {
        throw new IllegalStateException("This read may not reach table '" + table.name() + "'");
    };

    /** The caller's grant to read {@code table}; throws the access problem when they may not. */
    Grant read(Table table);
}
