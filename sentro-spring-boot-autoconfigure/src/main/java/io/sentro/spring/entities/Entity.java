package io.sentro.spring.entities;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import io.sentro.spring.customize.CallSite;
import io.sentro.spring.customize.Operation;
import io.sentro.spring.error.ErrorCode;
import io.sentro.spring.error.SentroException;
import io.sentro.spring.pipeline.ExportRunner;
import io.sentro.spring.pipeline.OperationRunner;
import io.sentro.spring.pipeline.OperationRunner.ReadOutcome;
import io.sentro.spring.plan.Grant;
import io.sentro.spring.reload.ApiGeneration;
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
    public Page find(Query query) {
        return entities.call((generation, caller) -> {
            Table table = table(generation);
            AccessPolicy access = generation.component(AccessPolicy.class);
            Grant grant = caller.grant(access, table, Operation.READ);
            ReadOutcome outcome = generation.component(OperationRunner.class).list(table, query.toListQuery(), grant,
                    caller.grants(access), CallSite.ENTITY_API);
            return new Page(rows(outcome.result().rows()), outcome.result().total(),
                    outcome.result().totalIsEstimate(), outcome.limit(), outcome.offset(), outcome.next());
        });
    }

    /**
     * The row with this primary key (its values in key order; one for a single-column key), with every column the
     * caller may see; empty when there is none, or none the caller may see.
     */
    public Optional<Row> findOne(Object... key) {
        return findOne(Query.all(), key);
    }

    /**
     * The row with this primary key, with the query's fields and embedded relations (the rest of the query does not
     * apply).
     */
    public Optional<Row> findOne(Query query, Object... key) {
        return entities.call((generation, caller) -> {
            Table table = table(generation);
            AccessPolicy access = generation.component(AccessPolicy.class);
            Grant grant = caller.grant(access, table, Operation.READ);
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < key.length; i++) {
                texts.addAll(QueryValues.texts(key[i], io.sentro.spring.query.Operator.EQ, "key"));
            }
            Map<String, @Nullable Object> row = generation.component(OperationRunner.class).get(table,
                    keyTexts(table, texts), query.toRowQuery(), grant, caller.grants(access), CallSite.ENTITY_API);
            return Optional.ofNullable(row).map(Row::of);
        });
    }

    /** The first row the query selects, in its order. */
    public Optional<Row> first(Query query) {
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
        return entities.call((generation, caller) -> {
            Table table = table(generation);
            AccessPolicy access = generation.component(AccessPolicy.class);
            Grant grant = caller.grant(access, table, Operation.READ);
            return generation.component(ExportRunner.class).export(table, query.toListQuery(), grant,
                    caller.grants(access), CallSite.ENTITY_API, new ExportRunner.RowSink() {

                        @Override
                        public void rows(List<Map<String, @Nullable Object>> rows) {
                            rows.forEach(row -> consumer.accept(Row.of(row)));
                        }

                        @Override
                        public void end(List<String> fields) {
                        }
                    });
        });
    }

    private Table table(ApiGeneration generation) {
        return SentroEntities.table(generation, name);
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
