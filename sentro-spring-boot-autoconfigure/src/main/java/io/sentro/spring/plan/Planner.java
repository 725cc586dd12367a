package io.sentro.spring.plan;

import java.util.ArrayList;
import java.util.List;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.sentro.spring.error.ErrorCode;
import io.sentro.spring.error.SentroException;
import io.sentro.spring.plan.OperationPlan.GetPlan;
import io.sentro.spring.plan.OperationPlan.ReadPlan;
import io.sentro.spring.query.CountMode;
import io.sentro.spring.query.EmbedQuery;
import io.sentro.spring.query.ListQuery;
import io.sentro.spring.schema.Column;
import io.sentro.spring.schema.Relations;
import io.sentro.spring.schema.SchemaModel;
import io.sentro.spring.schema.Table;

import org.jspecify.annotations.Nullable;

/**
 * Checks parsed intent against a table and produces a read plan. Every client mistake that the schema can reveal is
 * refused here, before any SQL is rendered: unknown columns and relations, operators that do not apply to a type,
 * values that do not convert, pages above the maximum. Writes are planned by {@link WritePlanner}.
 * <p>
 * The planning itself is done by the package's classes, one job each: {@link ReadPlans} (lists, exports, gets),
 * {@link AggregatePlans}, {@link EmbedPlans}, {@link Conditions} (filters, OR groups, search, related rows),
 * {@link Ordering} (sort and cursors), {@link Projections}, {@link RowScopes}, {@link RelatedTables} and
 * {@link Paging}; this class is their entry point and observes planning.
 */
public final class Planner {

    /** The most items an {@code in}/{@code nin} list may carry; drivers cap bound parameters per statement. */
    public static final int MAX_LIST_VALUES = 1000;

    private final ValueConverter values;
    private final ObservationRegistry observations;
    private final Paging paging;
    private final RowScopes scopes;
    private final RelatedTables related;
    private final Projections projections;
    private final Conditions conditions;
    private final Ordering ordering;
    private final EmbedPlans embeds;
    private final ReadPlans reads;
    private final AggregatePlans aggregates;

    /** Which names of a table are computed display fields (the customizers'), not columns. */
    @FunctionalInterface
    public interface DisplayFields {

        DisplayFields NONE = (table, name) -> false;

        boolean isDisplayField(Table table, String name);
    }

    /**
     * @param defaultPageSize rows per page when a request gives no {@code limit}, and embedded rows per parent row
     * @param maxPageSize the largest {@code limit} a request may give
     * @param defaultCount how lists count when a request gives no {@code count}
     * @param maxEmbedDepth how deep relations may nest in {@code embed} and in filters on related rows
     * @param cursors how page cursors are sealed and opened
     */
    public Planner(ValueConverter values, SchemaModel model, Relations relations, DisplayFields displayFields,
            int defaultPageSize, int maxPageSize, CountMode defaultCount, int maxEmbedDepth, Cursors cursors) {
        this(values, model, relations, displayFields, defaultPageSize, maxPageSize, defaultCount, maxEmbedDepth,
                cursors, ObservationRegistry.NOOP);
    }

    /** @param observations where planning is observed ({@code sentro.plan}, tagged with the table and the plan) */
    public Planner(ValueConverter values, SchemaModel model, Relations relations, DisplayFields displayFields,
            int defaultPageSize, int maxPageSize, CountMode defaultCount, int maxEmbedDepth, Cursors cursors,
            ObservationRegistry observations) {
        this.observations = observations;
        this.values = values;
        this.paging = new Paging(defaultPageSize, maxPageSize, defaultCount);
        this.scopes = new RowScopes(values);
        this.related = new RelatedTables(model, relations, scopes, maxEmbedDepth);
        this.projections = new Projections(displayFields);
        this.conditions = new Conditions(values, related, scopes);
        this.ordering = new Ordering(values, cursors);
        this.embeds = new EmbedPlans(related, conditions, scopes, projections, paging);
        this.reads = new ReadPlans(conditions, embeds, ordering, projections, scopes, paging);
        this.aggregates = new AggregatePlans(values, conditions, paging);
    }

    /** Rows per page when a request gives no limit. */
    public int defaultPageSize() {
        return paging.defaultPageSize();
    }

    /**
     * Plans a list read; columns the grant hides are unknown to it, and {@code grants} decides what it may read of
     * the tables it embeds or filters by.
     */
    public ReadPlan read(Table table, ListQuery query, Grant grant, Grants grants) {
        return planned("read", table, () -> reads.read(table, query, grant, grants));
    }

    /**
     * Plans an export: every row the list's filters, search and sort select (and the caller's row scope), unpaged, in
     * the order of a list. {@code maxRows} ({@code sentro.export.max-rows}; 0 for none) caps it: the plan reads one
     * row more, which tells the caller that the export went past it. An export takes no {@code embed}, aggregates or
     * cursor; {@code limit} and {@code offset} cut it as they cut a page, and {@code count} is left unused.
     */
    public ReadPlan export(Table table, ListQuery query, Grant grant, Grants grants, long maxRows) {
        return planned("export", table, () -> reads.export(table, query, grant, grants, maxRows));
    }

    /**
     * Plans groups and aggregates ({@code group}, {@code agg}, {@code having.*}) over the rows the list's filters,
     * OR groups, search and the caller's row scope select; sorted by group columns and aggregate keys, paged by
     * group. Hidden columns are as unknown here as everywhere.
     */
    public AggregatePlan aggregate(Table table, ListQuery query, Grant grant, Grants grants) {
        return planned("aggregate", table, () -> aggregates.aggregate(table, query, grant, grants));
    }

    /**
     * The cursor that continues after a page's last row, from its values of the sort columns (as read); null for a
     * table without a primary key, whose rows may tie.
     */
    public @Nullable String cursor(ReadPlan plan, List<Object> lastRow) {
        return ordering.cursor(plan, lastRow);
    }

    /** Plans a get by key, with the relations to embed in the row. */
    public GetPlan get(Table table, Key key, List<String> fields, List<EmbedQuery> embedQueries, Grant grant,
            Grants grants) {
        return reads.get(table, key, fields, embedQueries, grant, grants);
    }

    /** Plans one embedded relation and those nested in it, refusing every mistake before any SQL runs. */
    public EmbedPlan embed(Table parent, Grant parentGrant, EmbedQuery query, Grants grants, int depth) {
        return embeds.embed(parent, parentGrant, query, grants, depth);
    }

    /** The typed key of a row from the path's raw values; a 400 naming {@code id} when one does not convert. */
    public Key key(Table table, List<String> rawKey) {
        List<Column> keyColumns = table.primaryKeyColumns();
        List<Object> keyValues = new ArrayList<>(keyColumns.size());
        for (int i = 0; i < keyColumns.size(); i++) {
            Column column = keyColumns.get(i);
            try {
                keyValues.add(values.fromText(column, rawKey.get(i), column.name()));
            }
            catch (SentroException ex) {
                throw new SentroException(ErrorCode.INVALID_KEY, "The key in the path is not valid: " + ex.detail(),
                        "id");
            }
        }
        return new Key(keyColumns, keyValues);
    }

    /**
     * The caller's row scope as a condition: each scoped column equal to (or in) its allowed values. A caller scoped
     * to nothing, or whose allowed values cannot be values of the column, matches no row.
     */
    public Condition scope(Table table, Grant grant) {
        return scopes.scope(table, grant);
    }

    /** Planning, observed as {@code sentro.plan} (a span under the request's when the application traces). */
    <T> T planned(String plan, Table table, java.util.function.Supplier<T> planning) {
        return Observation.createNotStarted("sentro.plan", observations).lowCardinalityKeyValue("table", table.name())
                .lowCardinalityKeyValue("plan", plan).observe(planning);
    }

    // ---- the pieces writes share -----------------------------------------------------------------------------------

    Conditions conditions() {
        return conditions;
    }

    RowScopes scopes() {
        return scopes;
    }

    RelatedTables related() {
        return related;
    }

    Projections projections() {
        return projections;
    }
}
