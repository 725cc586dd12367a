package io.sentro.spring.pipeline;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import io.sentro.spring.customize.AfterHook;
import io.sentro.spring.customize.AroundHook;
import io.sentro.spring.customize.BeforeHook;
import io.sentro.spring.customize.DisplayField;
import io.sentro.spring.customize.FieldWriter;
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
import io.sentro.spring.plan.Grant;
import io.sentro.spring.plan.Key;
import io.sentro.spring.plan.OperationPlan.GetPlan;
import io.sentro.spring.plan.OperationPlan.ReadPlan;
import io.sentro.spring.plan.Planner;
import io.sentro.spring.plan.Planner.BodyRows;
import io.sentro.spring.request.CountMode;
import io.sentro.spring.request.FilterTerm;
import io.sentro.spring.request.ListQuery;
import io.sentro.spring.request.Operator;
import io.sentro.spring.request.SortTerm;
import io.sentro.spring.schema.Column;
import io.sentro.spring.schema.Table;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Takes each operation through the table's pipeline:
 * <ol>
 * <li>before hooks, in pipeline order;</li>
 * <li>field writers (CREATE and UPDATE);</li>
 * <li>around hooks, the first in pipeline order outermost, wrapping the core: plan, SQL, display fields;</li>
 * <li>after hooks, in pipeline order.</li>
 * </ol>
 * Writes and actions run all of it in one transaction, so a hook that throws leaves nothing written. A table with no
 * hooks and no display fields skips straight to the core.
 */
public final class OperationRunner {

    private final CustomizerRegistry registry;
    private final Planner planner;
    private final SqlExecutor executor;
    private final SentroDb db;
    private final Integrations integrations;

    public OperationRunner(CustomizerRegistry registry, Planner planner, SqlExecutor executor, SentroDb db,
            Integrations integrations) {
        this.registry = registry;
        this.planner = planner;
        this.executor = executor;
        this.db = db;
        this.integrations = integrations;
    }

    public static SentroDb db(io.sentro.spring.schema.SchemaModel model, io.sentro.spring.plan.ValueConverter values,
            SqlExecutor executor) {
        return new JdbcSentroDb(model, values, executor);
    }

    /** A list result and the page it was read with. */
    public record ReadOutcome(OperationResult result, long limit, long offset) {
    }

    /** Created rows, and whether the client sent an array. */
    public record CreateOutcome(List<Map<String, @Nullable Object>> rows, boolean many) {
    }

    // ---- READ ---------------------------------------------------------------------------------------------------

    public ReadOutcome list(Table table, ListQuery query, Grant grant, HttpServletRequest request) {
        TablePipeline pipeline = registry.pipeline(table);
        long[] page = new long[2];
        if (!hasHooks(pipeline, Operation.READ) && !pipeline.hasDisplayFields()) {
            return readPage(pipeline, query, grant, page);
        }
        HookContext context = context(Operation.READ, table, request);
        ReadQuery readQuery = new ReadQuery(filters(query.filters()), sortItems(query.sort()), query.fields(),
                query.search(), query.limit() == null ? planner.defaultPageSize() : query.limit(),
                query.offset() == null ? 0 : query.offset());
        Payload payload = new Payload(Operation.READ, Map.of(), Map.of(), readQuery, context);
        // What the page was read with, unless an around hook answers without reading.
        page[0] = readQuery.limit();
        page[1] = readQuery.offset();
        OperationResult result = run(pipeline, context, payload, input -> {
            ReadQuery changed = input.query() != null ? input.query() : readQuery;
            return readPage(pipeline, listQuery(changed, query), grant, page).result();
        });
        return new ReadOutcome(stripped(grant, result), page[0], page[1]);
    }

    private ReadOutcome readPage(TablePipeline pipeline, ListQuery query, Grant grant, long[] page) {
        Table table = pipeline.table();
        for (FilterTerm term : query.filters()) {
            refuseDisplayField(pipeline, term.column(), term.parameter());
        }
        query.anyOf().values().forEach(group -> group.forEach(term -> refuseDisplayField(pipeline, term.column(),
                term.parameter())));
        for (SortTerm term : query.sort()) {
            refuseDisplayField(pipeline, term.column(), "sort");
        }
        Projection projection = projection(pipeline, query.fields());
        ReadPlan plan = planner.read(table, new ListQuery(projection.columns(), query.sort(), query.filters(),
                query.anyOf(), query.search(), query.limit(), query.offset(), query.count()), grant);
        RowPage rows = executor.read(plan);
        page[0] = rows.limit();
        page[1] = rows.offset();
        projection.apply(pipeline, rows.rows());
        return new ReadOutcome(new OperationResult(rows.rows(), rows.total(), rows.totalIsEstimate()), rows.limit(),
                rows.offset());
    }

    /**
     * One row by key; null when there is none. With READ hooks, the get is a one-row query on the key, so that a
     * hook narrowing reads (a tenant filter) narrows gets too.
     */
    public @Nullable Map<String, @Nullable Object> get(Table table, List<String> rawKey, List<String> fields,
            Grant grant, HttpServletRequest request) {
        TablePipeline pipeline = registry.pipeline(table);
        Key key = planner.key(table, rawKey);
        if (!hasHooks(pipeline, Operation.READ) && !pipeline.hasDisplayFields()) {
            return first(getRow(pipeline, key, fields, grant));
        }
        HookContext context = context(Operation.READ, table, request);
        List<ReadQuery.Filter> keyFilters = new ArrayList<>();
        keyMap(key).forEach((column, value) -> keyFilters.add(new ReadQuery.Filter(column, "eq", value)));
        ReadQuery readQuery = new ReadQuery(keyFilters, List.of(), fields, null, 1, 0);
        Payload payload = new Payload(Operation.READ, Map.of(), keyMap(key), readQuery, context);
        ListQuery none = new ListQuery(List.of(), List.of(), List.of(), Map.of(), null, null, null, CountMode.NONE);
        return first(stripped(grant, run(pipeline, context, payload, input -> {
            ReadQuery changed = input.query() != null ? input.query() : readQuery;
            return readPage(pipeline, listQuery(changed, none), grant, new long[2]).result();
        })));
    }

    private OperationResult getRow(TablePipeline pipeline, Key key, List<String> fields, Grant grant) {
        Projection projection = projection(pipeline, fields);
        GetPlan plan = planner.get(pipeline.table(), key, projection.columns(), grant);
        List<Map<String, @Nullable Object>> rows = new ArrayList<>(1);
        executor.get(plan).ifPresent(rows::add);
        projection.apply(pipeline, rows);
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
                OperationResult result = run(pipeline, context, payload, input -> {
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
            OperationResult result = run(pipeline, context, payload, input -> {
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
            return run(pipeline, context, payload, input -> {
                if (!executor.delete(planner.delete(table, key, grant))) {
                    throw notFound(table);
                }
                return new OperationResult(new ArrayList<>(), null);
            });
        });
    }

    // ---- the pipeline -------------------------------------------------------------------------------------------

    /** The innermost step: the database. */
    @FunctionalInterface
    private interface Core {
        OperationResult run(Payload input);
    }

    private OperationResult run(TablePipeline pipeline, HookContext context, Payload payload, Core core) {
        Operation operation = context.operation();
        Payload current = payload;
        for (BeforeHook hook : pipeline.before(operation)) {
            Payload input = current;
            Payload changed = call(() -> hook.apply(input, context));
            current = changed != null ? changed : input;
        }
        if (operation == Operation.CREATE || operation == Operation.UPDATE) {
            writeFields(pipeline, current);
        }
        OperationResult result = around(pipeline.around(operation), 0, current, core);
        for (AfterHook hook : pipeline.after(operation)) {
            OperationResult input = result;
            OperationResult changed = call(() -> hook.apply(input, context));
            result = changed != null ? changed : input;
        }
        return result;
    }

    private OperationResult around(List<AroundHook> hooks, int index, Payload input, Core core) {
        if (index == hooks.size()) {
            return core.run(input);
        }
        boolean[] proceeded = new boolean[1];
        AroundHook.Next next = nextInput -> {
            if (proceeded[0]) {
                throw new IllegalStateException("An around hook called next.proceed() twice");
            }
            proceeded[0] = true;
            return around(hooks, index + 1, nextInput, core);
        };
        OperationResult result = call(() -> hooks.get(index).apply(next, input));
        if (result == null) {
            throw new IllegalStateException("An around hook returned null; return next.proceed(input) or a result");
        }
        return result;
    }

    private static void writeFields(TablePipeline pipeline, Payload payload) {
        for (Map.Entry<String, FieldWriter> writer : pipeline.fieldWriters().entrySet()) {
            if (payload.containsKey(writer.getKey())) {
                Object value = payload.remove(writer.getKey());
                Map<String, @Nullable Object> written = call(() -> writer.getValue().write(value));
                if (written != null) {
                    payload.putAll(written);
                }
            }
        }
    }

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
        try {
            return code.call();
        }
        catch (RuntimeException ex) {
            throw ex;
        }
        catch (Exception ex) {
            throw new IllegalStateException("A hook, field writer or action failed: " + ex.getMessage(), ex);
        }
    }

    private static boolean hasHooks(TablePipeline pipeline, Operation operation) {
        return !pipeline.before(operation).isEmpty() || !pipeline.around(operation).isEmpty()
                || !pipeline.after(operation).isEmpty();
    }

    // ---- display fields and projection ---------------------------------------------------------------------------

    /** The columns to select for the requested fields, and the display fields to add to rows. */
    private record Projection(List<String> columns, List<String> displayFields, List<String> requested) {

        void apply(TablePipeline pipeline, List<Map<String, @Nullable Object>> rows) {
            if (displayFields.isEmpty()) {
                return;
            }
            for (int i = 0; i < rows.size(); i++) {
                Map<String, @Nullable Object> row = rows.get(i);
                for (String name : displayFields) {
                    DisplayField field = pipeline.displayFields().get(name);
                    row.put(name, field.compute(row));
                }
                if (!requested.isEmpty()) {
                    Map<String, @Nullable Object> projected = new LinkedHashMap<>();
                    for (String name : requested) {
                        projected.put(name, row.get(name));
                    }
                    rows.set(i, projected);
                }
            }
        }
    }

    private static Projection projection(TablePipeline pipeline, List<String> fields) {
        if (fields.isEmpty()) {
            return new Projection(List.of(), new ArrayList<>(pipeline.displayFields().keySet()), List.of());
        }
        List<String> displayFields = fields.stream().filter(pipeline::isDisplayField).toList();
        if (displayFields.isEmpty()) {
            return new Projection(fields, List.of(), List.of());
        }
        // Display fields compute from the whole row, so it is read whole and trimmed afterwards.
        for (String field : fields) {
            if (!pipeline.isDisplayField(field) && pipeline.table().column(field).isEmpty()) {
                return new Projection(fields, List.of(), List.of()); // the planner names the unknown column
            }
        }
        return new Projection(List.of(), displayFields, fields);
    }

    private static void computeDisplayFields(TablePipeline pipeline, List<Map<String, @Nullable Object>> rows) {
        projection(pipeline, List.of()).apply(pipeline, rows);
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

    private static List<ReadQuery.Filter> filters(List<FilterTerm> terms) {
        List<ReadQuery.Filter> filters = new ArrayList<>(terms.size());
        for (FilterTerm term : terms) {
            Object value = term.operator().takesList() ? term.values() : term.values().get(0);
            filters.add(new ReadQuery.Filter(term.column(), term.operator().token(), value));
        }
        return filters;
    }

    private static List<String> sortItems(List<SortTerm> sort) {
        return sort.stream().map(term -> (term.descending() ? "-" : "") + term.column()).toList();
    }

    private static ListQuery listQuery(ReadQuery query, ListQuery original) {
        List<FilterTerm> filters = new ArrayList<>();
        for (ReadQuery.Filter filter : query.filters()) {
            String parameter = "where." + filter.column() + "." + filter.operator();
            Operator operator = Operator.fromToken(filter.operator()).orElseThrow(() -> new SentroException(
                    ErrorCode.UNKNOWN_OPERATOR, "Unknown operator '" + filter.operator() + "' in '" + parameter
                            + "'. Known: " + Operator.tokens(), parameter));
            List<String> values = new ArrayList<>();
            if (filter.value() instanceof Collection<?> collection) {
                collection.forEach(item -> values.add(String.valueOf(item)));
            }
            else {
                values.add(String.valueOf(filter.value()));
            }
            filters.add(new FilterTerm(parameter, filter.column(), operator, values));
        }
        List<SortTerm> sort = new ArrayList<>();
        for (String item : query.sort()) {
            boolean descending = item.startsWith("-");
            sort.add(new SortTerm(descending ? item.substring(1) : item, descending));
        }
        return new ListQuery(query.fields(), sort, filters, original.anyOf(), query.search(),
                query.limit() < 0 ? null : query.limit(), query.offset(), original.count());
    }

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
