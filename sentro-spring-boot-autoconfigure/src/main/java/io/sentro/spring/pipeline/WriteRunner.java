package io.sentro.spring.pipeline;

import java.util.List;
import java.util.Map;

import io.sentro.spring.customize.CallSite;
import io.sentro.spring.customize.Operation;
import io.sentro.spring.customize.Integrations;
import io.sentro.spring.customize.Payload;
import io.sentro.spring.customize.SentroDb;
import io.sentro.spring.events.ChangeEvents;
import io.sentro.spring.execute.SqlExecutor;
import io.sentro.spring.execute.SqlExecutor.UpsertOutcome;
import io.sentro.spring.plan.Grant;
import io.sentro.spring.plan.Grants;
import io.sentro.spring.plan.WriteGrants;
import io.sentro.spring.plan.RowTags;
import io.sentro.spring.plan.WritePlanner;
import io.sentro.spring.query.EntityTags;
import io.sentro.spring.query.ListQuery;
import io.sentro.spring.schema.Table;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Takes each write through the table's pipeline ({@link HookChain}): creates, updates and deletes of one row by key,
 * and bulk writes (PATCH and DELETE on the table with filters, PATCH with an array of keyed objects).
 * <p>
 * A write of one row without hooks is one statement in auto-commit. Everything else runs in one transaction, so that
 * a hook that throws, a row that fails or a bulk write that finds more rows than it may change leaves nothing
 * written. Bulk writes go one of two ways: without hooks for the operation, one UPDATE or DELETE for all the rows
 * (field writers apply to its values once); with hooks, the rows are read and locked first and each goes through the
 * hooks on its own, as a write by key whose {@link Payload#previous()} is the row as it was.
 * <p>
 * The front ends' one entry for writes: each kind is its own class ({@link Creates}, {@link Upserts},
 * {@link KeyedWrites}, {@link BulkWrites}), all writing their rows one by one through {@link RowWrites}.
 */
public final class WriteRunner {

    private final Creates creates;
    private final Upserts upserts;
    private final KeyedWrites keyed;
    private final BulkWrites bulk;

    /**
     * @param maxAffected the most rows a bulk write may change ({@code sentro.writes.max-affected}); a request may ask
     * for fewer with {@code Prefer: max-affected}
     */
    public WriteRunner(CustomizerRegistry registry, WritePlanner planner, SqlExecutor executor, SentroDb db,
            Integrations integrations, long maxAffected) {
        this(registry, planner, executor, db, integrations, maxAffected, new RowTags(null), false);
    }

    /**
     * @param tags tags stored rows, for {@code If-Match} and the {@code ETag} of written rows
     * @param requireIfMatch whether writes of one row by key must carry {@code If-Match}
     * ({@code sentro.concurrency.require-if-match})
     */
    public WriteRunner(CustomizerRegistry registry, WritePlanner planner, SqlExecutor executor, SentroDb db,
            Integrations integrations, long maxAffected, RowTags tags, boolean requireIfMatch) {
        this(registry, planner, executor, db, integrations, maxAffected, tags, requireIfMatch, CommittedHooks.INLINE,
                ChangeEvents.NONE);
    }

    /**
     * @param committed runs the committed hooks of the rows written, once their transaction commits
     * @param events records the change events of the rows written, published once their transaction commits
     */
    public WriteRunner(CustomizerRegistry registry, WritePlanner planner, SqlExecutor executor, SentroDb db,
            Integrations integrations, long maxAffected, RowTags tags, boolean requireIfMatch,
            CommittedHooks committed, ChangeEvents events) {
        RowWrites rows = new RowWrites(planner, executor, db, integrations, tags, committed, events);
        AffectedLimit limit = new AffectedLimit(maxAffected);
        this.creates = new Creates(registry, planner, executor, events, rows);
        this.upserts = new Upserts(registry, planner, executor, rows);
        this.keyed = new KeyedWrites(registry, planner, executor, events, tags, requireIfMatch, rows);
        this.bulk = new BulkWrites(registry, planner, executor, events, rows, limit);
    }

    /**
     * Created rows, whether the client sent an array, the entity tag of a single created row, and how many rows were
     * written in all (with a nested insert's related rows and join rows).
     */
    public record CreateOutcome(List<Map<String, @Nullable Object>> rows, boolean many, @Nullable String tag,
            long written) {

        public CreateOutcome(List<Map<String, @Nullable Object>> rows, boolean many, @Nullable String tag) {
            this(rows, many, tag, rows.size());
        }
    }

    /** An updated row as the response shows it, and the entity tag of the row as stored. */
    public record UpdateOutcome(Map<String, @Nullable Object> row, String tag) {
    }

    /**
     * What a bulk write changed: how many rows, and the rows themselves (as stored after an update, as they were
     * before a delete) unless the client asked for the count alone.
     */
    public record BulkOutcome(List<Map<String, @Nullable Object>> rows, long count) {
    }

    /** How a bulk write answers and how far it may go, from the request's {@code Prefer} header. */
    public record BulkOptions(boolean returning, @Nullable Long maxAffected) {
    }

    // ---- one row ------------------------------------------------------------------------------------------------

    /**
     * {@code POST {base}/T}: one object or an array of objects. Without hooks, field writers or display fields, one
     * statement (multi-row INSERTs for an array); otherwise each row through the CREATE pipeline, all in one
     * transaction. A body with related rows inline ({@code "comments": [...]}) is a nested insert: every row it reaches
     * needs the caller's CREATE right on its table (asked of {@code grants}), and all are created in one transaction.
     *
     * @param grant the caller's CREATE grant on {@code table}
     */
    public CreateOutcome create(Table table, JsonNode body, Grant grant, WriteGrants grants, CallSite call) {
        return creates.create(table, body, grant, other -> other.equals(table) ? grant
                : grants.grant(other, Operation.CREATE), call);
    }

    /**
     * Upserted rows as the response shows them, what was done to each, whether the client sent an array, and the entity
     * tag of a single row.
     */
    public record UpsertOutcomes(List<Map<String, @Nullable Object>> rows, List<UpsertOutcome> outcomes, boolean many,
            @Nullable String tag) {
    }

    /**
     * {@code POST {base}/T} with {@code Prefer: resolution=merge-duplicates} ({@code merge}) or
     * {@code ignore-duplicates}: each row is inserted, or, when a row with its key ({@code onConflict}, else the primary
     * key) exists, that row is updated with the given values or left as it is. All rows in one transaction.
     * <p>
     * Without CREATE hooks (and UPDATE hooks, for a merge), field writers or row scopes, each row is one upsert
     * statement. Otherwise each row's key is looked up under a lock first: a new row goes through the CREATE pipeline,
     * an existing one through the UPDATE pipeline (a merge, with the caller's UPDATE grant, and {@link Payload#previous()}
     * the row as it was) or is left as it is.
     */
    public UpsertOutcomes upsert(Table table, JsonNode body, boolean merge, @Nullable List<String> onConflict,
            Grant grant, WriteGrants grants, CallSite call) {
        // A merge changes existing rows: the caller needs UPDATE on the table as well as CREATE.
        Grant updateGrant = merge ? grants.grant(table, Operation.UPDATE) : null;
        return upserts.upsert(table, body, merge, onConflict, grant, updateGrant, call);
    }

    /**
     * Updates one row (PATCH, or PUT with {@code replace}); 404 when there is none. With {@code ifMatch}, the row is
     * read and locked first, in the write's transaction, and the update goes ahead only if its tag is one of those
     * given: otherwise 412, nothing written.
     */
    public UpdateOutcome update(Table table, List<String> rawKey, JsonNode body, boolean replace,
            @Nullable EntityTags ifMatch, Grant grant, CallSite call) {
        return keyed.update(table, rawKey, body, replace, ifMatch, grant, call);
    }

    /** Deletes one row; 404 when there is none. With {@code ifMatch}, only if its tag matches (else 412). */
    public void delete(Table table, List<String> rawKey, @Nullable EntityTags ifMatch, Grant grant,
            CallSite call) {
        keyed.delete(table, rawKey, ifMatch, grant, call);
    }

    // ---- bulk writes ------------------------------------------------------------------------------------------------

    /**
     * {@code PATCH {base}/T?where...}: sets the values of one JSON object on every row the filters select, within
     * the caller's row scope.
     */
    public BulkOutcome updateWhere(Table table, ListQuery filter, JsonNode body, BulkOptions options, Grant grant,
            Grants grants, CallSite call) {
        return bulk.updateWhere(table, filter, body, options, grant, grants, call);
    }

    /**
     * {@code PATCH {base}/T} with a JSON array of objects, each naming its row by its primary key and carrying the
     * values to set on it: each row gets its own values, all in one transaction; a key that names no row is a 404
     * naming the item, and nothing is written.
     */
    public BulkOutcome updateEach(Table table, JsonNode body, BulkOptions options, Grant grant,
            CallSite call) {
        return bulk.updateEach(table, body, options, grant, call);
    }

    /** {@code DELETE {base}/T?where...}: deletes every row the filters select, within the caller's row scope. */
    public BulkOutcome deleteWhere(Table table, ListQuery filter, BulkOptions options, Grant grant, Grants grants,
            CallSite call) {
        return bulk.deleteWhere(table, filter, options, grant, grants, call);
    }
}
