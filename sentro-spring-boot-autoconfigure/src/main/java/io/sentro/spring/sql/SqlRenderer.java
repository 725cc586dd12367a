package io.sentro.spring.sql;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.sentro.spring.dialect.RowEstimate;
import io.sentro.spring.dialect.SqlDialect;
import io.sentro.spring.plan.AggregatePlan;
import io.sentro.spring.plan.Condition;
import io.sentro.spring.plan.EmbedPlan;
import io.sentro.spring.plan.Key;
import io.sentro.spring.plan.OperationPlan.DeleteWherePlan;
import io.sentro.spring.plan.OperationPlan.ReadPlan;
import io.sentro.spring.plan.OperationPlan.UpdateWherePlan;
import io.sentro.spring.plan.OperationPlan.UpsertPlan;
import io.sentro.spring.schema.Column;
import io.sentro.spring.schema.SchemaModel;
import io.sentro.spring.schema.Table;

import org.jspecify.annotations.Nullable;

/**
 * Renders plans into SQL for one dialect: the one entry point the executor calls, handing each statement kind to its
 * own renderer. Identifiers come only from the schema model and are always quoted; every value is a bound parameter.
 * The parts of each table's statements that never change (quoted names, the full column list, the key predicate) are
 * rendered once, when the renderer is built ({@link TableSql}).
 */
public final class SqlRenderer {

    /** The most keys one statement looks rows up by ({@link #selectByKeys}); callers split longer lists. */
    public static final int MAX_KEYS_PER_STATEMENT = 500;

    private final SqlDialect dialect;
    private final SelectRenderer selects;
    private final RowSelectRenderer rows;
    private final CountRenderer counts;
    private final EmbedRenderer embeds;
    private final AggregateRenderer aggregates;
    private final InsertRenderer inserts;
    private final UpsertRenderer upserts;
    private final UpdateRenderer updates;
    private final DeleteRenderer deletes;

    public SqlRenderer(SqlDialect dialect, SchemaModel model) {
        this.dialect = dialect;
        SqlParts parts = new SqlParts(dialect, model);
        ConditionSql conditions = new ConditionSql(dialect, parts);
        this.selects = new SelectRenderer(dialect, parts, conditions);
        this.rows = new RowSelectRenderer(dialect, parts, conditions);
        this.counts = new CountRenderer(dialect, parts, conditions);
        this.embeds = new EmbedRenderer(dialect, parts, conditions);
        this.aggregates = new AggregateRenderer(dialect, parts, conditions);
        this.inserts = new InsertRenderer(dialect, parts);
        this.upserts = new UpsertRenderer(dialect, parts);
        this.updates = new UpdateRenderer(dialect, parts, conditions);
        this.deletes = new DeleteRenderer(dialect, parts, conditions);
    }

    public SqlDialect dialect() {
        return dialect;
    }

    /** The rows of a page ({@link SelectRenderer#select}). */
    public SqlStatement select(ReadPlan plan) {
        return selects.select(plan);
    }

    /** The rows of a page and one more, after the plan's cursor ({@link SelectRenderer#selectPage}). */
    public SqlStatement selectPage(ReadPlan plan) {
        return selects.selectPage(plan);
    }

    /** The rows of a page and one more, each with the total ({@link SelectRenderer#selectWithTotal}). */
    public SqlStatement selectWithTotal(ReadPlan plan) {
        return selects.selectWithTotal(plan);
    }

    /** The number of rows matching a page's condition. */
    public SqlStatement count(ReadPlan plan) {
        return counts.count(plan);
    }

    /** The statistics' estimate of that number, where the dialect has one ({@link CountRenderer#rowEstimate}). */
    public Optional<RowEstimate> rowEstimate(ReadPlan plan) {
        return counts.rowEstimate(plan);
    }

    /** The related rows of an embedded relation for some parent rows ({@link EmbedRenderer#related}). */
    public SqlStatement related(EmbedPlan plan, List<List<Object>> parentKeys) {
        return embeds.related(plan, parentKeys);
    }

    /** The groups of an aggregate plan and their aggregates, one more than the page. */
    public SqlStatement aggregate(AggregatePlan plan) {
        return aggregates.aggregate(plan);
    }

    /** The number of groups an aggregate plan has. */
    public SqlStatement countGroups(AggregatePlan plan) {
        return aggregates.countGroups(plan);
    }

    /** One row by key. */
    public SqlStatement selectByKey(Table table, List<Column> projection, Key key) {
        return rows.selectByKey(table, projection, key, Condition.NONE);
    }

    /** One row by key, when it also meets {@code scope}. */
    public SqlStatement selectByKey(Table table, List<Column> projection, Key key, Condition scope) {
        return rows.selectByKey(table, projection, key, scope);
    }

    /** Every row matching a condition, in primary key order, unpaged: for the {@code db} helper. */
    public SqlStatement selectWhere(Table table, Condition condition) {
        return rows.selectWhere(table, condition);
    }

    /** Every row that meets a condition, locked ({@link RowSelectRenderer#selectForUpdate}). */
    public SqlStatement selectForUpdate(Table table, Condition condition) {
        return rows.selectForUpdate(table, condition);
    }

    /** Whole rows by their keys (at most {@link #MAX_KEYS_PER_STATEMENT}), in primary key order. */
    public SqlStatement selectByKeys(Table table, List<List<Object>> keys) {
        return rows.selectByKeys(table, keys);
    }

    /** An INSERT of one row, returning it where the dialect can ({@link InsertRenderer#insert}). */
    public SqlStatement insert(Table table, Map<Column, @Nullable Object> row) {
        return inserts.insert(table, row);
    }

    /** A multi-row INSERT ({@link InsertRenderer#insertMany}). */
    public SqlStatement insertMany(Table table, List<Map<Column, @Nullable Object>> rows) {
        return inserts.insertMany(table, rows);
    }

    /** An upsert of one row ({@link UpsertRenderer#upsert}). */
    public SqlStatement upsert(UpsertPlan plan) {
        return upserts.upsert(plan);
    }

    /** An UPDATE of one row by key, returning the stored row when the dialect can. */
    public SqlStatement update(Table table, Key key, Map<Column, @Nullable Object> values) {
        return updates.update(table, key, values, Condition.NONE);
    }

    /** An UPDATE of one row by key when it meets {@code scope}, returning the stored row when the dialect can. */
    public SqlStatement update(Table table, Key key, Map<Column, @Nullable Object> values, Condition scope) {
        return updates.update(table, key, values, scope);
    }

    /** An UPDATE of every row matching a (non-empty) condition, returning nothing: for the {@code db} helper. */
    public SqlStatement updateWhere(Table table, Map<Column, @Nullable Object> values, Condition condition) {
        return updates.updateWhere(new UpdateWherePlan(table, values, condition), false);
    }

    /** A bulk UPDATE, returning the rows where asked and the dialect can ({@link UpdateRenderer#updateWhere}). */
    public SqlStatement updateWhere(UpdateWherePlan plan, boolean returning) {
        return updates.updateWhere(plan, returning);
    }

    /** A DELETE of one row by key. */
    public SqlStatement delete(Table table, Key key) {
        return deletes.delete(table, key, Condition.NONE);
    }

    /** A DELETE of one row by key, when it meets {@code scope}. */
    public SqlStatement delete(Table table, Key key, Condition scope) {
        return deletes.delete(table, key, scope);
    }

    /** A DELETE of every row matching a (non-empty) condition: for the {@code db} helper. */
    public SqlStatement deleteWhere(Table table, Condition condition) {
        return deletes.deleteWhere(new DeleteWherePlan(table, condition), false);
    }

    /** A bulk DELETE, returning the rows where asked and the dialect can ({@link DeleteRenderer#deleteWhere}). */
    public SqlStatement deleteWhere(DeleteWherePlan plan, boolean returning) {
        return deletes.deleteWhere(plan, returning);
    }
}
