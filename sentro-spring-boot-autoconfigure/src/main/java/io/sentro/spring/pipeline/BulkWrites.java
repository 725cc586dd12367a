package io.sentro.spring.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.sentro.spring.customize.CallSite;
import io.sentro.spring.customize.HookContext;
import io.sentro.spring.customize.Operation;
import io.sentro.spring.customize.OperationResult;
import io.sentro.spring.customize.Payload;
import io.sentro.spring.error.ErrorCode;
import io.sentro.spring.error.SentroException;
import io.sentro.spring.events.ChangeEvents;
import io.sentro.spring.execute.SqlExecutor;
import io.sentro.spring.execute.SqlExecutor.Written;
import io.sentro.spring.pipeline.RowWrites.WrittenRow;
import io.sentro.spring.pipeline.WriteRunner.BulkOptions;
import io.sentro.spring.pipeline.WriteRunner.BulkOutcome;
import io.sentro.spring.plan.Condition;
import io.sentro.spring.plan.Grant;
import io.sentro.spring.plan.Grants;
import io.sentro.spring.plan.Key;
import io.sentro.spring.plan.WritePlanner;
import io.sentro.spring.plan.WritePlanner.KeyedValues;
import io.sentro.spring.query.ListQuery;
import io.sentro.spring.schema.Table;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Bulk writes ({@link WriteRunner#updateWhere}, {@link WriteRunner#updateEach}, {@link WriteRunner#deleteWhere}),
 * each in one transaction and within the max-affected guard ({@link AffectedLimit}). By filter, without hooks for the
 * operation, one UPDATE or DELETE for all the rows; with hooks, the rows are read and locked first and each goes
 * through the pipeline on its own ({@link RowWrites}), as a write by key whose {@link Payload#previous()} is the row
 * as it was.
 */
final class BulkWrites {

    private final CustomizerRegistry registry;
    private final WritePlanner planner;
    private final SqlExecutor executor;
    private final ChangeEvents events;
    private final RowWrites rows;
    private final AffectedLimit limit;

    BulkWrites(CustomizerRegistry registry, WritePlanner planner, SqlExecutor executor, ChangeEvents events,
            RowWrites rows, AffectedLimit limit) {
        this.registry = registry;
        this.planner = planner;
        this.executor = executor;
        this.events = events;
        this.rows = rows;
        this.limit = limit;
    }

    BulkOutcome updateWhere(Table table, ListQuery filter, JsonNode body, BulkOptions options, Grant grant,
            Grants grants, CallSite call) {
        TablePipeline pipeline = registry.pipeline(table);
        DisplayFieldRefusals.refuseInFilters(pipeline, filter);
        Condition condition = planner.bulkCondition(table, filter, grant, grants);
        if (!body.isObject()) {
            throw new SentroException(ErrorCode.INVALID_BODY, "A PATCH with filters takes one JSON object: the values "
                    + "to set on every row the filters match (an array of objects, each with its key, takes no "
                    + "filters)", "body");
        }
        DisplayFieldRefusals.refuseInBodies(pipeline, List.of(body));
        Map<String, @Nullable Object> values = planner.updateBody(table, body, null, grant);
        long max = limit.max(options, table, "PATCH");
        return executor.inTransaction(table, () -> {
            if (!rows.oneByOne(pipeline, Operation.UPDATE)) {
                HookContext context = rows.context(Operation.UPDATE, table, call);
                long[] count = new long[1];
                // No hooks: the chain only applies the field writers to the values, once for every row.
                OperationResult result = HookChain.run(pipeline, context, new Payload(Operation.UPDATE, values,
                        Map.of(), null, context), input -> {
                            Written written = executor.updateWhere(planner.updateWhere(table, condition, input, grant),
                                    options.returning() || pipeline.hasDisplayFields(), max + 1);
                            count[0] = AffectedLimit.refuseAbove(written.count(), max, table, "PATCH", options);
                            RowWrites.computeDisplayFields(pipeline, written.rows());
                            return new OperationResult(written.rows(), null);
                        });
                return outcome(grant, options, result.rows(), count[0]);
            }
            List<Map<String, @Nullable Object>> previous = executor.selectForUpdate(table, condition, max + 1);
            AffectedLimit.refuseAbove(previous.size(), max, table, "PATCH", options);
            List<Map<String, @Nullable Object>> updated = new ArrayList<>(previous.size());
            for (Map<String, @Nullable Object> row : previous) {
                WrittenRow stored = rows.update(pipeline, Key.of(table, row), values, false, row, "", grant, call,
                        () -> SentroException.rowNotFound(table.name()));
                if (stored.shown() != null) {
                    updated.add(stored.shown());
                }
            }
            return outcome(grant, options, updated, previous.size());
        });
    }

    BulkOutcome updateEach(Table table, JsonNode body, BulkOptions options, Grant grant, CallSite call) {
        TablePipeline pipeline = registry.pipeline(table);
        DisplayFieldRefusals.refuseInBodies(pipeline, body.values());
        List<KeyedValues> updates = planner.keyedUpdates(table, body, grant);
        long max = limit.max(options, table, "PATCH");
        AffectedLimit.refuseAbove(updates.size(), max, table, "PATCH", options);
        return executor.inTransaction(table, () -> {
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

    BulkOutcome deleteWhere(Table table, ListQuery filter, BulkOptions options, Grant grant, Grants grants,
            CallSite call) {
        TablePipeline pipeline = registry.pipeline(table);
        DisplayFieldRefusals.refuseInFilters(pipeline, filter);
        Condition condition = planner.bulkCondition(table, filter, grant, grants);
        long max = limit.max(options, table, "DELETE");
        return executor.inTransaction(table, () -> {
            if (!rows.oneByOne(pipeline, Operation.DELETE)) {
                Written written = executor.deleteWhere(planner.deleteWhere(table, condition),
                        options.returning() || pipeline.hasDisplayFields(), max + 1);
                AffectedLimit.refuseAbove(written.count(), max, table, "DELETE", options);
                RowWrites.computeDisplayFields(pipeline, written.rows());
                return outcome(grant, options, written.rows(), written.count());
            }
            List<Map<String, @Nullable Object>> previous = executor.selectForUpdate(table, condition, max + 1);
            AffectedLimit.refuseAbove(previous.size(), max, table, "DELETE", options);
            for (Map<String, @Nullable Object> row : previous) {
                rows.delete(pipeline, Key.of(table, row), row, grant, call);
            }
            RowWrites.computeDisplayFields(pipeline, previous);
            return outcome(grant, options, previous, previous.size());
        });
    }

    private static BulkOutcome outcome(Grant grant, BulkOptions options, List<Map<String, @Nullable Object>> rows,
            long count) {
        return new BulkOutcome(options.returning() ? grant.strip(rows) : List.of(), count);
    }
}
