package io.sentro.spring.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.sentro.spring.error.ErrorCode;
import io.sentro.spring.error.SentroException;
import io.sentro.spring.query.EmbedQuery;
import io.sentro.spring.query.SortTerm;
import io.sentro.spring.schema.Column;
import io.sentro.spring.schema.Relation;
import io.sentro.spring.schema.Table;

/**
 * Plans {@code embed}: each relation resolved for the caller, its rows filtered (with the caller's row scope on the
 * related table), sorted, paged per parent row and projected, and the relations nested in it, to
 * {@code sentro.embed.max-depth}. Every mistake is refused before any SQL runs.
 */
final class EmbedPlans {

    private final RelatedTables related;
    private final Conditions conditions;
    private final RowScopes scopes;
    private final Projections projections;
    private final Paging paging;

    EmbedPlans(RelatedTables related, Conditions conditions, RowScopes scopes, Projections projections,
            Paging paging) {
        this.related = related;
        this.conditions = conditions;
        this.scopes = scopes;
        this.projections = projections;
        this.paging = paging;
    }

    List<EmbedPlan> embeds(Table table, Grant grant, List<EmbedQuery> queries, Grants grants, int depth) {
        List<EmbedPlan> plans = new ArrayList<>(queries.size());
        for (EmbedQuery query : queries) {
            plans.add(embed(table, grant, query, grants, depth));
        }
        return plans;
    }

    /** Plans one embedded relation and those nested in it. */
    EmbedPlan embed(Table parent, Grant parentGrant, EmbedQuery query, Grants grants, int depth) {
        if (depth > related.maxDepth()) {
            throw new SentroException(ErrorCode.INVALID_PARAMETER, "'embed' nests '" + query.path() + "' " + depth
                    + " relations deep; at most " + related.maxDepth() + " are allowed (sentro.embed.max-depth)",
                    "embed");
        }
        RelatedTables.Resolved resolved = related.resolve(parent, query.relation(), parentGrant, grants, "embed");
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
        long limit = paging.limit(query.limit(), prefix);
        Condition filters = conditions.allOf(target, query.filters(), grant, grants, depth + 1,
                term -> projections.refuseDisplayField(target, term.column(), term.parameter()));
        Condition condition = scopes.scope(target, grant).and(filters);
        for (SortTerm term : query.sort()) {
            projections.refuseDisplayField(target, term.column(), prefix + "sort");
        }
        List<SortOrder> order = Ordering.order(target, query.sort(), grant, prefix + "sort");
        List<EmbedPlan> embeds = embeds(target, grant, query.embeds(), grants, depth + 1);
        List<Column> projection = projections.embeddedProjection(target, query.fields(), grant, prefix + "fields");
        Set<String> helpers = Projections.joinColumns(target, projection, embeds);
        projection = Projections.withColumns(target, projection, helpers);
        return new EmbedPlan(query, resolved.relation(), target, grant, projection, helpers, condition, order, limit,
                resolved.through(), resolved.throughScope(), embeds);
    }
}
