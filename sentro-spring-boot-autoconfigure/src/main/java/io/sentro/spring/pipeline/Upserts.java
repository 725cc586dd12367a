package io.sentro.spring.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.sentro.spring.customize.CallSite;
import io.sentro.spring.customize.Operation;
import io.sentro.spring.error.ErrorCode;
import io.sentro.spring.error.SentroException;
import io.sentro.spring.execute.SqlExecutor;
import io.sentro.spring.execute.SqlExecutor.UpsertOutcome;
import io.sentro.spring.execute.SqlExecutor.Upserted;
import io.sentro.spring.pipeline.RowWrites.WrittenRow;
import io.sentro.spring.pipeline.WriteRunner.UpsertOutcomes;
import io.sentro.spring.plan.Grant;
import io.sentro.spring.plan.Key;
import io.sentro.spring.plan.OperationPlan.UpsertPlan;
import io.sentro.spring.plan.WritePlanner;
import io.sentro.spring.plan.WritePlanner.BodyRows;
import io.sentro.spring.schema.Column;
import io.sentro.spring.schema.Table;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Upserts the rows of a {@code POST {base}/T} with {@code Prefer: resolution} ({@link WriteRunner#upsert}), all in
 * one transaction: each row in one upsert statement when nothing needs it one by one, else looked up under a lock and
 * then created through the CREATE pipeline, merged through the UPDATE pipeline, or left as it is and answered as a
 * read of it ({@link RowWrites}).
 */
final class Upserts {

    private final CustomizerRegistry registry;
    private final WritePlanner planner;
    private final SqlExecutor executor;
    private final RowWrites rows;

    Upserts(CustomizerRegistry registry, WritePlanner planner, SqlExecutor executor, RowWrites rows) {
        this.registry = registry;
        this.planner = planner;
        this.executor = executor;
        this.rows = rows;
    }

    UpsertOutcomes upsert(Table table, JsonNode body, boolean merge, @Nullable List<String> onConflict,
            Grant grant, @Nullable Grant updateGrant, CallSite call) {
        TablePipeline pipeline = registry.pipeline(table);
        DisplayFieldRefusals.refuseInBodies(pipeline, body.isArray() ? body.values() : List.of(body));
        if (planner.hasNestedRows(table, body)) {
            throw new SentroException(ErrorCode.INVALID_BODY, "An upsert writes rows of '" + table.name() + "' alone: "
                    + "related rows inline are for creates (POST without Prefer: resolution)", "body");
        }
        BodyRows bodyRows = planner.createBody(table, body, grant);
        List<Column> conflict = planner.conflictKey(table, onConflict);
        Grant mergeGrant = updateGrant != null ? updateGrant : grant;
        boolean rowByRow = rows.oneByOne(pipeline, Operation.CREATE)
                || (merge && rows.oneByOne(pipeline, Operation.UPDATE))
                || !pipeline.fieldWriters().isEmpty() || grant.scoped() || mergeGrant.scoped();
        String[] tag = new String[1];
        return executor.inTransaction(table, () -> {
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
                Map<String, @Nullable Object> changes = new LinkedHashMap<>(row);
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
}
