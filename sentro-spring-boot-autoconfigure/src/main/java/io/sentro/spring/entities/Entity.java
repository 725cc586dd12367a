package io.sentro.spring.entities;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

import io.sentro.spring.customize.CallSite;
import io.sentro.spring.customize.Operation;
import io.sentro.spring.error.ErrorCode;
import io.sentro.spring.error.SentroException;
import io.sentro.spring.customize.Action;
import io.sentro.spring.pipeline.ExportRunner;
import io.sentro.spring.pipeline.TablePipeline;
import io.sentro.spring.pipeline.WriteRunner;
import io.sentro.spring.pipeline.OperationRunner.ReadOutcome;
import io.sentro.spring.plan.Grant;
import io.sentro.spring.plan.Grants;
import io.sentro.spring.plan.WriteGrants;
import io.sentro.spring.query.RowQuery;
import io.sentro.spring.schema.Table;
import io.sentro.spring.security.AccessPolicy;

import org.jspecify.annotations.Nullable;

/**
 * One table of the entity API: reads as the HTTP API's list and get routes read, through the table's pipeline (READ
 * hooks, display fields) and its access rules for the caller. Each call runs on the schema generation served at the
 * time of the call.
 */
public final class Entity {

    private final SentroEntities entities;
    private final String name;

    Entity(SentroEntities entities, String name) {
        this.entities = entities;
        this.name = name;
    }

    /** The table's name, as in URLs. */
    public String name() {
        return name;
    }

    /** A page of the rows the query selects, with its embedded relations and count. */
    public Page<Row> find(Query query) {
        return call(Operation.READ, call -> {
            ReadOutcome outcome = call.engine().reads().list(call.table(), query.toListQuery(), call.grant(),
                    call.reads(), CallSite.ENTITY_API);
            return new Page<>(rows(outcome.result().rows()), outcome.result().total(),
                    outcome.result().totalIsEstimate(), outcome.limit(), outcome.offset(), outcome.next());
        });
    }

    /**
     * A page of the rows the query selects, each mapped onto the record or class by column name ({@code created_at}
     * to {@code createdAt}); columns without a property are left out.
     */
    public <T> Page<T> find(Query query, Class<T> type) {
        Page<Row> page = find(query);
        return new Page<>(page.rows().stream().map(row -> entities.mapping().as(row, type)).toList(), page.total(),
                page.totalIsEstimate(), page.limit(), page.offset(), page.next());
    }

    /**
     * The row with this primary key (its values in key order; one for a single-column key), with every column the
     * caller may see; empty when there is none, or none the caller may see.
     */
    public Optional<Row> findOne(Object... key) {
        return call(Operation.READ, call -> {
            Map<String, @Nullable Object> row = call.engine().reads().get(call.table(),
                    keyTexts(call.table(), List.of(key)), RowQuery.ALL, call.grant(), call.reads(), CallSite.ENTITY_API);
            return Optional.ofNullable(row).map(Row::of);
        });
    }

    /**
     * The first row the query selects, in its order, with its fields and embedded relations: by key with a
     * projection is {@code findOne(Query.where("id", EQ, 42).fields("id", "title").embed("author"))}.
     */
    public Optional<Row> findOne(Query query) {
        List<Row> rows = find(query.limit(1)).rows();
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /** How many rows match the query's filters, OR groups and search, exactly. */
    public long count(Query query) {
        List<Row> rows = aggregate(query.countQuery());
        Object count = rows.isEmpty() ? null : rows.get(0).get("count");
        return count instanceof Number number ? number.longValue() : 0;
    }

    /** The groups and aggregates a grouped query selects ({@link Query#group}, {@link Query#agg}). */
    public List<Row> aggregate(Query query) {
        if (!query.aggregates()) {
            throw new SentroException(ErrorCode.INVALID_PARAMETER, "An aggregate query names what to compute: "
                    + "Query.group(...).agg(...), or agg(Aggregate.count())", "agg");
        }
        return find(query).rows();
    }

    /**
     * Every row the query selects, handed to {@code consumer} one at a time as the database returns them, in constant
     * memory (the export path: {@code sentro.export.max-rows} applies); returns how many.
     */
    public long stream(Query query, Consumer<Row> consumer) {
        return call(Operation.READ, call -> call.engine().exports().export(call.table(), query.toListQuery(),
                call.grant(), call.reads(), CallSite.ENTITY_API, new ExportRunner.RowSink() {

                    @Override
                    public void rows(List<Map<String, @Nullable Object>> rows) {
                        rows.forEach(row -> consumer.accept(Row.of(row)));
                    }

                    @Override
                    public void end(List<String> fields) {
                    }
                }));
    }

    // ---- writes -------------------------------------------------------------------------------------------------

    /**
     * Creates one row through the table's CREATE pipeline and returns it as the caller may see it. Related rows given
     * inline ({@code "comments": List.of(Map.of(...))}) are created with it, in one transaction, as a nested insert
     * of the HTTP API.
     */
    public Row insert(Map<String, ?> values) {
        return Row.of(create(values).rows().get(0));
    }

    /** Creates the rows in one transaction; returns them in order. */
    public List<Row> insert(List<? extends Map<String, ?>> rows) {
        return rows(create(rows).rows());
    }

    /**
     * Creates the row a record or class of the application's describes (its properties by column name in snake case;
     * null properties are left out, so their columns get their defaults), and returns it as created, same type.
     */
    @SuppressWarnings("unchecked")
    public <T> T insert(T record) {
        return entities.mapping().as(create(record).rows().get(0), (Class<T>) record.getClass());
    }

    private WriteRunner.CreateOutcome create(Object body) {
        return call(Operation.CREATE, call -> call.engine().writes().create(call.table(),
                entities.mapping().body(body), call.grant(), call.writes(), CallSite.ENTITY_API));
    }

    /** Updates the given columns of the row with this primary key (a list for a composite key); 404 without it. */
    public Row update(Object key, Map<String, ?> values) {
        return call(Operation.UPDATE, call -> Row.of(call.engine().writes().update(call.table(),
                keyTexts(call.table(), key), entities.mapping().body(values), false, null, call.grant(),
                CallSite.ENTITY_API).row()));
    }

    /**
     * Sets the values on every row the query's filters select, within the caller's row scope, in one transaction;
     * refused, writing nothing, when it would change more than {@code sentro.writes.max-affected} rows.
     */
    public Changes update(Query filter, Map<String, ?> values) {
        return updateWhere(filter, values, null);
    }

    /** As {@link #update(Query, Map)}, refused when it would change more than {@code maxAffected} rows. */
    public Changes update(Query filter, Map<String, ?> values, long maxAffected) {
        return updateWhere(filter, values, maxAffected);
    }

    private Changes updateWhere(Query filter, Map<String, ?> values, @Nullable Long maxAffected) {
        return call(Operation.UPDATE, call -> changes(call.engine().writes().updateWhere(call.table(),
                filter.toFilterQuery(), entities.mapping().body(values), new WriteRunner.BulkOptions(true, maxAffected),
                call.grant(), call.reads(), CallSite.ENTITY_API)));
    }

    /** Creates the row, or, when its key exists, merges the values into it or leaves it, as {@code conflict} says. */
    public Upserted upsert(Map<String, ?> values, Conflict conflict) {
        return call(Operation.CREATE, call -> {
            WriteRunner.UpsertOutcomes outcome = call.engine().writes().upsert(call.table(),
                    entities.mapping().body(values), conflict.merges(), conflict.columns().isEmpty() ? null
                            : conflict.columns(), call.grant(), call.writes(), CallSite.ENTITY_API);
            return new Upserted(Row.of(outcome.rows().get(0)),
                    outcome.outcomes().get(0) == io.sentro.spring.execute.SqlExecutor.UpsertOutcome.CREATED);
        });
    }

    /** Deletes the row with this primary key (a list for a composite key); 404 without it. */
    public void delete(Object key) {
        call(Operation.DELETE, call -> {
            call.engine().writes().delete(call.table(), keyTexts(call.table(), key), null, call.grant(),
                    CallSite.ENTITY_API);
            return null;
        });
    }

    /**
     * Deletes every row the query's filters select, within the caller's row scope, in one transaction; refused,
     * deleting nothing, when it would delete more than {@code sentro.writes.max-affected} rows.
     */
    public Changes delete(Query filter) {
        return deleteWhere(filter, null);
    }

    /** As {@link #delete(Query)}, refused when it would delete more than {@code maxAffected} rows. */
    public Changes delete(Query filter, long maxAffected) {
        return deleteWhere(filter, maxAffected);
    }

    private Changes deleteWhere(Query filter, @Nullable Long maxAffected) {
        return call(Operation.DELETE, call -> changes(call.engine().writes().deleteWhere(call.table(),
                filter.toFilterQuery(), new WriteRunner.BulkOptions(true, maxAffected), call.grant(), call.reads(),
                CallSite.ENTITY_API)));
    }

    // ---- actions ------------------------------------------------------------------------------------------------

    /**
     * An action of the table, by id.
     *
     * @throws SentroException {@code SENTRO-205} when the table has no such action
     */
    public EntityAction action(String id) {
        entities.call((engine, caller) -> action(engine, table(engine), id));
        return new EntityAction(this, id);
    }

    Map<String, @Nullable Object> runDetailAction(String id, Object key, Map<String, @Nullable Object> input) {
        return runAction(id, Action.Type.DETAIL, "a table action: run it on rows a query selects",
                (call, action) -> call.engine().actions().detailAction(call.table(), action,
                        keyTexts(call.table(), key), new LinkedHashMap<>(input), call.grant(), CallSite.ENTITY_API));
    }

    Map<String, @Nullable Object> runTableAction(String id, Query selection, Map<String, @Nullable Object> input) {
        return runAction(id, Action.Type.TABLE, "a detail action: run it on one row, by its key",
                (call, action) -> call.engine().actions().tableAction(call.table(), action, new LinkedHashMap<>(input),
                        selection.toListQuery(), call.grant(), call.reads(), CallSite.ENTITY_API));
    }

    /** Runs the action, of this type, with the caller's grant of it; {@code otherwise} names the other type. */
    private <T> T runAction(String id, Action.Type type, String otherwise, BiFunction<Call, Action, T> work) {
        return entities.call((engine, caller) -> {
            Table table = table(engine);
            Action action = action(engine, table, id);
            if (action.type() != type) {
                throw new SentroException(ErrorCode.INVALID_PARAMETER, "'" + id + "' is " + otherwise, "action");
            }
            AccessPolicy access = engine.access();
            return work.apply(new Call(engine, table, caller.grantAction(access, table, action),
                    caller.grants(access), (other, operation) -> caller.grant(access, other, operation)), action);
        });
    }

    /**
     * One call on this table: the engine of the generation served now, the table, and what the caller may do: its
     * grant of the call's operation, what it may read of other tables, what it may write of them.
     */
    private record Call(Engine engine, Table table, Grant grant, Grants reads, WriteGrants writes) {
    }

    /** Runs {@code work} as the caller, with their grant of {@code operation} on this table (401/403 first). */
    private <T> T call(Operation operation, Function<Call, T> work) {
        return entities.call((engine, caller) -> {
            Table table = table(engine);
            AccessPolicy access = engine.access();
            return work.apply(new Call(engine, table, caller.grant(access, table, operation), caller.grants(access),
                    (other, op) -> caller.grant(access, other, op)));
        });
    }

    private static Action action(Engine engine, Table table, String id) {
        TablePipeline pipeline = engine.registry().pipeline(table);
        return pipeline.action(id).orElseThrow(() -> new SentroException(ErrorCode.NO_ROUTE, "'" + table.name()
                + "' has no action '" + id + "'. Actions: " + pipeline.actions().stream().map(Action::id).toList(),
                "action"));
    }

    private Table table(Engine engine) {
        return SentroEntities.table(engine, name);
    }

    /** A key given as one value, or as a list of values in key order, in the engine's text form. */
    private static List<String> keyTexts(Table table, Object key) {
        List<String> texts = new ArrayList<>();
        for (Object value : key instanceof List<?> values ? values : List.of(key)) {
            texts.addAll(QueryValues.texts(value, io.sentro.spring.query.Operator.EQ, "key"));
        }
        return keyTexts(table, texts);
    }

    private static Changes changes(WriteRunner.BulkOutcome outcome) {
        return new Changes(rows(outcome.rows()), outcome.count());
    }

    private static List<String> keyTexts(Table table, List<String> texts) {
        if (texts.size() != table.primaryKey().size()) {
            throw new SentroException(ErrorCode.INVALID_PARAMETER, "'" + table.name() + "' is keyed by "
                    + table.primaryKey() + ": " + table.primaryKey().size() + " value(s), not " + texts.size(), "key");
        }
        return texts;
    }

    private static List<Row> rows(List<Map<String, @Nullable Object>> rows) {
        return rows.stream().map(Row::of).toList();
    }
}
