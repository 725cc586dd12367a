package io.sentro.spring.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.sentro.spring.customize.CallSite;
import io.sentro.spring.customize.Operation;
import io.sentro.spring.error.SentroException;
import io.sentro.spring.events.ChangeEvents;
import io.sentro.spring.execute.SqlExecutor;
import io.sentro.spring.pipeline.RowWrites.WrittenRow;
import io.sentro.spring.pipeline.WriteRunner.CreateOutcome;
import io.sentro.spring.plan.Grant;
import io.sentro.spring.plan.NestedRow;
import io.sentro.spring.plan.OperationPlan.CreatePlan;
import io.sentro.spring.plan.WritePlanner;
import io.sentro.spring.plan.WritePlanner.BodyRows;
import io.sentro.spring.schema.Table;

import org.jspecify.annotations.Nullable;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.JsonNode;

/**
 * Creates the rows of a {@code POST {base}/T} ({@link WriteRunner#create}): one statement when nothing needs the rows
 * one by one, else each row through the CREATE pipeline ({@link RowWrites}), or with its related rows inline
 * ({@link NestedCreates}), in one transaction. When the database refuses an array written in one statement, it finds
 * the row at fault.
 */
final class Creates {

    private final CustomizerRegistry registry;
    private final WritePlanner planner;
    private final SqlExecutor executor;
    private final ChangeEvents events;
    private final RowWrites rows;
    private final NestedCreates nested;

    Creates(CustomizerRegistry registry, WritePlanner planner, SqlExecutor executor, ChangeEvents events,
            RowWrites rows) {
        this.registry = registry;
        this.planner = planner;
        this.executor = executor;
        this.events = events;
        this.rows = rows;
        this.nested = new NestedCreates(registry, rows);
    }

    CreateOutcome create(Table table, JsonNode body, Grant grant, Function<Table, Grant> createGrants,
            CallSite call) {
        TablePipeline pipeline = registry.pipeline(table);
        DisplayFieldRefusals.refuseInBodies(pipeline, body.isArray() ? body.values() : List.of(body));
        if (planner.hasNestedRows(table, body)) {
            NestedRow.Body nestedBody = planner.nestedBody(table, body, grant, createGrants);
            return executor.inTransaction(table, () -> {
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
        return executor.inTransaction(table, () -> {
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
        return executor.inTransaction(plan.table(), () -> {
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
            executor.inTransaction(plan.table(), () -> {
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
}
