package io.sentro.spring.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import io.sentro.spring.customize.CallSite;
import io.sentro.spring.customize.HookContext;
import io.sentro.spring.customize.Integrations;
import io.sentro.spring.customize.Operation;
import io.sentro.spring.customize.OperationResult;
import io.sentro.spring.customize.Payload;
import io.sentro.spring.customize.SentroDb;
import io.sentro.spring.error.ErrorCode;
import io.sentro.spring.error.SentroException;
import io.sentro.spring.events.ChangeEvents;
import io.sentro.spring.execute.SqlExecutor;
import io.sentro.spring.execute.SqlExecutor.Upserted;
import io.sentro.spring.execute.SqlExecutor.UpsertOutcome;
import io.sentro.spring.execute.SqlExecutor.Written;
import io.sentro.spring.plan.Condition;
import io.sentro.spring.plan.Grant;
import io.sentro.spring.plan.Grants;
import io.sentro.spring.plan.Key;
import io.sentro.spring.plan.NestedRow;
import io.sentro.spring.plan.OperationPlan.CreatePlan;
import io.sentro.spring.plan.OperationPlan.UpsertPlan;
import io.sentro.spring.plan.RowTags;
import io.sentro.spring.plan.WritePlanner;
import io.sentro.spring.plan.WritePlanner.BodyRows;
import io.sentro.spring.plan.WritePlanner.KeyedValues;
import io.sentro.spring.query.EntityTags;
import io.sentro.spring.query.ListQuery;
import io.sentro.spring.schema.Column;
import io.sentro.spring.pipeline.RowWrites.WrittenRow;
import io.sentro.spring.schema.Table;

import org.jspecify.annotations.Nullable;
import org.springframework.transaction.support.TransactionSynchronizationManager;
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
 */
public final class WriteRunner {

    private final CustomizerRegistry registry;
    private final WritePlanner planner;
    private final SqlExecutor executor;
    private final SentroDb db;
    private final Integrations integrations;
    private final long maxAffected;
    private final RowTags tags;
    private final boolean requireIfMatch;
    private final RowWrites rows;
    private final NestedCreates nested;
    private final ChangeEvents events;

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
        this.events = events;
        this.tags = tags;
        this.requireIfMatch = requireIfMatch;
        if (maxAffected < 1) {
            throw new IllegalArgumentException("sentro.writes.max-affected must be 1 or more, not " + maxAffected);
        }
        this.registry = registry;
        this.planner = planner;
        this.executor = executor;
        this.db = db;
        this.integrations = integrations;
        this.maxAffected = maxAffected;
        this.rows = new RowWrites(planner, executor, db, integrations, tags, committed, events);
        this.nested = new NestedCreates(registry, rows);
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

    /** {@code POST {base}/T} without related rows: see {@link #create(Table, JsonNode, Grant, Function, HttpServletRequest)}. */
    public CreateOutcome create(Table table, JsonNode body, Grant grant, CallSite call) {
        return create(table, body, grant, other -> {
            throw new IllegalStateException("This create may not reach table '" + other.name() + "'");
        }, call);
    }

    /**
     * {@code POST {base}/T}: one object or an array of objects. Without hooks, field writers or display fields, one
     * statement (multi-row INSERTs for an array); otherwise each row through the CREATE pipeline, all in one
     * transaction. A body with related rows inline ({@code "comments": [...]}) is a nested insert: every row it reaches
     * needs the caller's CREATE right on its table ({@code createGrants}), and all are created in one transaction.
     */
    public CreateOutcome create(Table table, JsonNode body, Grant grant, Function<Table, Grant> createGrants,
            CallSite call) {
        TablePipeline pipeline = registry.pipeline(table);
        refuseDisplayFields(pipeline, body.isArray() ? body.values() : List.of(body));
        if (planner.hasNestedRows(table, body)) {
            NestedRow.Body nestedBody = planner.nestedBody(table, body, grant, createGrants);
            return inTransaction(table, () -> {
                List<Map<String, @Nullable Object>> created = new ArrayList<>(nestedBody.rows().size());
                String tag = null;
                for (NestedRow row : nestedBody.rows()) {
                    NestedCreates.Created one = nested.create(row, call);
                    created.add(one.shown());
                    tag = one.tag();
                }
                return new CreateOutcome(created, nestedBody.many(), nestedBody.many() ? null : tag,
                        nestedBody.rows().stream().mapToLong(NestedRow::rowCount).sum());
            });
        }
        BodyRows bodyRows = planner.createBody(table, body, grant);
        if (!HookChain.hasHooks(pipeline, Operation.CREATE) && pipeline.fieldWriters().isEmpty()
                && !pipeline.hasDisplayFields()) {
            CreatePlan plan = planner.create(table, bodyRows.rows(), bodyRows.many(), grant);
            List<Map<String, @Nullable Object>> created;
            try {
                created = events.enabled(table) ? createRecorded(pipeline, plan) : executor.create(plan);
            }
            catch (SentroException ex) {
                throw bodyRows.many() ? culprit(plan, ex) : ex;
            }
            String tag = bodyRows.many() ? null : rows.tag(table, created.get(0), grant);
            return new CreateOutcome(grant.strip(created), bodyRows.many(), tag);
        }
        return inTransaction(table, () -> {
            List<Map<String, @Nullable Object>> created = new ArrayList<>();
            String tag = null;
            for (int i = 0; i < bodyRows.rows().size(); i++) {
                WrittenRow written = rows.create(pipeline, bodyRows.rows().get(i), bodyRows.many() ? "[" + i + "]." : "",
                        grant, call);
                if (written.shown() != null) {
                    created.add(written.shown());
                }
                tag = written.tag();
            }
            return new CreateOutcome(grant.strip(created), bodyRows.many(), bodyRows.many() ? null : tag);
        });
    }

    /**
     * One statement; with change events, in a transaction with them (a create has no row before). When the
     * transaction is this write's own, nothing follows the last event, which may then carry the COMMIT
     * ({@link ChangeEvents#recordEnding}).
     */
    private List<Map<String, @Nullable Object>> createRecorded(TablePipeline pipeline, CreatePlan plan) {
        boolean own = !TransactionSynchronizationManager.isActualTransactionActive();
        return inTransaction(plan.table(), () -> {
            List<Map<String, @Nullable Object>> created = executor.create(plan);
            String principal = ChangeEvents.principal();
            for (int i = 0; i < created.size(); i++) {
                if (own && i == created.size() - 1) {
                    events.recordEnding(pipeline.table(), "create", null, created.get(i), principal);
                }
                else {
                    events.record(pipeline.table(), "create", null, created.get(i), principal);
                }
            }
            return created;
        });
    }

    /**
     * The same refusal, naming the row of the array that caused it ({@code [3].email}). A multi-row INSERT that the
     * database refuses (a duplicate key, a missing referenced row, a CHECK) does not say which row it choked on, so
     * the rows are inserted again one by one, in a transaction that is always rolled back, until one fails. Only a
     * failing request pays for it, and it writes nothing either way.
     */
    private SentroException culprit(CreatePlan plan, SentroException failure) {
        if (failure.status() >= 500 || failure.getCause() == null || plan.rows().size() < 2) {
            return failure;
        }
        try {
            inTransaction(plan.table(), () -> {
                for (int i = 0; i < plan.rows().size(); i++) {
                    try {
                        executor.create(new CreatePlan(plan.table(), List.of(plan.rows().get(i)), false));
                    }
                    catch (SentroException rowFailure) {
                        throw rowFailure.atPath("[" + i + "].");
                    }
                }
                throw new ReplayRolledBack();
            });
        }
        catch (ReplayRolledBack ex) {
            return failure; // no row fails alone (a concurrent write has gone since): the refusal as it was
        }
        catch (SentroException located) {
            return located;
        }
        return failure;
    }

    /** Rolls back a replay in which every row went in. */
    private static final class ReplayRolledBack extends RuntimeException {

        ReplayRolledBack() {
            super(null, null, false, false);
        }
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
     * an existing one through the UPDATE pipeline (a merge, with {@code updateGrant}, and {@link Payload#previous()}
     * the row as it was) or is left as it is.
     */
    public UpsertOutcomes upsert(Table table, JsonNode body, boolean merge, @Nullable List<String> onConflict,
            Grant grant, @Nullable Grant updateGrant, CallSite call) {
        TablePipeline pipeline = registry.pipeline(table);
        refuseDisplayFields(pipeline, body.isArray() ? body.values() : List.of(body));
        if (planner.hasNestedRows(table, body)) {
            throw new SentroException(ErrorCode.INVALID_BODY, "An upsert writes rows of '" + table.name() + "' alone: "
                    + "related rows inline are for creates (POST without Prefer: resolution)", "body");
        }
        BodyRows bodyRows = planner.createBody(table, body, grant);
        List<Column> conflict = planner.conflictKey(table, onConflict);
        Grant mergeGrant = updateGrant != null ? updateGrant : grant;
        boolean rowByRow = hasHooks(pipeline, Operation.CREATE) || (merge && hasHooks(pipeline, Operation.UPDATE))
                || !pipeline.fieldWriters().isEmpty() || grant.scoped() || mergeGrant.scoped();
        String[] tag = new String[1];
        return inTransaction(table, () -> {
            List<Map<String, @Nullable Object>> upserted = new ArrayList<>(bodyRows.rows().size());
            List<UpsertOutcome> outcomes = new ArrayList<>(bodyRows.rows().size());
            for (int i = 0; i < bodyRows.rows().size(); i++) {
                Map<String, @Nullable Object> row = bodyRows.rows().get(i);
                String prefix = bodyRows.many() ? "[" + i + "]." : "";
                UpsertPlan plan = planner.upsert(table, row, conflict, merge, grant, prefix);
                if (!rowByRow) {
                    Upserted one = RowWrites.atPath(prefix, () -> executor.upsert(plan));
                    tag[0] = rows.tag(table, one.row(), grant);
                    upserted.add(one.outcome() == UpsertOutcome.IGNORED ? rows.asRead(pipeline, one.row(), call)
                            : rows.shaped(pipeline, one.row()));
                    outcomes.add(one.outcome());
                    continue;
                }
                Map<String, @Nullable Object> existing = executor.lockWhere(table, plan.key()).orElse(null);
                Map<String, @Nullable Object> changes = new java.util.LinkedHashMap<>(row);
                conflict.forEach(column -> changes.remove(column.name()));
                if (existing == null) {
                    WrittenRow created = rows.create(pipeline, row, prefix, grant, call);
                    tag[0] = created.tag();
                    // Rows and outcomes stay aligned: a row an after hook took out shows as {}.
                    upserted.add(created.shownOrEmpty());
                    outcomes.add(UpsertOutcome.CREATED);
                }
                else if (merge && !changes.isEmpty()) {
                    WrittenRow updated = rows.update(pipeline, Key.of(table, existing), changes, false, existing, prefix,
                            mergeGrant, call, () -> new SentroException(ErrorCode.FORBIDDEN, "The row of '"
                                    + table.name() + "' with this key is outside your row scope: you may not update it",
                                    prefix.isEmpty() ? null : prefix + conflict.get(0).name()));
                    tag[0] = updated.tag();
                    upserted.add(updated.shownOrEmpty());
                    outcomes.add(UpsertOutcome.UPDATED);
                }
                else {
                    tag[0] = rows.tag(table, existing, grant);
                    upserted.add(rows.asRead(pipeline, existing, call));
                    outcomes.add(UpsertOutcome.IGNORED);
                }
            }
            return new UpsertOutcomes(grant.strip(upserted), outcomes, bodyRows.many(),
                    bodyRows.many() ? null : tag[0]);
        });
    }

    /**
     * Updates one row (PATCH, or PUT with {@code replace}); 404 when there is none. With {@code ifMatch}, the row is
     * read and locked first, in the write's transaction, and the update goes ahead only if its tag is one of those
     * given: otherwise 412, nothing written.
     */
    public UpdateOutcome update(Table table, List<String> rawKey, JsonNode body, boolean replace,
            @Nullable EntityTags ifMatch, Grant grant, CallSite call) {
        TablePipeline pipeline = registry.pipeline(table);
        refuseDisplayFields(pipeline, List.of(body));
        Key key = planner.key(table, rawKey);
        Map<String, @Nullable Object> values = planner.updateBody(table, body, replace ? key : null, grant);
        requireIfMatch(ifMatch, table, replace ? "PUT" : "PATCH");
        return writeByKey(pipeline, Operation.UPDATE, ifMatch, () -> {
            Map<String, @Nullable Object> previous = ifMatch != null ? precondition(table, key, ifMatch, grant)
                    : previousIfNeeded(pipeline, Operation.UPDATE, key, grant);
            WrittenRow updated = rows.update(pipeline, key, values, replace, previous, "", grant, call,
                    () -> notFound(table));
            if (updated.shown() == null) {
                throw notFound(table); // an after hook took it out of the result
            }
            return new UpdateOutcome(grant.strip(updated.shown()), updated.tag());
        });
    }

    /** Deletes one row; 404 when there is none. With {@code ifMatch}, only if its tag matches (else 412). */
    public void delete(Table table, List<String> rawKey, @Nullable EntityTags ifMatch, Grant grant,
            CallSite call) {
        TablePipeline pipeline = registry.pipeline(table);
        Key key = planner.key(table, rawKey);
        requireIfMatch(ifMatch, table, "DELETE");
        writeByKey(pipeline, Operation.DELETE, ifMatch, () -> {
            // Committed hooks get the row as it was: read it, under a lock, when If-Match did not already.
            Map<String, @Nullable Object> previous = ifMatch != null ? precondition(table, key, ifMatch, grant)
                    : previousIfNeeded(pipeline, Operation.DELETE, key, grant);
            rows.delete(pipeline, key, previous, grant, call);
            return null;
        });
    }

    /**
     * A write of one row by key runs in a transaction when the table has hooks for it (what they write commits or
     * rolls back with the row) or when it carries If-Match (the row stays locked from the check to the write).
     * Otherwise it is a single statement, atomic by itself, in auto-commit: no BEGIN and COMMIT round trips.
     */
    private <T> T writeByKey(TablePipeline pipeline, Operation operation, @Nullable EntityTags ifMatch,
            Supplier<T> work) {
        return hasHooks(pipeline, operation) || ifMatch != null ? inTransaction(pipeline.table(), work) : work.get();
    }

    private void requireIfMatch(@Nullable EntityTags ifMatch, Table table, String method) {
        if (ifMatch == null && requireIfMatch) {
            throw new SentroException(ErrorCode.PRECONDITION_REQUIRED, "A " + method + " of a row of '" + table.name()
                    + "' must say which version of the row it changes: send If-Match with the ETag of a GET of it "
                    + "(sentro.concurrency.require-if-match)", "If-Match");
        }
    }

    /**
     * The row as stored, locked, if its tag is one {@code ifMatch} names; 404 when no row has the key (or the caller's
     * scope hides it), 412 with the current {@code ETag} when it has changed.
     */
    private Map<String, @Nullable Object> precondition(Table table, Key key, EntityTags ifMatch, Grant grant) {
        Map<String, @Nullable Object> row = executor.lockByKey(table, key, planner.scope(table, grant))
                .orElseThrow(() -> notFound(table));
        String current = tags.tag(table, row, grant);
        if (!ifMatch.matchesStrongly(current)) {
            throw new SentroException(ErrorCode.PRECONDITION_FAILED, "The row of '" + table.name() + "' has changed "
                    + "since the version If-Match names: it is now " + current + ". Read it again, and send its new "
                    + "ETag", "If-Match").withHeaders(Map.of("ETag", current));
        }
        return row;
    }

    // ---- bulk writes ----------------------------------------------------------------------------------------------

    /**
     * {@code PATCH {base}/T?where...}: sets the values of one JSON object on every row the filters select, within
     * the caller's row scope.
     */
    public BulkOutcome updateWhere(Table table, ListQuery filter, JsonNode body, BulkOptions options, Grant grant,
            Grants grants, CallSite call) {
        TablePipeline pipeline = registry.pipeline(table);
        OperationRunner.refuseDisplayFieldFilters(pipeline, filter);
        Condition condition = planner.bulkCondition(table, filter, grant, grants);
        if (!body.isObject()) {
            throw new SentroException(ErrorCode.INVALID_BODY, "A PATCH with filters takes one JSON object: the values "
                    + "to set on every row the filters match (an array of objects, each with its key, takes no "
                    + "filters)", "body");
        }
        refuseDisplayFields(pipeline, List.of(body));
        Map<String, @Nullable Object> values = planner.updateBody(table, body, null, grant);
        long max = maxAffected(options, table, "PATCH");
        return inTransaction(table, () -> {
            if (!hasHooks(pipeline, Operation.UPDATE)) {
                HookContext context = rows.context(Operation.UPDATE, table, call);
                long[] count = new long[1];
                // No hooks: the chain only applies the field writers to the values, once for every row.
                OperationResult result = HookChain.run(pipeline, context, new Payload(Operation.UPDATE, values,
                        Map.of(), null, context), input -> {
                            Written written = executor.updateWhere(planner.updateWhere(table, condition, input, grant),
                                    options.returning() || pipeline.hasDisplayFields(), max + 1);
                            count[0] = refuseAbove(written.count(), max, table, "PATCH", options);
                            RowWrites.computeDisplayFields(pipeline, written.rows());
                            return new OperationResult(written.rows(), null);
                        });
                return outcome(grant, options, result.rows(), count[0]);
            }
            List<Map<String, @Nullable Object>> previous = executor.selectForUpdate(table, condition, max + 1);
            refuseAbove(previous.size(), max, table, "PATCH", options);
            List<Map<String, @Nullable Object>> updated = new ArrayList<>(previous.size());
            for (Map<String, @Nullable Object> row : previous) {
                WrittenRow stored = rows.update(pipeline, Key.of(table, row), values, false, row, "", grant, call,
                        () -> notFound(table));
                if (stored.shown() != null) {
                    updated.add(stored.shown());
                }
            }
            return outcome(grant, options, updated, previous.size());
        });
    }

    /**
     * {@code PATCH {base}/T} with a JSON array of objects, each naming its row by its primary key and carrying the
     * values to set on it: each row gets its own values, all in one transaction; a key that names no row is a 404
     * naming the item, and nothing is written.
     */
    public BulkOutcome updateEach(Table table, JsonNode body, BulkOptions options, Grant grant,
            CallSite call) {
        TablePipeline pipeline = registry.pipeline(table);
        refuseDisplayFields(pipeline, body.values());
        List<KeyedValues> updates = planner.keyedUpdates(table, body, grant);
        long max = maxAffected(options, table, "PATCH");
        refuseAbove(updates.size(), max, table, "PATCH", options);
        return inTransaction(table, () -> {
            List<Map<String, @Nullable Object>> updated = new ArrayList<>(updates.size());
            for (KeyedValues update : updates) {
                String item = update.prefix().substring(0, update.prefix().length() - 1);
                Map<String, @Nullable Object> previous = events.enabled(table) ? executor.lockByKey(table, update.key(),
                        planner.scope(table, grant)).orElse(null) : null;
                WrittenRow row = rows.update(pipeline, update.key(), update.values(), false, previous, update.prefix(),
                        grant, call, () -> new SentroException(ErrorCode.ROW_NOT_FOUND, "Item " + item
                                + " names no row of '" + table.name() + "' (" + update.key().asMap()
                                + "); nothing was updated", update.prefix() + update.key().columns().get(0).name()));
                if (row.shown() != null) {
                    updated.add(row.shown());
                }
            }
            return outcome(grant, options, updated, updates.size());
        });
    }

    /** {@code DELETE {base}/T?where...}: deletes every row the filters select, within the caller's row scope. */
    public BulkOutcome deleteWhere(Table table, ListQuery filter, BulkOptions options, Grant grant, Grants grants,
            CallSite call) {
        TablePipeline pipeline = registry.pipeline(table);
        OperationRunner.refuseDisplayFieldFilters(pipeline, filter);
        Condition condition = planner.bulkCondition(table, filter, grant, grants);
        long max = maxAffected(options, table, "DELETE");
        return inTransaction(table, () -> {
            if (!hasHooks(pipeline, Operation.DELETE)) {
                Written written = executor.deleteWhere(planner.deleteWhere(table, condition),
                        options.returning() || pipeline.hasDisplayFields(), max + 1);
                refuseAbove(written.count(), max, table, "DELETE", options);
                RowWrites.computeDisplayFields(pipeline, written.rows());
                return outcome(grant, options, written.rows(), written.count());
            }
            List<Map<String, @Nullable Object>> previous = executor.selectForUpdate(table, condition, max + 1);
            refuseAbove(previous.size(), max, table, "DELETE", options);
            for (Map<String, @Nullable Object> row : previous) {
                rows.delete(pipeline, Key.of(table, row), row, grant, call);
            }
            RowWrites.computeDisplayFields(pipeline, previous);
            return outcome(grant, options, previous, previous.size());
        });
    }

    // ---- limits and outcomes ------------------------------------------------------------------------------------

    private long maxAffected(BulkOptions options, Table table, String method) {
        Long asked = options.maxAffected();
        if (asked == null) {
            return maxAffected;
        }
        if (asked > maxAffected) {
            throw new SentroException(ErrorCode.INVALID_HEADER, "Prefer: max-affected=" + asked + " is above the most "
                    + "rows a " + method + " on '" + table.name() + "' may change here, " + maxAffected
                    + " (sentro.writes.max-affected)", "Prefer");
        }
        return asked;
    }

    /** The count, unless it is above the maximum: then a 400, and the transaction rolls back what was written. */
    private static long refuseAbove(long count, long max, Table table, String method, BulkOptions options) {
        if (count > max) {
            boolean asked = options.maxAffected() != null;
            throw new SentroException(ErrorCode.TOO_MANY_ROWS, "This " + method + " would change more than " + max
                    + " rows of '" + table.name() + "', the most " + (asked ? "its Prefer: max-affected allows"
                            : "a request may change (sentro.writes.max-affected)") + "; nothing was changed. Narrow "
                    + "its filters" + (asked ? ", or raise max-affected" : ""), asked ? "Prefer" : "where")
                    .withExtensions(Map.of("maxAffected", String.valueOf(max)));
        }
        return count;
    }

    private static BulkOutcome outcome(Grant grant, BulkOptions options, List<Map<String, @Nullable Object>> rows,
            long count) {
        return new BulkOutcome(options.returning() ? grant.strip(rows) : List.of(), count);
    }

    // ---- shared steps ---------------------------------------------------------------------------------------------

    private <T> T inTransaction(Table table, Supplier<T> work) {
        return executor.inTransaction(table, work);
    }

    /**
     * Whether the operation's rows are written one by one through the pipeline, in a transaction: when the table has
     * hooks for it, or makes change events (each needs its row before and after).
     */
    private boolean hasHooks(TablePipeline pipeline, Operation operation) {
        return HookChain.hasHooks(pipeline, operation) || events.enabled(pipeline.table());
    }

    /**
     * The row as it is, locked for the write, when something needs it (committed hooks of a delete, change events)
     * and the caller did not read it already.
     */
    private @Nullable Map<String, @Nullable Object> previousIfNeeded(TablePipeline pipeline, Operation operation,
            Key key, Grant grant) {
        Table table = pipeline.table();
        boolean needed = events.enabled(table)
                || (operation == Operation.DELETE && !pipeline.committed(Operation.DELETE).isEmpty());
        return needed ? executor.lockByKey(table, key, planner.scope(table, grant)).orElseThrow(() -> notFound(table))
                : null;
    }

    private static void refuseDisplayFields(TablePipeline pipeline, Iterable<JsonNode> objects) {
        for (JsonNode object : objects) {
            if (!object.isObject()) {
                continue;
            }
            for (String name : object.propertyNames()) {
                if (pipeline.isDisplayField(name)) {
                    throw new SentroException(ErrorCode.READ_ONLY_COLUMN, "Field '" + name + "' is a computed display "
                            + "field of '" + pipeline.table().name() + "'; it cannot be written", name);
                }
            }
        }
    }

    private static SentroException notFound(Table table) {
        return SentroException.rowNotFound(table.name());
    }
}
