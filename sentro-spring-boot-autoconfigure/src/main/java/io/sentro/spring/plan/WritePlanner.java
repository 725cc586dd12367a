package io.sentro.spring.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.sentro.spring.plan.OperationPlan.CreatePlan;
import io.sentro.spring.plan.OperationPlan.DeletePlan;
import io.sentro.spring.plan.OperationPlan.DeleteWherePlan;
import io.sentro.spring.plan.OperationPlan.UpdatePlan;
import io.sentro.spring.plan.OperationPlan.UpdateWherePlan;
import io.sentro.spring.query.ListQuery;
import io.sentro.spring.schema.Column;
import io.sentro.spring.schema.Table;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Checks write requests against a table and produces write plans: unknown fields, fields the database fills, values
 * that do not convert, values outside the caller's row scope and missing required values are refused here, before any
 * SQL is rendered. Bodies are read into typed rows before the hooks run ({@link #createBody}, {@link #updateBody});
 * the plans are made from what the hooks leave ({@link #create}, {@link #update}).
 * <p>
 * The work is done by the package's classes, one job each: {@link WriteBodies} (JSON bodies), {@link NestedBodies}
 * (bodies with related rows), {@link WritePlans} (the rows an insert, update or upsert stores), {@link WriteColumns}
 * (writable columns and their values), {@link ConflictKeys}, {@link RowScopes} and, for bulk writes, the
 * {@link Conditions} reads use; this class is their entry point.
 */
public final class WritePlanner {

    private final Planner reads;
    private final RowScopes scopes;
    private final WriteBodies bodies;
    private final WritePlans plans;
    private final NestedBodies nested;

    /** @param reads plans the filters of bulk writes and the caller's row scope, as for reads */
    public WritePlanner(ValueConverter values, Planner reads) {
        this(values, reads, new RowTags(null), false);
    }

    /**
     * @param tags knows the version column, which every update increments and no client writes
     * @param roundDecimals whether a decimal with more places than its column keeps is rounded to them
     * ({@code sentro.writes.round-decimals}) rather than refused
     */
    public WritePlanner(ValueConverter values, Planner reads, RowTags tags, boolean roundDecimals) {
        this(values, reads, tags, roundDecimals, 1000);
    }

    /**
     * @param maxRows the most rows one request may write ({@code sentro.writes.max-rows}); a nested insert counts
     * every related row it creates
     */
    public WritePlanner(ValueConverter values, Planner reads, RowTags tags, boolean roundDecimals, int maxRows) {
        this.reads = reads;
        this.scopes = reads.scopes();
        WriteColumns columns = new WriteColumns(values, tags, roundDecimals);
        this.bodies = new WriteBodies(values, columns, scopes);
        this.plans = new WritePlans(values, columns, scopes);
        this.nested = new NestedBodies(bodies, reads.related(), reads.projections(), maxRows);
    }

    /** The caller's row scope on a table, as a condition (see {@link Planner#scope}). */
    public Condition scope(Table table, Grant grant) {
        return scopes.scope(table, grant);
    }

    /** The typed key of a row from the path's raw values. */
    public Key key(Table table, List<String> rawKey) {
        return reads.key(table, rawKey);
    }

    /** The rows of a create body: a JSON object (one row) or a JSON array of objects (several rows). */
    public record BodyRows(List<Map<String, @Nullable Object>> rows, boolean many) {
    }

    /**
     * Reads a create body into rows of typed values keyed by column name. Unknown fields, fields the database fills
     * and values that do not convert are refused here, before any hook runs.
     */
    public BodyRows createBody(Table table, JsonNode given, Grant grant) {
        return reads.planned("create", table, () -> bodies.create(table, nested.withoutEmptyRelations(table, given),
                grant));
    }

    /**
     * Whether a create body carries related rows inline: an object with a field that names a relation of the table
     * rather than a column ({@code "comments": [...]} on a post).
     */
    public boolean hasNestedRows(Table table, JsonNode body) {
        return nested.hasNestedRows(table, body);
    }

    /**
     * Reads the body of a nested insert: each row with its own typed values and its related rows, checked against the
     * model and the caller's CREATE grant on every table it reaches ({@code createGrants}, which throws the access
     * problem for a table the caller may not create in), before anything is written.
     */
    public NestedRow.Body nestedBody(Table table, JsonNode body, Grant grant,
            java.util.function.Function<Table, Grant> createGrants) {
        return reads.planned("nested_create", table, () -> nested.read(table, body, grant, createGrants));
    }

    /**
     * Reads an update body (a JSON object) into typed values keyed by column name. For a PUT, {@code replacedKey} is
     * the key in the path: a key column in the body may repeat it (as a row read with GET has it), even when the
     * database assigns that column, but may not differ from it.
     */
    public Map<String, @Nullable Object> updateBody(Table table, JsonNode body, @Nullable Key replacedKey,
            Grant grant) {
        return reads.planned("update", table, () -> bodies.update(table, body, replacedKey, grant));
    }

    /**
     * Plans the insert of rows whose values may come from the client or from hooks: each value is converted to its
     * column's type and every required column must have one.
     */
    public CreatePlan create(Table table, List<Map<String, @Nullable Object>> rows, boolean many, Grant grant) {
        List<Map<Column, Object>> planned = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            planned.add(plans.createRow(table, rows.get(i), many ? "[" + i + "]." : "", grant));
        }
        return new CreatePlan(table, planned, many);
    }

    /**
     * Plans the insert of one row of a body with many ({@code prefix} names it in errors: {@code [2].},
     * {@code comments[1].}).
     */
    public CreatePlan create(Table table, Map<String, @Nullable Object> row, String prefix, Grant grant) {
        return new CreatePlan(table, List.of(plans.createRow(table, row, prefix, grant)), false);
    }

    /** Plans a partial update (PATCH) or a full replacement (PUT) of one row. */
    public UpdatePlan update(Table table, Key key, Map<String, @Nullable Object> values, boolean replace,
            Grant grant) {
        return update(table, key, values, replace, grant, "");
    }

    /** As {@link #update(Table, Key, Map, boolean, Grant)}; {@code prefix} names a bulk item in errors ({@code [2].}). */
    public UpdatePlan update(Table table, Key key, Map<String, @Nullable Object> values, boolean replace,
            Grant grant, String prefix) {
        return plans.update(table, key, values, replace, grant, prefix);
    }

    public DeletePlan delete(Table table, Key key, Grant grant) {
        return new DeletePlan(table, key, scopes.scope(table, grant));
    }

    // ---- upserts ---------------------------------------------------------------------------------------------------

    /**
     * The key an upsert conflicts on: the primary key without {@code on_conflict}, else the primary or unique key
     * whose columns it names (in any order). Anything else is a 400 naming {@code on_conflict} and the table's keys.
     */
    public List<Column> conflictKey(Table table, @Nullable List<String> onConflict) {
        return ConflictKeys.conflictKey(table, onConflict);
    }

    /**
     * Plans the upsert of one row (values from the client or hooks, as for a create): converted, held to the row
     * scope, the required columns given, and every column of the conflict key given ({@code prefix} names the item of
     * an array in errors).
     */
    public OperationPlan.UpsertPlan upsert(Table table, Map<String, @Nullable Object> row, List<Column> conflict,
            boolean merge, Grant grant, String prefix) {
        return plans.upsert(table, row, conflict, merge, grant, prefix);
    }

    // ---- bulk writes --------------------------------------------------------------------------------------------

    /**
     * The rows a bulk PATCH or DELETE changes: the list's filters, OR groups, search and related-row filters, and the
     * caller's row scope. A request that filters nothing is refused: "change every row" is never what a client
     * that forgot a parameter meant.
     */
    public Condition bulkCondition(Table table, ListQuery filter, Grant grant, Grants grants) {
        return reads.planned("bulk", table, () -> reads.conditions().bulk(table, filter, grant, grants));
    }

    /** Sets the same values on every row that meets {@code condition}; the values are held to the row scope. */
    public UpdateWherePlan updateWhere(Table table, Condition condition, Map<String, @Nullable Object> values,
            Grant grant) {
        return plans.updateWhere(table, condition, values, grant);
    }

    /** Deletes every row that meets {@code condition}. */
    public DeleteWherePlan deleteWhere(Table table, Condition condition) {
        return new DeleteWherePlan(table, condition);
    }

    /** One object of a PATCH with an array body: the row its key columns name, and the values to set on it. */
    public record KeyedValues(Key key, Map<String, @Nullable Object> values, String prefix) {
    }

    /**
     * Reads a PATCH body that is an array of objects, each naming its row by its primary key columns and carrying the
     * values to set on it. Mistakes name the item: {@code [2].id}.
     */
    public List<KeyedValues> keyedUpdates(Table table, JsonNode body, Grant grant) {
        return bodies.keyed(table, body, grant);
    }
}
