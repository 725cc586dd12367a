package io.sentro.spring.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.sentro.spring.error.ErrorCode;
import io.sentro.spring.error.SentroException;
import io.sentro.spring.plan.OperationPlan.CreatePlan;
import io.sentro.spring.plan.OperationPlan.DeletePlan;
import io.sentro.spring.plan.OperationPlan.GetPlan;
import io.sentro.spring.plan.OperationPlan.ReadPlan;
import io.sentro.spring.plan.OperationPlan.UpdatePlan;
import io.sentro.spring.query.AggregateQuery;
import io.sentro.spring.query.CountMode;
import io.sentro.spring.query.EmbedQuery;
import io.sentro.spring.query.FilterTerm;
import io.sentro.spring.query.ListQuery;
import io.sentro.spring.query.Operator;
import io.sentro.spring.query.SortTerm;
import io.sentro.spring.schema.Column;
import io.sentro.spring.schema.Relation;
import io.sentro.spring.schema.Relations;
import io.sentro.spring.schema.SchemaModel;
import io.sentro.spring.schema.Table;
import io.sentro.spring.schema.TypeKind;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Checks parsed intent against a table and produces a read plan. Every client mistake that the schema can reveal is
 * refused here, before any SQL is rendered: unknown columns and relations, operators that do not apply to a type,
 * values that do not convert, pages above the maximum. Writes are planned by {@link WritePlanner}.
 */
public final class Planner {

    /** The most items an {@code in}/{@code nin} list may carry; drivers cap bound parameters per statement. */
    public static final int MAX_LIST_VALUES = 1000;

    private final ValueConverter values;
    private final SchemaModel model;
    private final Relations relations;
    private final ObservationRegistry observations;
    private final DisplayFields displayFields;
    private final int defaultPageSize;
    private final int maxPageSize;
    private final CountMode defaultCount;
    private final int maxEmbedDepth;
    private final Cursors cursors;

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
        this.model = model;
        this.relations = relations;
        this.displayFields = displayFields;
        this.defaultPageSize = defaultPageSize;
        this.maxPageSize = maxPageSize;
        this.defaultCount = defaultCount;
        this.maxEmbedDepth = maxEmbedDepth;
        this.cursors = cursors;
    }

    /** Rows per page when a request gives no limit. */
    public int defaultPageSize() {
        return defaultPageSize;
    }

    /**
     * Plans a list read; columns the grant hides are unknown to it, and {@code grants} decides what it may read of
     * the tables it embeds or filters by.
     */
    public ReadPlan read(Table table, ListQuery query, Grant grant, Grants grants) {
        return planned("read", table, () -> readUnobserved(table, query, grant, grants));
    }

    private ReadPlan readUnobserved(Table table, ListQuery query, Grant grant, Grants grants) {
        long limit = limit(query);
        long offset = query.offset() == null ? 0 : query.offset();
        Condition condition = condition(table, query, grant, grants);
        List<EmbedPlan> embeds = embeds(table, grant, query.embeds(), grants, 1);
        List<SortOrder> order = order(table, query.sort(), grant, "sort");
        List<Object> after = query.after() == null ? null : after(table, order, query.after());
        List<Column> projection = projection(table, query.fields(), grant, "fields");
        Set<String> helpers = joinColumns(table, projection, embeds);
        if (table.hasPrimaryKey()) {
            // The next cursor is made of the last row's sort values.
            for (SortOrder item : order) {
                if (!projection.contains(item.column())) {
                    helpers.add(item.column().name());
                }
            }
        }
        projection = withColumns(table, projection, helpers);
        return new ReadPlan(table, projection, condition, order, limit, offset,
                query.count() != null ? query.count() : defaultCount, helpers, embeds, after, List.of());
    }

    /**
     * Plans an export: every row the list's filters, search and sort select (and the caller's row scope), unpaged, in
     * the order of a list. {@code maxRows} ({@code sentro.export.max-rows}; 0 for none) caps it: the plan reads one
     * row more, which tells the caller that the export went past it. An export takes no {@code embed}, aggregates or
     * cursor; {@code limit} and {@code offset} cut it as they cut a page, and {@code count} is left unused.
     */
    public ReadPlan export(Table table, ListQuery query, Grant grant, Grants grants, long maxRows) {
        return planned("export", table, () -> exportUnobserved(table, query, grant, grants, maxRows));
    }

    private ReadPlan exportUnobserved(Table table, ListQuery query, Grant grant, Grants grants, long maxRows) {
        if (!query.embeds().isEmpty()) {
            throw new SentroException(ErrorCode.INVALID_PARAMETER, "An export streams the rows of '" + table.name()
                    + "' alone: embed is for JSON pages", "embed");
        }
        if (query.aggregate() != null) {
            throw new SentroException(ErrorCode.INVALID_PARAMETER, "An export streams rows, not groups: group, agg "
                    + "and having are for JSON pages", "group");
        }
        if (query.after() != null) {
            throw new SentroException(ErrorCode.INVALID_PARAMETER, "An export streams every row at once: it has no "
                    + "pages to continue with after", "after");
        }
        long limit = maxRows > 0 ? maxRows + 1 : Long.MAX_VALUE;
        if (query.limit() != null) {
            if (maxRows > 0 && query.limit() > maxRows) {
                throw new SentroException(ErrorCode.INVALID_PARAMETER, "'limit' is " + query.limit() + ", above the "
                        + "most rows an export may stream, " + maxRows + " (sentro.export.max-rows)", "limit");
            }
            limit = query.limit();
        }
        long offset = query.offset() == null ? 0 : query.offset();
        List<Column> projection = projection(table, query.fields(), grant, "fields");
        return new ReadPlan(table, projection, condition(table, query, grant, grants),
                order(table, query.sort(), grant, "sort"), limit, offset, CountMode.NONE);
    }

    private long limit(ListQuery query) {
        long limit = query.limit() == null ? defaultPageSize : query.limit();
        if (limit > maxPageSize) {
            throw new SentroException(ErrorCode.INVALID_PARAMETER, "'limit' is " + limit + ", above the maximum page size "
                    + maxPageSize + " (sentro.page.max-size)", "limit");
        }
        return limit;
    }

    /** The WHERE of a list: its filters, OR groups, search and related-row filters, and the caller's row scope. */
    Condition condition(Table table, ListQuery query, Grant grant, Grants grants) {
        List<Filter> allOf = new ArrayList<>();
        List<Exists> related = new ArrayList<>();
        for (FilterTerm term : query.filters()) {
            if (isRelated(table, term.column())) {
                related.add(exists(table, term, term.column(), grant, grants, 1));
            }
            else {
                allOf.add(filter(table, term, grant));
            }
        }
        List<List<Filter>> anyOf = new ArrayList<>();
        for (List<FilterTerm> group : query.anyOf().values()) {
            List<Filter> filters = new ArrayList<>();
            for (FilterTerm term : group) {
                if (isRelated(table, term.column())) {
                    throw new SentroException(ErrorCode.INVALID_PARAMETER, "'" + term.parameter() + "' filters by "
                            + "related rows, which OR groups do not take; write it as where." + term.column() + "."
                            + term.operator().token(), term.parameter());
                }
                filters.add(filter(table, term, grant));
            }
            anyOf.add(filters);
        }
        List<Column> searchColumns = List.of();
        if (query.search() != null) {
            searchColumns = table.columns().stream()
                    .filter(column -> column.kind() == TypeKind.TEXT && !grant.hides(column.name())).toList();
            if (searchColumns.isEmpty()) {
                throw new SentroException(ErrorCode.INVALID_PARAMETER, "'search' needs a text column, and table '"
                        + table.name() + "' has none; filter with where.<column>.<operator> instead", "search");
            }
        }
        Condition scope = scope(table, grant);
        allOf.addAll(0, scope.allOf());
        return new Condition(allOf, anyOf, searchColumns, query.search(), scope.matchesNothing(), related);
    }

    // ---- aggregates ---------------------------------------------------------------------------------------------

    /**
     * Plans groups and aggregates ({@code group}, {@code agg}, {@code having.*}) over the rows the list's filters,
     * OR groups, search and the caller's row scope select; sorted by group columns and aggregate keys, paged by
     * group. Hidden columns are as unknown here as everywhere.
     */
    public AggregatePlan aggregate(Table table, ListQuery query, Grant grant, Grants grants) {
        return planned("aggregate", table, () -> aggregateUnobserved(table, query, grant, grants));
    }

    private AggregatePlan aggregateUnobserved(Table table, ListQuery query, Grant grant, Grants grants) {
        AggregateQuery requested = java.util.Objects.requireNonNull(query.aggregate());
        refuseWithAggregates(!query.fields().isEmpty(), "fields", "the rows hold the group columns and the "
                + "aggregates");
        refuseWithAggregates(!query.embeds().isEmpty(), "embed", "groups have no related rows");
        refuseWithAggregates(query.after() != null, "after", "groups are paged with offset");
        if (requested.group().isEmpty() && requested.aggregates().isEmpty()) {
            throw new SentroException(ErrorCode.INVALID_PARAMETER, "'having' filters aggregates: name them in 'agg' "
                    + "(agg=count&having.count.gt=5)", requested.having().get(0).parameter());
        }
        List<Column> group = new ArrayList<>();
        for (String name : requested.group()) {
            Column column = column(table, name, "group", grant);
            if (!column.kind().isComparable()) {
                throw new SentroException(ErrorCode.INVALID_PARAMETER, "Cannot group by column '" + name + "' ("
                        + column.type().databaseType() + ")", "group");
            }
            if (group.contains(column)) {
                throw new SentroException(ErrorCode.INVALID_PARAMETER, "'group' names '" + name + "' twice", "group");
            }
            group.add(column);
        }
        List<AggregatePlan.Aggregate> aggregates = new ArrayList<>();
        for (AggregateQuery.Term term : requested.aggregates()) {
            AggregatePlan.Aggregate aggregate = aggregate(table, term, grant);
            boolean taken = aggregates.stream().anyMatch(other -> other.key().equals(aggregate.key()))
                    || group.stream().anyMatch(column -> column.name().equals(aggregate.key()));
            if (taken) {
                throw new SentroException(ErrorCode.INVALID_PARAMETER, "'agg' computes '" + aggregate.key()
                        + "' twice, or as a group column's name", "agg");
            }
            aggregates.add(aggregate);
        }
        List<AggregatePlan.Having> having = new ArrayList<>();
        for (FilterTerm term : requested.having()) {
            having.add(having(aggregates, term));
        }
        List<AggregatePlan.Order> order = new ArrayList<>();
        for (SortTerm term : query.sort()) {
            Column column = group.stream().filter(candidate -> candidate.name().equals(term.column())).findFirst()
                    .orElse(null);
            AggregatePlan.Aggregate aggregate = aggregates.stream()
                    .filter(candidate -> candidate.key().equals(term.column())).findFirst().orElse(null);
            if (column == null && aggregate == null) {
                throw new SentroException(ErrorCode.INVALID_PARAMETER, "Cannot sort groups by '" + term.column()
                        + "': sort by a group column or an aggregate key (" + String.join(", ", outputKeys(group,
                                aggregates)) + ")", "sort");
            }
            order.add(new AggregatePlan.Order(column, aggregate, term.descending()));
        }
        // Group columns break ties, so that pages of groups are stable.
        for (Column column : group) {
            if (order.stream().noneMatch(item -> column.equals(item.column()))) {
                order.add(new AggregatePlan.Order(column, null, false));
            }
        }
        return new AggregatePlan(table, group, aggregates, condition(table, query, grant, grants), having, order,
                limit(query), query.offset() == null ? 0 : query.offset(),
                query.count() != null ? query.count() : defaultCount);
    }

    private static void refuseWithAggregates(boolean given, String parameter, String why) {
        if (given) {
            throw new SentroException(ErrorCode.INVALID_PARAMETER, "'" + parameter + "' does not apply with group or "
                    + "agg: " + why, parameter);
        }
    }

    private static List<String> outputKeys(List<Column> group, List<AggregatePlan.Aggregate> aggregates) {
        List<String> keys = new ArrayList<>(group.stream().map(Column::name).toList());
        aggregates.forEach(aggregate -> keys.add(aggregate.key()));
        return keys;
    }

    private static AggregatePlan.Aggregate aggregate(Table table, AggregateQuery.Term term, Grant grant) {
        AggregatePlan.Function function = AggregatePlan.Function.valueOf(term.function()
                .toUpperCase(java.util.Locale.ROOT));
        if (term.column() == null) {
            return new AggregatePlan.Aggregate(function, null, term.key());
        }
        Column column = column(table, term.column(), "agg", grant);
        TypeKind kind = column.kind();
        boolean applies = switch (function) {
            case COUNT -> true;
            case SUM, AVG -> kind.isNumeric();
            case MIN, MAX -> kind.isOrdered();
        };
        if (!applies) {
            throw new SentroException(ErrorCode.INVALID_PARAMETER, "'" + term.function() + "' does not apply to "
                    + "column '" + column.name() + "' (" + column.type().databaseType() + ")"
                    + (function == AggregatePlan.Function.SUM || function == AggregatePlan.Function.AVG
                            ? "; it needs a numeric column" : "; it needs a column with an order"), "agg");
        }
        return new AggregatePlan.Aggregate(function, column, term.key());
    }

    /** {@code having.<key>.<operator>=<value>}, the value converted to the aggregate's type. */
    private AggregatePlan.Having having(List<AggregatePlan.Aggregate> aggregates, FilterTerm term) {
        String parameter = term.parameter();
        AggregatePlan.Aggregate aggregate = aggregates.stream().filter(found -> found.key().equals(term.column()))
                .findFirst().orElseThrow(() -> new SentroException(ErrorCode.INVALID_PARAMETER, "'" + parameter
                        + "' filters '" + term.column() + "', which 'agg' does not compute; it computes "
                        + String.join(", ", aggregates.stream().map(AggregatePlan.Aggregate::key).toList()),
                        parameter));
        Operator operator = term.operator();
        if (operator == Operator.IS_NULL) {
            return switch (term.values().get(0)) {
                case "true" -> new AggregatePlan.Having(aggregate, operator, Boolean.TRUE);
                case "false" -> new AggregatePlan.Having(aggregate, operator, Boolean.FALSE);
                default -> throw new SentroException(ErrorCode.INVALID_VALUE, "'" + parameter
                        + "' must be true or false, got '" + term.values().get(0) + "'", parameter);
            };
        }
        if (operator.isPattern()) {
            throw new SentroException(ErrorCode.INVALID_PARAMETER, "'" + operator.token() + "' does not apply to an "
                    + "aggregate; use eq, neq, gt, gte, lt, lte, in, nin or isNull", parameter);
        }
        if (operator.takesList()) {
            List<Object> converted = new ArrayList<>(term.values().size());
            for (String value : term.values()) {
                converted.add(aggregateValue(aggregate, value, parameter));
            }
            return new AggregatePlan.Having(aggregate, operator, converted);
        }
        return new AggregatePlan.Having(aggregate, operator, aggregateValue(aggregate, term.values().get(0),
                parameter));
    }

    private Object aggregateValue(AggregatePlan.Aggregate aggregate, String text, String parameter) {
        Column column = aggregate.column();
        if (aggregate.function() == AggregatePlan.Function.MIN || aggregate.function() == AggregatePlan.Function.MAX) {
            return values.fromText(java.util.Objects.requireNonNull(column), text, parameter);
        }
        try {
            java.math.BigDecimal number = new java.math.BigDecimal(text.trim());
            if (aggregate.function() == AggregatePlan.Function.COUNT) {
                return number.longValueExact();
            }
            return number;
        }
        catch (NumberFormatException | ArithmeticException ex) {
            throw new SentroException(ErrorCode.INVALID_VALUE, "'" + parameter + "' must be "
                    + (aggregate.function() == AggregatePlan.Function.COUNT ? "a whole number" : "a number")
                    + ", got '" + text + "'", parameter);
        }
    }

    /**
     * The cursor of the page to continue after, as the last row's values of the sort columns; a 400 naming
     * {@code after} for a cursor this API did not make for this table and sort.
     */
    private List<Object> after(Table table, List<SortOrder> order, String cursor) {
        if (!table.hasPrimaryKey()) {
            throw new SentroException(ErrorCode.INVALID_PARAMETER, "Table '" + table.name() + "' has no primary key, "
                    + "so its pages cannot continue after a cursor; page it with 'offset'", "after");
        }
        List<String> texts = cursors.decode(cursor, table, order);
        List<Object> after = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            Column column = order.get(i).column();
            String text = texts.get(i);
            if (text == null) {
                if (!column.nullable()) {
                    throw new SentroException(ErrorCode.INVALID_CURSOR, "'after' is not a valid cursor", "after");
                }
                after.add(null);
                continue;
            }
            try {
                after.add(values.fromText(column, text, "after"));
            }
            catch (SentroException ex) {
                throw new SentroException(ErrorCode.INVALID_CURSOR, "'after' is not a valid cursor", "after");
            }
        }
        return after;
    }

    /**
     * The cursor that continues after a page's last row, from its values of the sort columns (as read); null for a
     * table without a primary key, whose rows may tie.
     */
    public @Nullable String cursor(ReadPlan plan, List<Object> lastRow) {
        if (!plan.table().hasPrimaryKey()) {
            return null;
        }
        List<String> texts = new ArrayList<>(lastRow.size());
        for (Object value : lastRow) {
            texts.add(value == null ? null : value instanceof java.math.BigDecimal decimal ? decimal.toPlainString()
                    : String.valueOf(value));
        }
        return cursors.encode(plan.table(), plan.order(), texts);
    }

    /** Plans a get by key, with the relations to embed in the row. */
    public GetPlan get(Table table, Key key, List<String> fields, List<EmbedQuery> embedQueries, Grant grant,
            Grants grants) {
        List<EmbedPlan> embeds = embeds(table, grant, embedQueries, grants, 1);
        List<Column> projection = projection(table, fields, grant, "fields");
        Set<String> helpers = joinColumns(table, projection, embeds);
        projection = withColumns(table, projection, helpers);
        return new GetPlan(table, key, projection, scope(table, grant), helpers, embeds);
    }

    // ---- relations ----------------------------------------------------------------------------------------------

    /** A relation the caller may use, with its related table and their grants on it and on the join table. */
    private record Resolved(Relation relation, Table target, Grant grant, @Nullable Table through,
            Condition throughScope) {
    }

    /**
     * The relation {@code name} of {@code table}, when the caller may use it: a relation whose joining columns the
     * caller may not see, on either side, is as unknown as one that does not exist; a related or join table they
     * may not read is a 401/403 naming it.
     */
    private Resolved resolve(Table table, String name, Grant grant, Grants grants, String parameter) {
        Relation relation = relations.relation(table.name(), name)
                .filter(found -> found.columns().stream().noneMatch(grant::hides))
                .orElseThrow(() -> unknownRelation(table, name, grant, parameter));
        Table target = model.table(relation.table()).orElseThrow(() -> unknownRelation(table, name, grant, parameter));
        Grant targetGrant = grants.read(target);
        if (relation.targetColumns().stream().anyMatch(targetGrant::hides)) {
            throw unknownRelation(table, name, grant, parameter);
        }
        if (relation.through() == null) {
            return new Resolved(relation, target, targetGrant, null, Condition.NONE);
        }
        Relation.Through join = relation.through();
        Table through = model.table(join.table()).orElseThrow(() -> unknownRelation(table, name, grant, parameter));
        Grant throughGrant = grants.read(through);
        if (join.sourceColumns().stream().anyMatch(throughGrant::hides)
                || join.targetColumns().stream().anyMatch(throughGrant::hides)) {
            throw unknownRelation(table, name, grant, parameter);
        }
        return new Resolved(relation, target, targetGrant, through, scope(through, throughGrant));
    }

    private SentroException unknownRelation(Table table, String name, Grant grant, String parameter) {
        List<String> known = relations.forTable(table.name()).stream()
                .filter(relation -> relation.columns().stream().noneMatch(grant::hides)).map(Relation::name).toList();
        return new SentroException(ErrorCode.UNKNOWN_RELATION, "Unknown relation '" + name + "' in '" + parameter
                + "': table '" + table.name() + "' has " + (known.isEmpty() ? "no relations"
                        : "relations " + String.join(", ", known)), parameter);
    }

    /** Whether a filter's column names a related table's column ({@code posts.status}) rather than a column. */
    private static boolean isRelated(Table table, String column) {
        return column.indexOf('.') > 0 && table.column(column).isEmpty();
    }

    /**
     * {@code where.<relation>.<column>.<operator>}: the rows with at least one related row that meets the filter
     * and the caller's row scope on the related table; relations may nest ({@code where.posts.labels.name.eq}).
     */
    private Exists exists(Table table, FilterTerm term, String path, Grant grant, Grants grants, int depth) {
        if (depth > maxEmbedDepth) {
            throw new SentroException(ErrorCode.INVALID_PARAMETER, "'" + term.parameter() + "' follows more than "
                    + maxEmbedDepth + " relations (sentro.embed.max-depth)", term.parameter());
        }
        int dot = path.indexOf('.');
        Resolved resolved = resolve(table, path.substring(0, dot), grant, grants, term.parameter());
        String rest = path.substring(dot + 1);
        FilterTerm inner = new FilterTerm(term.parameter(), rest, term.operator(), term.values());
        Condition condition = isRelated(resolved.target(), rest)
                ? new Condition(List.of(), List.of(), List.of(), null, false,
                        List.of(exists(resolved.target(), inner, rest, resolved.grant(), grants, depth + 1)))
                : Condition.allOf(List.of(filter(resolved.target(), inner, resolved.grant())));
        return new Exists(resolved.relation(), resolved.target(), resolved.through(),
                scope(resolved.target(), resolved.grant()).and(condition), resolved.throughScope());
    }

    private List<EmbedPlan> embeds(Table table, Grant grant, List<EmbedQuery> queries, Grants grants, int depth) {
        List<EmbedPlan> plans = new ArrayList<>(queries.size());
        for (EmbedQuery query : queries) {
            plans.add(embed(table, grant, query, grants, depth));
        }
        return plans;
    }

    /** Plans one embedded relation and those nested in it, refusing every mistake before any SQL runs. */
    public EmbedPlan embed(Table parent, Grant parentGrant, EmbedQuery query, Grants grants, int depth) {
        if (depth > maxEmbedDepth) {
            throw new SentroException(ErrorCode.INVALID_PARAMETER, "'embed' nests '" + query.path() + "' " + depth
                    + " relations deep; at most " + maxEmbedDepth + " are allowed (sentro.embed.max-depth)", "embed");
        }
        Resolved resolved = resolve(parent, query.relation(), parentGrant, grants, "embed");
        Table target = resolved.target();
        Grant grant = resolved.grant();
        boolean toMany = resolved.relation().kind() != Relation.Kind.MANY_TO_ONE;
        String prefix = query.parameterPrefix();
        if (!toMany && !query.sort().isEmpty()) {
            throw new SentroException(ErrorCode.INVALID_PARAMETER, "'" + prefix + "sort' does not apply: '"
                    + query.path() + "' is many-to-one, at most one row per parent", prefix + "sort");
        }
        if (!toMany && query.limit() != null) {
            throw new SentroException(ErrorCode.INVALID_PARAMETER, "'" + prefix + "limit' does not apply: '"
                    + query.path() + "' is many-to-one, at most one row per parent", prefix + "limit");
        }
        long limit = query.limit() == null ? defaultPageSize : query.limit();
        if (limit > maxPageSize) {
            throw new SentroException(ErrorCode.INVALID_PARAMETER, "'" + prefix + "limit' is " + limit
                    + ", above the maximum page size " + maxPageSize + " (sentro.page.max-size)", prefix + "limit");
        }
        List<Filter> allOf = new ArrayList<>();
        List<Exists> related = new ArrayList<>();
        for (FilterTerm term : query.filters()) {
            refuseDisplayField(target, term.column(), term.parameter());
            if (isRelated(target, term.column())) {
                related.add(exists(target, term, term.column(), grant, grants, depth + 1));
            }
            else {
                allOf.add(filter(target, term, grant));
            }
        }
        Condition condition = scope(target, grant).and(new Condition(allOf, List.of(), List.of(), null, false,
                related));
        for (SortTerm term : query.sort()) {
            refuseDisplayField(target, term.column(), prefix + "sort");
        }
        List<SortOrder> order = order(target, query.sort(), grant, prefix + "sort");
        List<EmbedPlan> embeds = embeds(target, grant, query.embeds(), grants, depth + 1);
        List<Column> projection = embeddedProjection(target, query.fields(), grant, prefix + "fields");
        Set<String> helpers = joinColumns(target, projection, embeds);
        projection = withColumns(target, projection, helpers);
        return new EmbedPlan(query, resolved.relation(), target, grant, projection, helpers, condition, order, limit,
                resolved.through(), resolved.throughScope(), embeds);
    }

    /**
     * The columns of an embedded table to select for the fields asked for: those columns, or the whole (visible)
     * row when a computed display field is asked for, since it computes from the row.
     */
    private List<Column> embeddedProjection(Table table, List<String> fields, Grant grant, String parameter) {
        boolean display = false;
        for (String field : fields) {
            if (table.column(field).isEmpty() && displayFields.isDisplayField(table, field)) {
                display = true;
            }
            else {
                column(table, field, parameter, grant);
            }
        }
        return projection(table, display ? List.of() : fields, grant, parameter);
    }

    /** Planning, observed as {@code sentro.plan} (a span under the request's when the application traces). */
    <T> T planned(String plan, Table table, java.util.function.Supplier<T> planning) {
        return Observation.createNotStarted("sentro.plan", observations).lowCardinalityKeyValue("table", table.name())
                .lowCardinalityKeyValue("plan", plan).observe(planning);
    }

    // ---- for nested writes ----------------------------------------------------------------------------------------

    /** A relation of {@code table} by name, as the model has it (the caller's rights are the caller's to check). */
    java.util.Optional<Relation> relation(Table table, String name) {
        return relations.relation(table.name(), name);
    }

    /** A table of the model by its URL name. */
    java.util.Optional<Table> table(String name) {
        return model.table(name);
    }

    /** How deep relations may nest ({@code sentro.embed.max-depth}), in reads and in nested writes alike. */
    int maxDepth() {
        return maxEmbedDepth;
    }

    /** Whether {@code name} is a computed display field of {@code table} (not a column). */
    boolean isDisplayField(Table table, String name) {
        return table.column(name).isEmpty() && displayFields.isDisplayField(table, name);
    }

    /** The relations of {@code table} whose joining columns the caller may see. */
    List<String> relationNames(Table table, Grant grant) {
        return relations.forTable(table.name()).stream()
                .filter(relation -> relation.columns().stream().noneMatch(grant::hides)).map(Relation::name).toList();
    }

    private void refuseDisplayField(Table table, String name, String parameter) {
        if (table.column(name).isEmpty() && displayFields.isDisplayField(table, name)) {
            throw new SentroException(ErrorCode.INVALID_PARAMETER, "'" + name + "' is a computed display field of '"
                    + table.name() + "'; it cannot be filtered or sorted on", parameter);
        }
    }

    /**
     * The names of the columns the embedded relations join on that {@code projection} lacks: they are read to match
     * related rows and left out of the response.
     */
    private static Set<String> joinColumns(Table table, List<Column> projection, List<EmbedPlan> embeds) {
        Set<String> helpers = new LinkedHashSet<>();
        for (EmbedPlan embed : embeds) {
            for (String name : embed.relation().columns()) {
                if (!projection.contains(table.column(name).orElseThrow())) {
                    helpers.add(name);
                }
            }
        }
        return helpers;
    }

    private static List<Column> withColumns(Table table, List<Column> projection, Set<String> names) {
        if (names.isEmpty()) {
            return projection;
        }
        List<Column> columns = new ArrayList<>(projection);
        names.forEach(name -> columns.add(table.column(name).orElseThrow()));
        return columns;
    }

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
        if (!grant.scoped()) {
            return Condition.NONE;
        }
        if (grant.noRows()) {
            return Condition.NOTHING;
        }
        List<Filter> filters = new ArrayList<>(grant.scope().size());
        for (Grant.ScopedColumn scoped : grant.scope()) {
            Column column = table.column(scoped.column()).orElseThrow(() -> new IllegalStateException(
                    "Row scope of '" + table.name() + "' names no column '" + scoped.column() + "'"));
            List<Object> allowed = allowedValues(column, scoped);
            if (allowed.isEmpty()) {
                return Condition.NOTHING;
            }
            filters.add(allowed.size() == 1 ? new Filter(column, Operator.EQ, allowed.get(0))
                    : new Filter(column, Operator.IN, allowed));
        }
        return Condition.allOf(filters);
    }

    List<Object> allowedValues(Column column, Grant.ScopedColumn scoped) {
        List<Object> allowed = new ArrayList<>(scoped.allowedValues().size());
        for (Object value : scoped.allowedValues()) {
            try {
                allowed.add(values.fromText(column, String.valueOf(value), column.name()));
            }
            catch (SentroException ex) {
                // An attribute value that cannot be a value of the column matches no row.
            }
        }
        return allowed;
    }

    private Filter filter(Table table, FilterTerm term, Grant grant) {
        Column column = column(table, term.column(), term.parameter(), grant);
        Operator operator = term.operator();
        TypeKind kind = column.kind();
        String parameter = term.parameter();
        if (operator == Operator.IS_NULL) {
            return switch (term.values().get(0)) {
                case "true" -> new Filter(column, operator, Boolean.TRUE);
                case "false" -> new Filter(column, operator, Boolean.FALSE);
                default -> throw new SentroException(ErrorCode.INVALID_VALUE, "'" + parameter
                        + "' must be true or false, got '" + term.values().get(0) + "'", parameter);
            };
        }
        if (!kind.isComparable()) {
            throw new SentroException(ErrorCode.INVALID_PARAMETER, "Column '" + column.name() + "' ("
                    + column.type().databaseType() + ") supports only the isNull filter", parameter);
        }
        if (operator.isPattern()) {
            if (kind != TypeKind.TEXT) {
                throw new SentroException(ErrorCode.INVALID_PARAMETER, "'" + operator.token()
                        + "' applies to text columns; column '" + column.name() + "' is "
                        + column.type().databaseType(), parameter);
            }
            return new Filter(column, operator, term.values().get(0));
        }
        if (operator.isOrdering() && !kind.isOrdered()) {
            throw new SentroException(ErrorCode.INVALID_PARAMETER, "'" + operator.token() + "' does not apply to column '"
                    + column.name() + "' (" + column.type().databaseType() + "); use eq, neq, in or nin", parameter);
        }
        if (operator.takesList()) {
            if (term.values().size() > MAX_LIST_VALUES) {
                throw new SentroException(ErrorCode.INVALID_PARAMETER, "'" + parameter + "' lists " + term.values().size()
                        + " values; at most " + MAX_LIST_VALUES + " are accepted", parameter);
            }
            List<Object> converted = new ArrayList<>(term.values().size());
            for (String value : term.values()) {
                converted.add(values.fromText(column, value, parameter));
            }
            return new Filter(column, operator, converted);
        }
        return new Filter(column, operator, values.fromText(column, term.values().get(0), parameter));
    }

    private static List<SortOrder> order(Table table, List<SortTerm> sort, Grant grant, String parameter) {
        List<SortOrder> order = new ArrayList<>();
        for (SortTerm term : sort) {
            Column column = column(table, term.column(), parameter, grant);
            if (!column.kind().isComparable()) {
                throw new SentroException(ErrorCode.INVALID_PARAMETER, "Cannot sort by column '" + column.name() + "' ("
                        + column.type().databaseType() + ")", parameter);
            }
            order.add(new SortOrder(column, term.descending()));
        }
        // The primary key breaks ties, so that pages are stable.
        for (Column keyColumn : table.primaryKeyColumns()) {
            if (order.stream().noneMatch(sortOrder -> sortOrder.column().equals(keyColumn))) {
                order.add(new SortOrder(keyColumn, false));
            }
        }
        return order;
    }

    private static List<Column> projection(Table table, List<String> fields, Grant grant, String parameter) {
        if (fields.isEmpty()) {
            return grant.hiddenColumns().isEmpty() ? table.columns()
                    : table.columns().stream().filter(column -> !grant.hides(column.name())).toList();
        }
        List<Column> projection = new ArrayList<>(fields.size());
        for (String field : fields) {
            Column column = column(table, field, parameter, grant);
            if (!projection.contains(column)) {
                projection.add(column);
            }
        }
        return projection;
    }

    /** A column the caller may name; a hidden one is as unknown as a column the table lacks (no oracle). */
    private static Column column(Table table, String name, String parameter, Grant grant) {
        return table.column(name).filter(found -> !grant.hides(found.name())).orElseThrow(() ->
                new SentroException(ErrorCode.UNKNOWN_COLUMN, "Unknown column '" + name + "' in '" + parameter
                        + "': table '" + table.name() + "' has columns " + columnNames(table, grant), parameter));
    }

    static String columnNames(Table table, Grant grant) {
        return String.join(", ", table.columns().stream().map(Column::name).filter(name -> !grant.hides(name))
                .toList());
    }
}
