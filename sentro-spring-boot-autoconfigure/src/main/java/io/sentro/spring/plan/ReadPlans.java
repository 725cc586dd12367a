package io.sentro.spring.plan;

import java.util.List;
import java.util.Set;

import io.sentro.spring.error.ErrorCode;
import io.sentro.spring.error.SentroException;
import io.sentro.spring.plan.OperationPlan.GetPlan;
import io.sentro.spring.plan.OperationPlan.ReadPlan;
import io.sentro.spring.query.CountMode;
import io.sentro.spring.query.EmbedQuery;
import io.sentro.spring.query.ListQuery;
import io.sentro.spring.schema.Column;
import io.sentro.spring.schema.Table;

/**
 * Plans reads of rows: a page of a list, an export of every row a list selects, and one row by key, each put
 * together from its projection, condition, order and embeds (planned by the classes beside this one).
 */
final class ReadPlans {

    private final Conditions conditions;
    private final EmbedPlans embeds;
    private final Ordering ordering;
    private final Projections projections;
    private final RowScopes scopes;
    private final Paging paging;

    ReadPlans(Conditions conditions, EmbedPlans embeds, Ordering ordering, Projections projections, RowScopes scopes,
            Paging paging) {
        this.conditions = conditions;
        this.embeds = embeds;
        this.ordering = ordering;
        this.projections = projections;
        this.scopes = scopes;
        this.paging = paging;
    }

    ReadPlan read(Table table, ListQuery query, Grant grant, Grants grants) {
        if (query.after() != null && query.offset() != null) {
            throw new SentroException(ErrorCode.INVALID_PARAMETER, "'after' and 'offset' cannot be combined: 'after' "
                    + "continues after the previous page's last row, 'offset' skips rows from the start", "after");
        }
        long limit = paging.limit(query);
        long offset = Paging.offset(query);
        Condition condition = conditions.condition(table, query, grant, grants);
        List<EmbedPlan> embedded = embeds.embeds(table, grant, query.embeds(), grants, 1);
        List<SortOrder> order = Ordering.order(table, query.sort(), grant, "sort");
        List<Object> after = query.after() == null ? null : ordering.after(table, order, query.after());
        List<Column> projection = projections.projection(table, query.fields(), grant, "fields");
        Set<String> helpers = Projections.joinColumns(table, projection, embedded);
        if (table.hasPrimaryKey()) {
            // The next cursor is made of the last row's sort values.
            for (SortOrder item : order) {
                if (!projection.contains(item.column())) {
                    helpers.add(item.column().name());
                }
            }
        }
        projection = Projections.withColumns(table, projection, helpers);
        return new ReadPlan(table, projection, condition, order, limit, offset, paging.count(query), helpers,
                embedded, after, List.of());
    }

    /** See {@link Planner#export}. */
    ReadPlan export(Table table, ListQuery query, Grant grant, Grants grants, long maxRows) {
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
        long offset = Paging.offset(query);
        List<Column> projection = projections.projection(table, query.fields(), grant, "fields");
        return new ReadPlan(table, projection, conditions.condition(table, query, grant, grants),
                Ordering.order(table, query.sort(), grant, "sort"), limit, offset, CountMode.NONE);
    }

    /** A row by key, with the relations to embed in it. */
    GetPlan get(Table table, Key key, List<String> fields, List<EmbedQuery> embedQueries, Grant grant,
            Grants grants) {
        List<EmbedPlan> embedded = embeds.embeds(table, grant, embedQueries, grants, 1);
        List<Column> projection = projections.projection(table, fields, grant, "fields");
        Set<String> helpers = Projections.joinColumns(table, projection, embedded);
        projection = Projections.withColumns(table, projection, helpers);
        return new GetPlan(table, key, projection, scopes.scope(table, grant), helpers, embedded);
    }
}
