package io.sentro.spring.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.sentro.spring.customize.CallSite;
import io.sentro.spring.customize.HookContext;
import io.sentro.spring.customize.Integrations;
import io.sentro.spring.customize.Operation;
import io.sentro.spring.customize.OperationResult;
import io.sentro.spring.customize.Payload;
import io.sentro.spring.customize.ReadQuery;
import io.sentro.spring.customize.SentroDb;
import io.sentro.spring.error.ErrorCode;
import io.sentro.spring.error.SentroException;
import io.sentro.spring.execute.SqlExecutor;
import io.sentro.spring.plan.Grant;
import io.sentro.spring.plan.Grants;
import io.sentro.spring.plan.OperationPlan.ReadPlan;
import io.sentro.spring.plan.Planner;
import io.sentro.spring.query.ListQuery;
import io.sentro.spring.schema.Column;
import io.sentro.spring.schema.Table;

import org.jspecify.annotations.Nullable;

/**
 * Streams every row a list's filters select, for an export ({@code Accept: application/x-ndjson} or
 * {@code text/csv}): planned as a list without pages, read from the database in batches as it sends them
 * ({@link SqlExecutor#stream}), each batch shaped as a page is (display fields, the table's READ after hooks, hidden
 * columns left out) and handed to a {@link RowSink} before the next is read. Memory holds one batch, whatever the
 * number of rows.
 * <p>
 * READ before hooks change the query as for a list. Around hooks wrap one whole result, which an export never has:
 * a table with READ around hooks is not exported (400).
 */
public final class ExportRunner {

    /** Rows per batch: read, shaped and written together. */
    static final int BATCH_SIZE = 500;

    private final CustomizerRegistry registry;
    private final Planner planner;
    private final SqlExecutor executor;
    private final SentroDb db;
    private final Integrations integrations;
    private final long maxRows;

    /** @param maxRows the most rows one export may stream ({@code sentro.export.max-rows}); 0 for no limit */
    public ExportRunner(CustomizerRegistry registry, Planner planner, SqlExecutor executor, SentroDb db,
            Integrations integrations, long maxRows) {
        if (maxRows < 0) {
            throw new IllegalArgumentException("sentro.export.max-rows must be 0 (no limit) or more, not " + maxRows);
        }
        this.registry = registry;
        this.planner = planner;
        this.executor = executor;
        this.db = db;
        this.integrations = integrations;
        this.maxRows = maxRows;
    }

    /** Where an export's rows go: a response body, written as they come. */
    public interface RowSink {

        /** A batch of rows as the response shows them, in order. */
        void rows(List<Map<String, @Nullable Object>> rows);

        /** The export is complete. {@code fields} are the fields its rows have as planned (for a header). */
        void end(List<String> fields);
    }

    /** Exports the rows {@code query} selects; returns how many were streamed. */
    public long export(Table table, ListQuery query, Grant grant, Grants grants, CallSite call,
            RowSink sink) {
        TablePipeline pipeline = registry.pipeline(table);
        if (!pipeline.around(Operation.READ).isEmpty()) {
            throw new SentroException(ErrorCode.INVALID_PARAMETER, "'" + table.name() + "' has READ around hooks, "
                    + "which wrap one whole result: its rows cannot be streamed. Read it in pages (JSON)", "format");
        }
        HookContext context = new HookContext(Operation.READ, table, call, db, integrations);
        ListQuery effective = query;
        if (!pipeline.before(Operation.READ).isEmpty()) {
            ReadQuery readQuery = ReadQueries.of(query, -1);
            Payload changed = HookChain.before(pipeline, context, new Payload(Operation.READ, Map.of(), Map.of(),
                    readQuery, context));
            effective = ReadQueries.listQuery(changed.query() != null ? changed.query() : readQuery, query);
        }
        DisplayFieldRefusals.refuseInQuery(pipeline, effective);
        Projection projection = Projection.of(pipeline, effective.fields());
        ReadPlan plan = planner.export(table, effective.withFields(projection.columns()), grant, grants, maxRows);
        boolean capped = maxRows > 0 && effective.limit() == null;
        long[] streamed = new long[1];
        executor.stream(plan, BATCH_SIZE, batch -> {
            if (capped && streamed[0] + batch.size() > maxRows) {
                throw new SentroException(ErrorCode.EXPORT_TOO_LARGE, "This export selects more than " + maxRows
                        + " rows of '" + table.name() + "', the most one export may stream (sentro.export.max-rows). "
                        + "Narrow its filters, or export it in parts with limit and offset", "where");
            }
            projection.apply(pipeline, batch, Set.of(), List.of());
            OperationResult result = HookChain.after(pipeline, context, new OperationResult(batch, null));
            streamed[0] += batch.size();
            sink.rows(grant.strip(result.rows()));
        });
        sink.end(fields(plan, projection, grant, pipeline));
        return streamed[0];
    }

    /** The fields of an exported row as planned: its columns, then its display fields, or those asked for. */
    private static List<String> fields(ReadPlan plan, Projection projection, Grant grant, TablePipeline pipeline) {
        if (!projection.requested().isEmpty()) {
            return projection.requested();
        }
        List<String> fields = new ArrayList<>();
        for (Column column : plan.projection()) {
            if (!grant.hides(column.name())) {
                fields.add(column.name());
            }
        }
        fields.addAll(projection.displayFields());
        return fields;
    }
}
