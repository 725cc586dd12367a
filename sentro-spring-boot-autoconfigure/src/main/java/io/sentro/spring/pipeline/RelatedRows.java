package io.sentro.spring.pipeline;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import io.sentro.spring.customize.CallSite;
import io.sentro.spring.customize.HookContext;
import io.sentro.spring.customize.Operation;
import io.sentro.spring.customize.OperationResult;
import io.sentro.spring.customize.Payload;
import io.sentro.spring.customize.ReadQuery;
import io.sentro.spring.execute.SqlExecutor;
import io.sentro.spring.execute.SqlExecutor.RelatedRow;
import io.sentro.spring.plan.EmbedPlan;
import io.sentro.spring.plan.Grant;
import io.sentro.spring.plan.Grants;
import io.sentro.spring.plan.OperationPlan.ReadPlan;
import io.sentro.spring.plan.Planner;
import io.sentro.spring.schema.Relation;
import io.sentro.spring.schema.Table;

import org.jspecify.annotations.Nullable;

/**
 * Embeds related rows in rows already read: one statement per embedded relation for all the parent rows of a
 * level (another per {@value #KEYS_PER_STATEMENT} distinct parents beyond the first), never one per parent; or none,
 * for a many-to-one relation of a page that the page's own statement joined. Each
 * level goes through its own table's READ pipeline like a list of that table: before hooks see (and may change) the
 * relation's filters, sort, fields and rows per parent; after hooks see the related rows of every parent at once,
 * already shaped (display fields, nested relations); hidden columns are left out.
 */
final class RelatedRows {

    /** Parents per statement: bound parameters are capped per statement (2,100 on SQL Server). */
    static final int KEYS_PER_STATEMENT = 500;

    private final CustomizerRegistry registry;
    private final Planner planner;
    private final SqlExecutor executor;
    private final BiFunction<Table, CallSite, HookContext> readContext;

    RelatedRows(CustomizerRegistry registry, Planner planner, SqlExecutor executor,
            BiFunction<Table, CallSite, HookContext> readContext) {
        this.registry = registry;
        this.planner = planner;
        this.executor = executor;
        this.readContext = readContext;
    }

    /** What a level of embedding needs to re-plan a relation whose READ hooks changed it. */
    record Level(Table table, Grant grant, Grants grants, int depth, CallSite call) {

        Level next(EmbedPlan plan) {
            return new Level(plan.target(), plan.grant(), grants, depth + 1, call);
        }
    }

    /**
     * The page's plan with its many-to-one relations whose tables have no READ hooks joined into its own statement
     * (one round trip for the page and them); the others are read by {@link #attach}.
     */
    ReadPlan withJoins(ReadPlan plan) {
        if (plan.embeds().isEmpty()) {
            return plan;
        }
        List<EmbedPlan> joined = plan.embeds().stream().filter(this::joinable).toList();
        return joined.isEmpty() ? plan : plan.withJoined(joined);
    }

    /**
     * Puts every relation a page embeds into its rows: finishes those its statement joined, reads the others.
     */
    void attach(List<Map<String, @Nullable Object>> rows, ReadPlan plan, Level level) {
        if (plan.embeds().isEmpty()) {
            return;
        }
        joined(rows, plan.joined(), level);
        embed(rows, plan.joined().isEmpty() ? plan.embeds() : plan.embeds().stream()
                .filter(embed -> plan.joined().stream().noneMatch(joined -> joined == embed)).toList(), level);
    }

    /** Puts each relation of {@code embeds} into every row of {@code rows}, under the relation's name. */
    void embed(List<Map<String, @Nullable Object>> rows, List<EmbedPlan> embeds, Level level) {
        for (EmbedPlan plan : embeds) {
            embed(rows, plan, level);
        }
    }

    /**
     * Finishes the many-to-one relations the page's own statement joined ({@link ReadPlan#joined()}): their rows,
     * already under the relation's name, get their own relations and are shaped (display fields, fields asked for).
     * Only relations whose table has no READ hooks are joined, so there is no pipeline to run.
     */
    private void joined(List<Map<String, @Nullable Object>> rows, List<EmbedPlan> joined, Level level) {
        for (EmbedPlan plan : joined) {
            String name = plan.relation().name();
            List<Map<String, @Nullable Object>> related = new ArrayList<>(rows.size());
            int[] parents = new int[rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i).get(name) instanceof Map<?, ?> row) {
                    parents[related.size()] = i;
                    @SuppressWarnings("unchecked")
                    Map<String, @Nullable Object> typed = (Map<String, @Nullable Object>) row;
                    related.add(typed);
                }
            }
            if (related.isEmpty()) {
                continue;
            }
            embed(related, plan.embeds(), level.next(plan));
            TablePipeline pipeline = registry.pipeline(plan.target());
            Projection.of(pipeline, plan.query().fields()).apply(pipeline, related, plan.helpers(),
                    plan.embedNames());
            for (int k = 0; k < related.size(); k++) {
                rows.get(parents[k]).put(name, related.get(k));
            }
        }
    }

    /** Whether a relation can be read in its parent's statement: a many-to-one whose table has no READ hooks. */
    private boolean joinable(EmbedPlan plan) {
        return !plan.toMany() && !HookChain.hasHooks(registry.pipeline(plan.target()), Operation.READ);
    }

    private void embed(List<Map<String, @Nullable Object>> rows, EmbedPlan plan, Level level) {
        Relation relation = plan.relation();
        List<@Nullable List<Object>> rowKeys = new ArrayList<>(rows.size());
        Map<List<Object>, List<Object>> distinct = new LinkedHashMap<>();
        for (Map<String, @Nullable Object> row : rows) {
            List<Object> key = key(row, relation.columns());
            List<Object> normalized = key == null ? null : normalized(key);
            rowKeys.add(normalized);
            if (key != null) {
                distinct.putIfAbsent(normalized, key);
            }
        }
        // No parent with a key, or no related row wanted per parent: nothing to read.
        boolean none = distinct.isEmpty() || plan.toMany() && plan.limit() == 0;
        Map<List<Object>, List<Map<String, @Nullable Object>>> related = none ? Map.of()
                : load(plan, new ArrayList<>(distinct.values()), level);
        for (int i = 0; i < rows.size(); i++) {
            List<Map<String, @Nullable Object>> found = rowKeys.get(i) == null ? null : related.get(rowKeys.get(i));
            Object value;
            if (plan.toMany()) {
                value = found == null ? new ArrayList<>() : found;
            }
            else {
                value = found == null || found.isEmpty() ? null : found.get(0);
            }
            rows.get(i).put(relation.name(), value);
        }
    }

    /** The related rows of the given parents, by the parent's (normalized) key. */
    private Map<List<Object>, List<Map<String, @Nullable Object>>> load(EmbedPlan plan, List<List<Object>> keys,
            Level level) {
        TablePipeline pipeline = registry.pipeline(plan.target());
        Map<Map<String, @Nullable Object>, List<Object>> parents = new IdentityHashMap<>();
        List<Map<String, @Nullable Object>> rows;
        if (!HookChain.hasHooks(pipeline, Operation.READ)) {
            rows = read(pipeline, plan, keys, level, parents);
        }
        else {
            HookContext context = readContext.apply(plan.target(), level.call());
            ReadQuery query = ReadQueries.of(plan.query(), plan.toMany() ? plan.limit() : 1);
            Payload payload = new Payload(Operation.READ, Map.of(), Map.of(), query, context);
            OperationResult result = HookChain.run(pipeline, context, payload, input -> {
                ReadQuery changed = input.query() != null ? input.query() : query;
                EmbedPlan replanned = planner.embed(level.table(), level.grant(),
                        ReadQueries.embedQuery(changed, plan.query(), plan.toMany()), level.grants(), level.depth());
                return new OperationResult(read(pipeline, replanned, keys, level, parents), null);
            });
            rows = result.rows();
        }
        Map<List<Object>, List<Map<String, @Nullable Object>>> byParent = new HashMap<>();
        for (Map<String, @Nullable Object> row : rows) {
            List<Object> parent = parents.get(row);
            if (parent == null) {
                // A row a hook put in place of one read: it belongs where its own columns say.
                List<Object> own = plan.through() == null ? key(row, plan.relation().targetColumns()) : null;
                if (own == null) {
                    continue;
                }
                parent = normalized(own);
            }
            byParent.computeIfAbsent(parent, key -> new ArrayList<>()).add(plan.grant().strip(row));
        }
        return byParent;
    }

    /**
     * The core of one level: the related rows of every parent, read in one statement per
     * {@value #KEYS_PER_STATEMENT} parents, with their own relations embedded, then shaped; {@code parents} learns
     * each shaped row's parent.
     */
    private List<Map<String, @Nullable Object>> read(TablePipeline pipeline, EmbedPlan plan, List<List<Object>> keys,
            Level level, Map<Map<String, @Nullable Object>, List<Object>> parents) {
        List<Map<String, @Nullable Object>> rows = new ArrayList<>();
        List<List<Object>> rowParents = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += KEYS_PER_STATEMENT) {
            for (RelatedRow related : executor.related(plan, keys.subList(from, Math.min(keys.size(),
                    from + KEYS_PER_STATEMENT)))) {
                rows.add(related.row());
                rowParents.add(normalized(related.parentKey()));
            }
        }
        embed(rows, plan.embeds(), level.next(plan));
        Projection.of(pipeline, plan.query().fields()).apply(pipeline, rows, plan.helpers(), plan.embedNames());
        for (int i = 0; i < rows.size(); i++) {
            parents.put(rows.get(i), rowParents.get(i));
        }
        return rows;
    }

    /** The row's values of {@code columns}; null when one is null (a NULL foreign key relates to nothing). */
    private static @Nullable List<Object> key(Map<String, @Nullable Object> row, List<String> columns) {
        List<Object> key = new ArrayList<>(columns.size());
        for (String column : columns) {
            Object value = row.get(column);
            if (value == null) {
                return null;
            }
            key.add(value);
        }
        return key;
    }

    /**
     * Key values comparable across the two sides of a foreign key, whose column types may differ ({@code integer}
     * referencing {@code bigint}, {@code numeric(10)} referencing {@code numeric(12)}).
     */
    static List<Object> normalized(List<Object> key) {
        List<Object> normalized = new ArrayList<>(key.size());
        for (Object value : key) {
            normalized.add(normalized(value));
        }
        return normalized;
    }

    /** Whole numbers as {@code Long} when they fit, other decimals without trailing zeros; anything else as is. */
    private static Object normalized(Object value) {
        if (value instanceof Long) {
            return value;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        BigDecimal decimal = value instanceof BigDecimal exact ? exact
                : value instanceof BigInteger integer ? new BigDecimal(integer) : null;
        if (decimal == null) {
            return value;
        }
        BigDecimal stripped = decimal.stripTrailingZeros();
        if (stripped.scale() <= 0 && stripped.precision() - stripped.scale() < 19) {
            return stripped.longValueExact();
        }
        return stripped;
    }
}
