package io.sentro.spring.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import io.sentro.spring.customize.CallSite;
import io.sentro.spring.customize.HookContext;
import io.sentro.spring.customize.Integrations;
import io.sentro.spring.customize.Operation;
import io.sentro.spring.customize.OperationResult;
import io.sentro.spring.customize.Payload;
import io.sentro.spring.customize.SentroDb;
import io.sentro.spring.error.SentroException;
import io.sentro.spring.events.ChangeEvents;
import io.sentro.spring.execute.SqlExecutor;
import io.sentro.spring.plan.Grant;
import io.sentro.spring.plan.Key;
import io.sentro.spring.plan.OperationPlan.CreatePlan;
import io.sentro.spring.plan.OperationPlan.UpdatePlan;
import io.sentro.spring.plan.RowTags;
import io.sentro.spring.plan.WritePlanner;
import io.sentro.spring.schema.Table;

import org.jspecify.annotations.Nullable;

/**
 * The write of one row through its table's pipeline ({@link HookChain}): a create, an update or a delete, with the
 * hooks and field writers of the operation, display fields on the row written and its entity tag. Single-row
 * endpoints, bulk writes that go row by row, upserts and nested inserts all write their rows through here.
 * <p>
 * {@code prefix} names the row in a request body with many ({@code [2].}, {@code comments[1].}): errors about its
 * values, from the planner or from the database, name the field with it ({@code comments[1].status}).
 */
final class RowWrites {

    private final WritePlanner planner;
    private final SqlExecutor executor;
    private final SentroDb db;
    private final Integrations integrations;
    private final RowTags tags;
    private final CommittedHooks committed;
    private final ChangeEvents events;

    RowWrites(WritePlanner planner, SqlExecutor executor, SentroDb db, Integrations integrations, RowTags tags,
            CommittedHooks committed, ChangeEvents events) {
        this.committed = committed;
        this.events = events;
        this.planner = planner;
        this.executor = executor;
        this.db = db;
        this.integrations = integrations;
        this.tags = tags;
    }

    /**
     * A row written: as stored (what the database returned, before any after hook changed it: the values that other
     * rows' foreign keys take), as the response shows it (null when an after hook took it out), and its entity tag.
     */
    record WrittenRow(Map<String, @Nullable Object> stored, @Nullable Map<String, @Nullable Object> shown,
            @Nullable String tag) {

        /** The row as shown, or {@code {}} when an after hook took it out: arrays of rows stay aligned. */
        Map<String, @Nullable Object> shownOrEmpty() {
            return shown != null ? shown : new LinkedHashMap<>();
        }
    }

    /** One row's create through the CREATE hooks. */
    WrittenRow create(TablePipeline pipeline, Map<String, @Nullable Object> row, String prefix, Grant grant,
            CallSite call) {
        Table table = pipeline.table();
        HookContext context = context(Operation.CREATE, table, call);
        Payload payload = new Payload(Operation.CREATE, row, Map.of(), null, context);
        Stored stored = new Stored();
        OperationResult result = HookChain.run(pipeline, context, payload, input -> {
            CreatePlan plan = planner.create(table, input, prefix, grant);
            List<Map<String, @Nullable Object>> rows = atPath(prefix, () -> executor.create(plan));
            stored.keep(table, rows.get(0), grant);
            computeDisplayFields(pipeline, rows);
            return new OperationResult(rows, null);
        });
        WrittenRow written = stored.written(result);
        events.record(table, "create", null, written.stored(), ChangeEvents.principal());
        committed.schedule(pipeline, context, result.rows());
        return written;
    }

    /**
     * One row's update through the UPDATE hooks, {@link Payload#previous()} being {@code previous} when the caller
     * read it. When no row has the key (or the caller's scope hides it), {@code notFound} is thrown before any after
     * hook runs.
     */
    WrittenRow update(TablePipeline pipeline, Key key, Map<String, @Nullable Object> values, boolean replace,
            @Nullable Map<String, @Nullable Object> previous, String prefix, Grant grant, CallSite call,
            Supplier<SentroException> notFound) {
        Table table = pipeline.table();
        HookContext context = context(Operation.UPDATE, table, call);
        Payload payload = new Payload(Operation.UPDATE, values, key.asMap(), null, context, previous);
        Stored stored = new Stored();
        OperationResult result = HookChain.run(pipeline, context, payload, input -> {
            UpdatePlan plan = planner.update(table, key, input, replace, grant, prefix);
            Map<String, @Nullable Object> row = atPath(prefix, () -> executor.update(plan)).orElseThrow(notFound);
            stored.keep(table, row, grant);
            List<Map<String, @Nullable Object>> rows = new ArrayList<>(1);
            rows.add(row);
            computeDisplayFields(pipeline, rows);
            return new OperationResult(rows, null);
        });
        WrittenRow written = stored.written(result);
        events.record(table, "update", previous, written.stored(), ChangeEvents.principal());
        committed.schedule(pipeline, context, result.rows());
        return written;
    }

    /**
     * One row's delete through the DELETE hooks; 404 when no row has the key within the caller's scope. Committed
     * hooks get {@code previous}, the row as it was (read under a lock by the caller when they need it).
     */
    void delete(TablePipeline pipeline, Key key, @Nullable Map<String, @Nullable Object> previous, Grant grant,
            CallSite call) {
        Table table = pipeline.table();
        HookContext context = context(Operation.DELETE, table, call);
        Payload payload = new Payload(Operation.DELETE, Map.of(), key.asMap(), null, context, previous);
        HookChain.run(pipeline, context, payload, input -> {
            if (!executor.delete(planner.delete(table, key, grant))) {
                throw SentroException.rowNotFound(table.name());
            }
            return new OperationResult(new ArrayList<>(), null);
        });
        events.record(table, "delete", previous, null, ChangeEvents.principal());
        List<Map<String, @Nullable Object>> deleted = new ArrayList<>(1);
        deleted.add(previous != null ? grant.strip(previous) : key.asMap());
        committed.schedule(pipeline, context, deleted);
    }

    /**
     * Whether the operation's rows are written one by one through here, in a transaction: when the table has hooks
     * for it, or makes change events (each needs its row before and after).
     */
    boolean oneByOne(TablePipeline pipeline, Operation operation) {
        return HookChain.hasHooks(pipeline, operation) || events.enabled(pipeline.table());
    }

    /** A written row with its display fields. */
    Map<String, @Nullable Object> shaped(TablePipeline pipeline, Map<String, @Nullable Object> row) {
        List<Map<String, @Nullable Object>> one = new ArrayList<>(List.of(row));
        computeDisplayFields(pipeline, one);
        return one.get(0);
    }

    /**
     * An existing row an upsert left as it was, answered as a read of it: display fields, then the table's READ after
     * hooks (no CREATE or UPDATE hook ran for it). An after hook that takes it out leaves {@code {}}.
     */
    Map<String, @Nullable Object> asRead(TablePipeline pipeline, Map<String, @Nullable Object> row,
            CallSite call) {
        List<Map<String, @Nullable Object>> one = new ArrayList<>(List.of(shaped(pipeline, row)));
        OperationResult result = HookChain.after(pipeline, context(Operation.READ, pipeline.table(), call),
                new OperationResult(one, null));
        return result.rows().isEmpty() ? new LinkedHashMap<>() : result.rows().get(0);
    }

    /** The entity tag of a stored row, when the caller sees every value it is computed from. */
    @Nullable String tag(Table table, Map<String, @Nullable Object> row, Grant grant) {
        return tags.canTag(table, row, grant) ? tags.tag(table, row, grant) : null;
    }

    HookContext context(Operation operation, Table table, CallSite call) {
        return new HookContext(operation, table, call, db, integrations);
    }

    static void computeDisplayFields(TablePipeline pipeline, List<Map<String, @Nullable Object>> rows) {
        if (pipeline.hasDisplayFields()) {
            Projection.of(pipeline, List.of()).apply(pipeline, rows, Set.of(), List.of());
        }
    }

    /** A database error about one row of a body with many names the row: {@code [3].email}. */
    static <T> T atPath(String prefix, Supplier<T> statement) {
        if (prefix.isEmpty()) {
            return statement.get();
        }
        try {
            return statement.get();
        }
        catch (SentroException ex) {
            throw ex.atPath(prefix);
        }
    }

    /** The row the core stored, kept apart from what the after hooks make of the result. */
    private final class Stored {

        private Map<String, @Nullable Object> row = Map.of();
        private @Nullable String tag;

        void keep(Table table, Map<String, @Nullable Object> stored, Grant grant) {
            row = new LinkedHashMap<>(stored);
            tag = tag(table, stored, grant);
        }

        WrittenRow written(OperationResult result) {
            return new WrittenRow(row, result.rows().isEmpty() ? null : result.rows().get(0), tag);
        }
    }
}
