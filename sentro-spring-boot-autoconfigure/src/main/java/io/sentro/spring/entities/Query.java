package io.sentro.spring.entities;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.sentro.spring.query.AggregateQuery;
import io.sentro.spring.query.CountMode;
import io.sentro.spring.query.FilterTerm;
import io.sentro.spring.query.ListQuery;
import io.sentro.spring.query.Operator;
import io.sentro.spring.query.SortTerm;

import org.jspecify.annotations.Nullable;

/**
 * What to read, typed: everything a list request of the HTTP API says in its query string. Immutable: each method
 * returns a new query.
 *
 * <pre>{@code
 * Query.where("views", GTE, 100).or(Filter.where("status", EQ, "draft")).search("compiler").fields("id", "title")
 *      .sort(Sort.desc("created_at")).limit(20).embed("author").embed(Embed.of("comments").limit(3))
 * Query.group("status").agg(Aggregate.count(), Aggregate.sum("views")).having("count", GT, 1)
 * }</pre>
 *
 * Nothing is checked here: the engine checks a query against the table as it checks the HTTP API's parameters, with
 * the same errors, before any SQL runs.
 */
public final class Query {

    private static final Query ALL = new Query(List.of(), List.of(), null, List.of(), List.of(), null, null, null, null,
            List.of(), List.of(), List.of(), List.of());

    private final List<Filter> filters;
    private final List<List<Filter>> anyOf;
    private final @Nullable String search;
    private final List<String> fields;
    private final List<Sort> sort;
    private final @Nullable Long limit;
    private final @Nullable Long offset;
    private final @Nullable String after;
    private final @Nullable CountMode count;
    private final List<Embed> embeds;
    private final List<String> group;
    private final List<Aggregate> aggregates;
    private final List<Filter> having;

    private Query(List<Filter> filters, List<List<Filter>> anyOf, @Nullable String search, List<String> fields,
            List<Sort> sort, @Nullable Long limit, @Nullable Long offset, @Nullable String after,
            @Nullable CountMode count, List<Embed> embeds, List<String> group, List<Aggregate> aggregates,
            List<Filter> having) {
        this.filters = List.copyOf(filters);
        this.anyOf = anyOf.stream().map(List::copyOf).toList();
        this.search = search;
        this.fields = List.copyOf(fields);
        this.sort = List.copyOf(sort);
        this.limit = limit;
        this.offset = offset;
        this.after = after;
        this.count = count;
        this.embeds = List.copyOf(embeds);
        this.group = List.copyOf(group);
        this.aggregates = List.copyOf(aggregates);
        this.having = List.copyOf(having);
    }

    /** Every row (a page of them: the default page size applies). */
    public static Query all() {
        return ALL;
    }

    /** Rows where the column compares to the value. */
    public static Query where(String column, Operator operator, @Nullable Object value) {
        return ALL.and(column, operator, value);
    }

    /** Rows of groups: one per distinct value of the columns (none: one group of every row), with {@link #agg}. */
    public static Query group(String... columns) {
        return ALL.groupBy(columns);
    }

    /** A further filter that must hold too. */
    public Query and(String column, Operator operator, @Nullable Object value) {
        return new Query(Embed.append(filters, new Filter(column, operator, value)), anyOf, search, fields, sort, limit,
                offset, after, count, embeds, group, aggregates, having);
    }

    /**
     * One OR group: rows match when all filters of at least one group hold (and every {@link #and} filter). Each call
     * adds a group.
     */
    public Query or(Filter... group) {
        return new Query(filters, Embed.append(anyOf, List.of(group)), search, fields, sort, limit, offset, after,
                count, embeds, this.group, aggregates, having);
    }

    /** Text to find in any text column, as the HTTP API's {@code search}. */
    public Query search(@Nullable String text) {
        return new Query(filters, anyOf, text, fields, sort, limit, offset, after, count, embeds, group, aggregates,
                having);
    }

    /** The columns (and display fields) to read; none: all. */
    public Query fields(String... columns) {
        return new Query(filters, anyOf, search, List.of(columns), sort, limit, offset, after, count, embeds, group,
                aggregates, having);
    }

    public Query sort(Sort... items) {
        return new Query(filters, anyOf, search, fields, List.of(items), limit, offset, after, count, embeds, group,
                aggregates, having);
    }

    /** Rows per page; at most {@code sentro.page.max-size}. */
    public Query limit(long rows) {
        return new Query(filters, anyOf, search, fields, sort, rows, offset, after, count, embeds, group, aggregates,
                having);
    }

    public Query offset(long rows) {
        return new Query(filters, anyOf, search, fields, sort, limit, rows, after, count, embeds, group, aggregates,
                having);
    }

    /** The page after the one whose {@link Page#next() next cursor} this is. */
    public Query after(@Nullable String cursor) {
        return new Query(filters, anyOf, search, fields, sort, limit, offset, cursor, count, embeds, group, aggregates,
                having);
    }

    /** Whether and how the page counts the matching rows; unset, {@code sentro.page.count} decides. */
    public Query count(CountMode mode) {
        return new Query(filters, anyOf, search, fields, sort, limit, offset, after, mode, embeds, group, aggregates,
                having);
    }

    public Query embed(String relation) {
        return embed(Embed.of(relation));
    }

    public Query embed(Embed embed) {
        return new Query(filters, anyOf, search, fields, sort, limit, offset, after, count, Embed.append(embeds, embed),
                group, aggregates, having);
    }

    /** The columns to group by; see {@link #group(String...)}. */
    public Query groupBy(String... columns) {
        return new Query(filters, anyOf, search, fields, sort, limit, offset, after, count, embeds, List.of(columns),
                aggregates, having);
    }

    /** What to compute per group. */
    public Query agg(Aggregate... computed) {
        return new Query(filters, anyOf, search, fields, sort, limit, offset, after, count, embeds, group,
                List.of(computed), having);
    }

    /** A filter on an aggregate, by its key ({@code count}, {@code sum_views}). */
    public Query having(String aggregate, Operator operator, @Nullable Object value) {
        return new Query(filters, anyOf, search, fields, sort, limit, offset, after, count, embeds, group, aggregates,
                Embed.append(having, new Filter(aggregate, operator, value)));
    }

    /** Whether this query asks for groups and aggregates rather than rows. */
    boolean aggregates() {
        return !group.isEmpty() || !aggregates.isEmpty() || !having.isEmpty();
    }

    /** The engine's intent, with parameter names as the HTTP API spells them. */
    ListQuery toListQuery() {
        Map<String, List<FilterTerm>> groups = new LinkedHashMap<>();
        for (int i = 0; i < anyOf.size(); i++) {
            String name = "g" + (i + 1);
            groups.put(name, Filter.terms(anyOf.get(i), "or." + name + "."));
        }
        AggregateQuery aggregate = aggregates() ? new AggregateQuery(group,
                aggregates.stream().map(Aggregate::term).toList(), Filter.terms(having, "having.")) : null;
        return new ListQuery(fields, sort.stream().map(item -> new SortTerm(item.column(), item.descending())).toList(),
                Filter.terms(filters, "where."), groups, search, limit, offset, count, after,
                embeds.stream().map(embed -> embed.toEmbedQuery("")).toList(), aggregate);
    }

    /** The rows matching this query's filters, OR groups and search, counted: one group of every row. */
    Query countQuery() {
        return new Query(filters, anyOf, search, List.of(), List.of(), null, null, null, null, List.of(), List.of(),
                List.of(Aggregate.count()), List.of());
    }

    /**
     * The filters, OR groups and search, for a write by query; a query that says more (fields, sort, page, embeds,
     * aggregates) is refused rather than half-applied.
     */
    ListQuery toFilterQuery() {
        if (!fields.isEmpty() || !sort.isEmpty() || limit != null || offset != null || after != null || count != null
                || !embeds.isEmpty() || aggregates()) {
            throw new io.sentro.spring.error.SentroException(io.sentro.spring.error.ErrorCode.INVALID_PARAMETER,
                    "A write by query selects rows with filters, OR groups and search only: " + this, "where");
        }
        return toListQuery();
    }

    @Override
    public String toString() {
        return "Query" + toListQuery();
    }
}
