package io.sentro.spring.entities;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One action of a table, run as the REST API runs it ({@code POST {base}/T/{key}/_actions/{id}}): the action's access
 * rule for the caller, its handler in a transaction that a failure rolls back. The result is what the handler
 * answered ({@code success}, {@code message} and its own members).
 */
public final class EntityAction {

    private final Entity entity;
    private final String id;

    EntityAction(Entity entity, String id) {
        this.entity = entity;
        this.id = id;
    }

    /** Runs a detail action on the row with this primary key. */
    public Map<String, @Nullable Object> run(Object key, Map<String, @Nullable Object> input) {
        return entity.runDetailAction(id, List.of(key), input);
    }

    /** Runs a detail action on the row with this composite primary key, values in key order. */
    public Map<String, @Nullable Object> run(List<?> key, Map<String, @Nullable Object> input) {
        return entity.runDetailAction(id, key, input);
    }

    /** Runs a table action on the rows the query's filters select. */
    public Map<String, @Nullable Object> run(Query selection, Map<String, @Nullable Object> input) {
        return entity.runTableAction(id, selection, input);
    }
}
