package io.sentro.spring.plan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.sentro.spring.query.CountMode;
import io.sentro.spring.schema.Column;
import io.sentro.spring.schema.Table;

/**
 * A request checked against the schema: every name resolved to a column, every value converted to its Java type.
 * Only the SQL renderer turns a plan into SQL.
 */
public sealed interface OperationPlan permits OperationPlan.ReadPlan, OperationPlan.GetPlan, OperationPlan.CreatePlan,
        OperationPlan.UpdatePlan, OperationPlan.DeletePlan, OperationPlan.UpdateWherePlan,
        OperationPlan.DeleteWherePlan, OperationPlan.UpsertPlan, AggregatePlan {

    Table table();

    /**
     * List rows: projection, condition, order, page, and how to count; the relations to embed in the rows.
     *
     * @param helpers names of projected columns that embedded relations join on and the response leaves out
     * @param after with a cursor, the values of {@code order}'s columns in the previous page's last row: the page
     * starts after it; null without
     * @param joined the many-to-one relations of {@code embeds} read in the page's own statement (LEFT JOIN), chosen
     * by the runner; empty when each relation is read on its own
     */
    record ReadPlan(Table table, List<Column> projection, Condition condition, List<SortOrder> order, long limit,
            long offset, CountMode count, Set<String> helpers, List<EmbedPlan> embeds, @Nullable List<Object> after,
            List<EmbedPlan> joined) implements OperationPlan {

        public ReadPlan {
            projection = List.copyOf(projection);
            order = List.copyOf(order);
            helpers = Set.copyOf(helpers);
            embeds = List.copyOf(embeds);
            after = after == null ? null : Collections.unmodifiableList(new ArrayList<>(after));
            joined = List.copyOf(joined);
            for (EmbedPlan embed : joined) {
                if (embed.toMany() || embeds.stream().noneMatch(candidate -> candidate == embed)) {
                    throw new IllegalArgumentException("Only embedded many-to-one relations can be joined");
                }
            }
        }

        public ReadPlan(Table table, List<Column> projection, Condition condition, List<SortOrder> order, long limit,
                long offset, CountMode count) {
            this(table, projection, condition, order, limit, offset, count, Set.of(), List.of(), null, List.of());
        }

        /** This plan with these of its many-to-one relations read in its own statement. */
        public ReadPlan withJoined(List<EmbedPlan> joined) {
            return new ReadPlan(table, projection, condition, order, limit, offset, count, helpers, embeds, after,
                    joined);
        }
    }

    /**
     * One row by primary key, when it also meets {@code scope} (the caller's row scope); the relations to embed in
     * it, and the names of projected columns only they need.
     */
    record GetPlan(Table table, Key key, List<Column> projection, Condition scope, Set<String> helpers,
            List<EmbedPlan> embeds) implements OperationPlan {

        public GetPlan {
            projection = List.copyOf(projection);
            helpers = Set.copyOf(helpers);
            embeds = List.copyOf(embeds);
        }

        public GetPlan(Table table, Key key, List<Column> projection, Condition scope) {
            this(table, key, projection, scope, Set.of(), List.of());
        }
    }

    /** Insert rows; each map holds the values given for its row, in body order. */
    record CreatePlan(Table table, List<Map<Column, Object>> rows, boolean many) implements OperationPlan {

        public CreatePlan {
            rows = List.copyOf(rows);
        }
    }

    /**
     * Update one row by key, when it meets {@code scope}. With {@code replace} (PUT) the columns not given are reset to
     * their default or NULL.
     */
    record UpdatePlan(Table table, Key key, Map<Column, Object> values, boolean replace, Condition scope)
            implements OperationPlan {
    }

    /** Delete one row by key, when it meets {@code scope}. */
    record DeletePlan(Table table, Key key, Condition scope) implements OperationPlan {
    }

    /**
     * Set the same values on every row that meets {@code condition} (a bulk PATCH): the request's filters and the
     * caller's row scope; never empty.
     */
    record UpdateWherePlan(Table table, Map<Column, Object> values, Condition condition) implements OperationPlan {

        public UpdateWherePlan {
            values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
            if (condition.isEmpty()) {
                throw new IllegalArgumentException("A bulk update needs a condition");
            }
        }
    }

    /** Delete every row that meets {@code condition} (a bulk DELETE); never empty. */
    record DeleteWherePlan(Table table, Condition condition) implements OperationPlan {

        public DeleteWherePlan {
            if (condition.isEmpty()) {
                throw new IllegalArgumentException("A bulk delete needs a condition");
            }
        }
    }

    /**
     * Insert one row, or, when a row with the same {@code conflict} key exists, update it with the given values
     * ({@code merge}) or leave it as it is.
     *
     * @param conflict the primary key or a unique key, every column of which {@code row} has
     * @param version the table's version column, which a merge increments; null when it has none
     */
    record UpsertPlan(Table table, Map<Column, Object> row, List<Column> conflict, boolean merge,
            @Nullable Column version) implements OperationPlan {

        public UpsertPlan {
            row = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(row));
            conflict = List.copyOf(conflict);
            if (!row.keySet().containsAll(conflict)) {
                throw new IllegalArgumentException("An upserted row needs every column of its conflict key");
            }
        }

        /** The columns a merge sets to the given values: every given column but the key's and the version. */
        public List<Column> updates() {
            return row.keySet().stream().filter(column -> !conflict.contains(column) && !column.equals(version))
                    .toList();
        }

        /** The values of the conflict key, in its order. */
        public Key key() {
            return new Key(conflict, conflict.stream().map(row::get).toList());
        }
    }
}
