package io.sentro.spring.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import io.sentro.spring.customize.HookContext;
import io.sentro.spring.customize.Integrations;
import io.sentro.spring.customize.Operation;
import io.sentro.spring.customize.OperationResult;
import io.sentro.spring.customize.Payload;
import io.sentro.spring.customize.ReadQuery;
import io.sentro.spring.customize.SentroDb;
import io.sentro.spring.error.ErrorCode;
import io.sentro.spring.error.SentroException;
import io.sentro.spring.execute.RowPage;
import io.sentro.spring.execute.SqlExecutor;
import io.sentro.spring.plan.EmbedPlan;
import io.sentro.spring.plan.Grant;
import io.sentro.spring.plan.Grants;
import io.sentro.spring.plan.Key;
import io.sentro.spring.plan.OperationPlan.GetPlan;
import io.sentro.spring.plan.OperationPlan.ReadPlan;
import io.sentro.spring.plan.Planner;
import io.sentro.spring.plan.Planner.BodyRows;
import io.sentro.spring.request.CountMode;
import io.sentro.spring.request.FilterTerm;
import io.sentro.spring.request.ListQuery;
import io.sentro.spring.request.RowQuery;
import io.sentro.spring.request.SortTerm;
import io.sentro.spring.schema.Column;
import io.sentro.spring.schema.Table;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Takes each operation through the table's pipeline ({@link HookChain}): the core plans, runs the SQL, embeds
 * related rows ({@link RelatedRows}) and shapes the rows ({@link Projection}). Writes and actions run all of it in
 * one transaction, so a hook that throws leaves nothing written. A table with no hooks for the operation skips
 * straight to the core.
 */
public final class OperationRunner {

    private final CustomizerRegistry registry;
    private final Planner planner;
    private final SqlExecutor executor;
    private final SentroDb db;
    private final Integrations integrations;
    private final RelatedRows relatedRows;

    public OperationRunner(CustomizerRegistry registry, Planner planner, SqlExecutor executor, SentroDb db,
            Integrations integrations) {
        this.registry = registry;
        this.planner = planner;
        this.executor = executor;
        this.db = db;
        this.integrations = integrations;
        this.relatedRows = new RelatedRows(registry, planner, executor,
                (table, request) -> context(Operation.READ, table, request));
    }

    public static SentroDb db(io.sentro.spring.schema.SchemaModel model, io.sentro.spring.plan.ValueConverter values,
            SqlExecutor executor) {
        return new JdbcSentroDb(model, values, executor);
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

    /** Created rows, and whether the client sent an array. */
    public record CreateOutcome(List<Map<String, @Nullable Object>> rows, boolean many) {
    }

    // ---- READ ---------------------------------------------------------------------------------------------------

    /**
     * A page of rows, with the relations the query embeds. {@code grants} decides what the caller may read of the
     * tables the query embeds or filters by.
     */
    public ReadOutcome list(Table table, ListQuery query, Grant grant, Grants grants, HttpServletRequest request) {
        TablePipeline pipeline = registry.pipeline(table);
        if (!HookChain.hasHooks(pipeline, Operation.READ)) {
            return readPage(pipeline, query, grant, grants, request, new PageRead(0, 0));
        }
        HookContext context = context(Operation.READ, table, request);
        ReadQuery readQuery = ReadQueries.of(query, planner.defaultPageSize());
        Payload payload = new Payload(Operation.READ, Map.of(), Map.of(), readQuery, context);
        // What the page was read with, unless an around hook answers without reading.
        PageRead page = new PageRead(readQuery.limit(), readQuery.offset());
        OperationResult result = HookChain.run(pipeline, context, payload, input -> {
            ReadQuery changed = input.query() != null ? input.query() : readQuery;
            return readPage(pipeline, ReadQueries.listQuery(changed, query), grant, grants, request, page).result();
        });
        return page.outcome(stripped(grant, result));
    }

    private ReadOutcome readPage(TablePipeline pipeline, ListQuery query, Grant grant, Grants grants,
            HttpServletRequest request, PageRead page) {
        Table table = pipeline.table();
        for (FilterTerm term : query.filters()) {
            refuseDisplayField(pipeline, term.column(), term.parameter());
        }
        query.anyOf().values().forEach(group -> group.forEach(term -> refuseDisplayField(pipeline, term.column(),
                term.parameter())));
        for (SortTerm term : query.sort()) {
            refuseDisplayField(pipeline, term.column(), "sort");
        }
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
        relatedRows.attach(rows.rows(), plan, new RelatedRows.Level(table, grant, grants, 1, request));
        projection.apply(pipeline, rows.rows(), plan.helpers(), EmbedPlan.names(plan.embeds()));
        return page.outcome(new OperationResult(rows.rows(), rows.total(), rows.totalIsEstimate()));
    }

    /**
     * One row by key, with the relations the query embeds; null when there is none. With READ hooks, the get is a
     * one-row query on the key, so that a hook narrowing reads (a tenant filter) narrows gets too.
     */
    public @Nullable Map<String, @Nullable Object> get(Table table, List<String> rawKey, RowQuery query, Grant grant,
            Grants grants, HttpServletRequest request) {
        TablePipeline pipeline = registry.pipeline(table);
        Key key = planner.key(table, rawKey);
        if (!HookChain.hasHooks(pipeline, Operation.READ)) {
            return first(getRow(pipeline, key, query, grant, grants, request));
        }
        HookContext context = context(Operation.READ, table, request);
        List<ReadQuery.Filter> keyFilters = new ArrayList<>();
        keyMap(key).forEach((column, value) -> keyFilters.add(new ReadQuery.Filter(column, "eq", value)));
        ReadQuery readQuery = new ReadQuery(keyFilters, List.of(), query.fields(), null, 1, 0);
        Payload payload = new Payload(Operation.READ, Map.of(), keyMap(key), readQuery, context);
        ListQuery one = new ListQuery(List.of(), List.of(), List.of(), Map.of(), null, null, null, CountMode.NONE,
                null, query.embeds(), null);
        return first(stripped(grant, HookChain.run(pipeline, context, payload, input -> {
            ReadQuery changed = input.query() != null ? input.query() : readQuery;
            return readPage(pipeline, ReadQueries.listQuery(changed, one), grant, grants, request,
                    new PageRead(1, 0)).result();
        })));
    }

    private OperationResult getRow(TablePipeline pipeline, Key key, RowQuery query, Grant grant, Grants grants,
            HttpServletRequest request) {
        Projection projection = Projection.of(pipeline, query.fields());
        GetPlan plan = planner.get(pipeline.table(), key, projection.columns(), query.embeds(), grant, grants);
        List<Map<String, @Nullable Object>> rows = new ArrayList<>(1);
        executor.get(plan).ifPresent(rows::add);
        relatedRows.embed(rows, plan.embeds(), new RelatedRows.Level(pipeline.table(), grant, grants, 1, request));
        projection.apply(pipeline, rows, plan.helpers(), EmbedPlan.names(plan.embeds()));
        return new OperationResult(rows, null);
    }

    // ---- writes -------------------------------------------------------------------------------------------------

    public CreateOutcome create(Table table, JsonNode body, Grant grant, HttpServletRequest request) {
        TablePipeline pipeline = registry.pipeline(table);
        refuseDisplayFields(pipeline, body.isArray() ? body.values() : List.of(body));
        BodyRows bodyRows = planner.createBody(table, body, grant);
        if (!hasHooks(pipeline, Operation.CREATE) && pipeline.fieldWriters().isEmpty() && !pipeline.hasDisplayFields()) {
            return new CreateOutcome(grant.strip(executor.create(planner.create(table, bodyRows.rows(),
                    bodyRows.many(), grant))), bodyRows.many());
        }
        return inTransaction(table, () -> {
            List<Map<String, @Nullable Object>> created = new ArrayList<>();
            for (Map<String, @Nullable Object> row : bodyRows.rows()) {
                HookContext context = context(Operation.CREATE, table, request);
                Payload payload = new Payload(Operation.CREATE, row, Map.of(), null, context);
                OperationResult result = HookChain.run(pipeline, context, payload, input -> {
                    List<Map<String, @Nullable Object>> rows = executor.create(planner.create(table, List.of(input),
                            false, grant));
                    computeDisplayFields(pipeline, rows);
                    return new OperationResult(rows, null);
                });
                created.addAll(result.rows());
            }
            return new CreateOutcome(grant.strip(created), bodyRows.many());
        });
    }

    /** Updates one row (PATCH, or PUT with {@code replace}); 404 when there is none. */
    public Map<String, @Nullable Object> update(Table table, List<String> rawKey, JsonNode body, boolean replace,
            Grant grant, HttpServletRequest request) {
        TablePipeline pipeline = registry.pipeline(table);
        refuseDisplayFields(pipeline, List.of(body));
        Key key = planner.key(table, rawKey);
        Map<String, @Nullable Object> values = planner.updateBody(table, body, replace ? key : null, grant);
        return hookTransaction(pipeline, Operation.UPDATE, () -> {
            HookContext context = context(Operation.UPDATE, table, request);
            Payload payload = new Payload(Operation.UPDATE, values, keyMap(key), null, context);
            OperationResult result = HookChain.run(pipeline, context, payload, input -> {
                List<Map<String, @Nullable Object>> rows = new ArrayList<>(1);
                executor.update(planner.update(table, key, input, replace, grant)).ifPresent(rows::add);
                if (rows.isEmpty()) {
                    throw notFound(table);
                }
                computeDisplayFields(pipeline, rows);
                return new OperationResult(rows, null);
            });
            Map<String, @Nullable Object> row = first(result);
            if (row == null) {
                throw notFound(table);
            }
            return grant.strip(row);
        });
    }

    /** Deletes one row; 404 when there is none. */
    public void delete(Table table, List<String> rawKey, Grant grant, HttpServletRequest request) {
        TablePipeline pipeline = registry.pipeline(table);
        Key key = planner.key(table, rawKey);
        hookTransaction(pipeline, Operation.DELETE, () -> {
            HookContext context = context(Operation.DELETE, table, request);
            Payload payload = new Payload(Operation.DELETE, Map.of(), keyMap(key), null, context);
            return HookChain.run(pipeline, context, payload, input -> {
                if (!executor.delete(planner.delete(table, key, grant))) {
                    throw notFound(table);
                }
                return new OperationResult(new ArrayList<>(), null);
            });
        });
    }

    // ---- the pipeline ----------------------------------------------------------------------------------------

    HookContext context(Operation operation, Table table, HttpServletRequest request) {
        return new HookContext(operation, table, request, db, integrations);
    }

    <T> T inTransaction(Table table, Supplier<T> work) {
        return executor.inTransaction(table, work);
    }

    /**
     * Runs a write of one row in a transaction when the table has hooks for it, so that what the hooks write
     * commits or rolls back with the row. Without hooks the write is a single statement, atomic by itself, and runs
     * in auto-commit: no BEGIN and COMMIT round trips.
     */
    private <T> T hookTransaction(TablePipeline pipeline, Operation operation, Supplier<T> work) {
        return hasHooks(pipeline, operation) ? inTransaction(pipeline.table(), work) : work.get();
    }

    /** Runs application code; checked exceptions are wrapped, runtime ones (SentroException...) pass through. */
    static <T> T call(Callable<T> code) {
        return HookChain.call(code);
    }

    private static boolean hasHooks(TablePipeline pipeline, Operation operation) {
        return HookChain.hasHooks(pipeline, operation);
    }

    // ---- display fields and projection ---------------------------------------------------------------------------

    private static void computeDisplayFields(TablePipeline pipeline, List<Map<String, @Nullable Object>> rows) {
        Projection.of(pipeline, List.of()).apply(pipeline, rows, java.util.Set.of(), List.of());
    }

    private static void refuseDisplayField(TablePipeline pipeline, String name, String parameter) {
        if (pipeline.isDisplayField(name)) {
            throw new SentroException(ErrorCode.INVALID_PARAMETER, "'" + name + "' is a computed display field of '"
                    + pipeline.table().name() + "'; it cannot be filtered or sorted on", parameter);
        }
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

    // ---- conversions between the hooks' view and the planner's -----------------------------------------------------

    private static Map<String, Object> keyMap(Key key) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < key.columns().size(); i++) {
            Column column = key.columns().get(i);
            map.put(column.name(), key.values().get(i));
        }
        return map;
    }

    /** The result without the columns the grant hides (hooks may have read or added them). */
    private static OperationResult stripped(Grant grant, OperationResult result) {
        return grant.hiddenColumns().isEmpty() ? result : new OperationResult(grant.strip(result.rows()), result.total(),
                result.totalIsEstimate());
    }

    private static @Nullable Map<String, @Nullable Object> first(OperationResult result) {
        return result.rows().isEmpty() ? null : result.rows().get(0);
    }

    private static SentroException notFound(Table table) {
        return SentroException.rowNotFound(table.name());
    }
}
