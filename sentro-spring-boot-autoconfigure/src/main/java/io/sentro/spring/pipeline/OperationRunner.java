package io.sentro.spring.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import io.sentro.spring.customize.CallSite;
import io.sentro.spring.customize.HookContext;
import io.sentro.spring.customize.Integrations;
import io.sentro.spring.customize.Operation;
import io.sentro.spring.customize.OperationResult;
import io.sentro.spring.customize.Payload;
import io.sentro.spring.customize.ReadQuery;
import io.sentro.spring.customize.SentroDb;
import io.sentro.spring.execute.RowPage;
import io.sentro.spring.execute.SqlExecutor;
import io.sentro.spring.plan.EmbedPlan;
import io.sentro.spring.plan.Grant;
import io.sentro.spring.plan.Grants;
import io.sentro.spring.plan.Key;
import io.sentro.spring.plan.OperationPlan.GetPlan;
import io.sentro.spring.plan.OperationPlan.ReadPlan;
import io.sentro.spring.plan.Planner;
import io.sentro.spring.plan.RowTags;
import io.sentro.spring.query.CountMode;
import io.sentro.spring.query.ListQuery;
import io.sentro.spring.query.RowQuery;
import io.sentro.spring.schema.Column;
import io.sentro.spring.schema.Table;

import org.jspecify.annotations.Nullable;

/**
 * Takes each read through the table's pipeline ({@link HookChain}): the core plans, runs the SQL, embeds related
 * rows ({@link RelatedRows}) and shapes the rows ({@link Projection}). A table with no READ hooks skips straight to
 * the core. Writes are {@link WriteRunner}'s, actions {@link ActionRunner}'s.
 */
public final class OperationRunner {

    private final CustomizerRegistry registry;
    private final Planner planner;
    private final SqlExecutor executor;
    private final SentroDb db;
    private final Integrations integrations;
    private final RelatedRows relatedRows;
    private final RowTags tags;

    public OperationRunner(CustomizerRegistry registry, Planner planner, SqlExecutor executor, SentroDb db,
            Integrations integrations) {
        this(registry, planner, executor, db, integrations, new RowTags(null));
    }

    /** @param tags tags the rows of gets ({@code ETag}) */
    public OperationRunner(CustomizerRegistry registry, Planner planner, SqlExecutor executor, SentroDb db,
            Integrations integrations, RowTags tags) {
        this.tags = tags;
        this.registry = registry;
        this.planner = planner;
        this.executor = executor;
        this.db = db;
        this.integrations = integrations;
        this.relatedRows = new RelatedRows(registry, planner, executor,
                (table, call) -> context(Operation.READ, table, call));
    }

    public static SentroDb db(io.sentro.spring.schema.SchemaModel model, io.sentro.spring.plan.ValueConverter values,
            SqlExecutor executor) {
        return db(model, values, executor, new RowTags(null));
    }

    /** The db helper; its updates move the version column {@code tags} knows. */
    public static SentroDb db(io.sentro.spring.schema.SchemaModel model, io.sentro.spring.plan.ValueConverter values,
            SqlExecutor executor, RowTags tags) {
        return db(model, values, executor, tags, io.sentro.spring.events.ChangeEvents.NONE);
    }

    /** The db helper; its writes to tables with change events make them, as the API's writes do. */
    public static SentroDb db(io.sentro.spring.schema.SchemaModel model, io.sentro.spring.plan.ValueConverter values,
            SqlExecutor executor, RowTags tags, io.sentro.spring.events.ChangeEvents events) {
        return new JdbcSentroDb(model, values, executor, tags, events);
    }

    /**
     * A list result, the page it was read with, and the cursor of the next page (null on the last page, or when an
     * around hook answered without reading).
     */
    public record ReadOutcome(OperationResult result, long limit, long offset, @Nullable String next) {
    }

    /** What a page was read with, as the core learns it inside the hooks. */
    private static final class PageRead {

        long limit;
        long offset;
        @Nullable String next;

        PageRead(long limit, long offset) {
            this.limit = limit;
            this.offset = offset;
        }

        ReadOutcome outcome(OperationResult result) {
            return new ReadOutcome(result, limit, offset, next);
        }
    }

    // ---- READ ---------------------------------------------------------------------------------------------------

    /**
     * A page of rows, with the relations the query embeds. {@code grants} decides what the caller may read of the
     * tables the query embeds or filters by.
     */
    public ReadOutcome list(Table table, ListQuery query, Grant grant, Grants grants, CallSite call) {
        // On a read replica when there are any, with the READ hooks' own reads.
        return executor.readOnly(() -> listOnce(table, query, grant, grants, call));
    }

    private ReadOutcome listOnce(Table table, ListQuery query, Grant grant, Grants grants,
            CallSite call) {
        TablePipeline pipeline = registry.pipeline(table);
        if (!HookChain.hasHooks(pipeline, Operation.READ)) {
            return readPage(pipeline, query, grant, grants, call, new PageRead(0, 0));
        }
        HookContext context = context(Operation.READ, table, call);
        ReadQuery readQuery = ReadQueries.of(query, planner.defaultPageSize());
        Payload payload = new Payload(Operation.READ, Map.of(), Map.of(), readQuery, context);
        // What the page was read with, unless an around hook answers without reading.
        PageRead page = new PageRead(readQuery.limit(), readQuery.offset());
        OperationResult result = HookChain.run(pipeline, context, payload, input -> {
            ReadQuery changed = input.query() != null ? input.query() : readQuery;
            return readPage(pipeline, ReadQueries.listQuery(changed, query), grant, grants, call, page).result();
        });
        return page.outcome(stripped(grant, result));
    }

    private ReadOutcome readPage(TablePipeline pipeline, ListQuery query, Grant grant, Grants grants,
            CallSite call, PageRead page) {
        Table table = pipeline.table();
        DisplayFieldRefusals.refuseInQuery(pipeline, query);
        if (query.aggregate() != null) {
            RowPage groups = executor.aggregate(planner.aggregate(table, query, grant, grants));
            page.limit = groups.limit();
            page.offset = groups.offset();
            return page.outcome(new OperationResult(groups.rows(), groups.total(), false));
        }
        Projection projection = Projection.of(pipeline, query.fields());
        ReadPlan plan = relatedRows.withJoins(planner.read(table, query.withFields(projection.columns()), grant,
                grants));
        RowPage rows = executor.read(plan);
        page.limit = rows.limit();
        page.offset = rows.offset();
        page.next = rows.next() == null ? null : planner.cursor(plan, rows.next());
        relatedRows.attach(rows.rows(), plan, new RelatedRows.Level(table, grant, grants, 1, call));
        projection.apply(pipeline, rows.rows(), plan.helpers(), EmbedPlan.names(plan.embeds()));
        return page.outcome(new OperationResult(rows.rows(), rows.total(), rows.totalIsEstimate()));
    }

    /** One row as the response shows it, or null when there is none; and the stored row's entity tag, if known. */
    public record GetOutcome(@Nullable Map<String, @Nullable Object> row, @Nullable String tag) {
    }

    /** One row by key, with the relations the query embeds; null when there is none. See {@link #getTagged}. */
    public @Nullable Map<String, @Nullable Object> get(Table table, List<String> rawKey, RowQuery query, Grant grant,
            Grants grants, CallSite call) {
        return getTagged(table, rawKey, query, grant, grants, call).row();
    }

    /**
     * One row by key, with the relations the query embeds, and its entity tag ({@link RowTags}), computed from the
     * row as stored, before after hooks change it; no tag when the query's {@code fields} left out columns the tag
     * needs. With READ hooks, the get is a one-row query on the key, so that a hook narrowing reads (a tenant filter)
     * narrows gets too.
     */
    public GetOutcome getTagged(Table table, List<String> rawKey, RowQuery query, Grant grant, Grants grants,
            CallSite call) {
        return executor.readOnly(() -> getOnce(table, rawKey, query, grant, grants, call));
    }

    private GetOutcome getOnce(Table table, List<String> rawKey, RowQuery query, Grant grant, Grants grants,
            CallSite call) {
        TablePipeline pipeline = registry.pipeline(table);
        Key key = planner.key(table, rawKey);
        String[] tag = new String[1];
        if (!HookChain.hasHooks(pipeline, Operation.READ)) {
            Map<String, @Nullable Object> row = first(getRow(pipeline, key, query, grant, grants, call, tag));
            return new GetOutcome(row, row == null ? null : tag[0]);
        }
        HookContext context = context(Operation.READ, table, call);
        List<ReadQuery.Filter> keyFilters = new ArrayList<>();
        key.asMap().forEach((column, value) -> keyFilters.add(new ReadQuery.Filter(column, "eq", value)));
        ReadQuery readQuery = new ReadQuery(keyFilters, List.of(), query.fields(), null, 1, 0);
        Payload payload = new Payload(Operation.READ, Map.of(), key.asMap(), readQuery, context);
        ListQuery one = new ListQuery(List.of(), List.of(), List.of(), Map.of(), null, null, null, CountMode.NONE,
                null, query.embeds(), null);
        Map<String, @Nullable Object> row = first(stripped(grant, HookChain.run(pipeline, context, payload, input -> {
            ReadQuery changed = input.query() != null ? input.query() : readQuery;
            OperationResult result = readPage(pipeline, ReadQueries.listQuery(changed, one), grant, grants, call,
                    new PageRead(1, 0)).result();
            tag[0] = tag(table, result.rows(), grant);
            return result;
        })));
        return new GetOutcome(row, row == null ? null : tag[0]);
    }

    private OperationResult getRow(TablePipeline pipeline, Key key, RowQuery query, Grant grant, Grants grants,
            CallSite call, String[] tag) {
        Projection projection = Projection.of(pipeline, query.fields());
        GetPlan plan = planner.get(pipeline.table(), key, projection.columns(), query.embeds(), grant, grants);
        List<Map<String, @Nullable Object>> rows = new ArrayList<>(1);
        executor.get(plan).ifPresent(rows::add);
        tag[0] = tag(pipeline.table(), rows, grant);
        relatedRows.embed(rows, plan.embeds(), new RelatedRows.Level(pipeline.table(), grant, grants, 1, call));
        projection.apply(pipeline, rows, plan.helpers(), EmbedPlan.names(plan.embeds()));
        return new OperationResult(rows, null);
    }

    /** The tag of the one stored row read, when it holds what the tag needs. */
    private @Nullable String tag(Table table, List<Map<String, @Nullable Object>> rows, Grant grant) {
        if (rows.size() != 1 || !tags.canTag(table, rows.get(0), grant)) {
            return null;
        }
        return tags.tag(table, rows.get(0), grant);
    }

    // ---- the pipeline ----------------------------------------------------------------------------------------

    HookContext context(Operation operation, Table table, CallSite call) {
        return new HookContext(operation, table, call, db, integrations);
    }

    <T> T inTransaction(Table table, boolean readOnly, Supplier<T> work) {
        return readOnly ? executor.inReadOnlyTransaction(table, work) : executor.inTransaction(table, work);
    }

    <T> T inTransaction(Table table, Supplier<T> work) {
        return executor.inTransaction(table, work);
    }

    /** Runs application code; checked exceptions are wrapped, runtime ones (SentroException...) pass through. */
    static <T> T call(Callable<T> code) {
        return HookChain.call(code);
    }

    // ---- results ------------------------------------------------------------------------------------------------

    /** The result without the columns the grant hides (hooks may have read or added them). */
    private static OperationResult stripped(Grant grant, OperationResult result) {
        return grant.hiddenColumns().isEmpty() ? result : new OperationResult(grant.strip(result.rows()), result.total(),
                result.totalIsEstimate());
    }

    private static @Nullable Map<String, @Nullable Object> first(OperationResult result) {
        return result.rows().isEmpty() ? null : result.rows().get(0);
    }
}
