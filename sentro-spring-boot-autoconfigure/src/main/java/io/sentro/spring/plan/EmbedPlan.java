package io.sentro.spring.plan;

import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.sentro.spring.query.EmbedQuery;
import io.sentro.spring.schema.Column;
import io.sentro.spring.schema.Relation;
import io.sentro.spring.schema.Table;

/**
 * A relation to embed, checked against the schema and the caller's access: which related rows to read for a set of
 * parent rows, and how to shape them.
 *
 * @param query the request's intent, for READ hooks of the related table and for the fields to return
 * @param relation the relation from the parent table
 * @param target the related table
 * @param grant the caller's grant on the related table
 * @param projection the related table's columns to select: those asked for, and those the nested relations join on
 * @param helpers names of the columns selected only to join nested relations, left out of the response
 * @param condition the related rows' filters and the caller's row scope on them
 * @param order the order of the related rows of one parent, ending with the primary key
 * @param limit the most related rows per parent row (to-many relations)
 * @param through the join table of a many-to-many, or null
 * @param throughScope the caller's row scope on the join table
 * @param embeds the relations embedded in the related rows
 * @param keyColumns the columns whose values name a related row's parent: the related table's columns of the
 * relation, or, through a join table, the join table's columns toward the parent
 * @param embedNames the names of {@code embeds}, in order
 */
public record EmbedPlan(EmbedQuery query, Relation relation, Table target, Grant grant, List<Column> projection,
        Set<String> helpers, Condition condition, List<SortOrder> order, long limit, @Nullable Table through,
        Condition throughScope, List<EmbedPlan> embeds, List<Column> keyColumns, List<String> embedNames) {

    public EmbedPlan {
        projection = List.copyOf(projection);
        helpers = Set.copyOf(helpers);
        order = List.copyOf(order);
        embeds = List.copyOf(embeds);
        keyColumns = List.copyOf(keyColumns);
        embedNames = List.copyOf(embedNames);
    }

    public EmbedPlan(EmbedQuery query, Relation relation, Table target, Grant grant, List<Column> projection,
            Set<String> helpers, Condition condition, List<SortOrder> order, long limit, @Nullable Table through,
            Condition throughScope, List<EmbedPlan> embeds) {
        this(query, relation, target, grant, projection, helpers, condition, order, limit, through, throughScope,
                embeds, keyColumns(relation, target, through), names(embeds));
    }

    /** The relation names of embedded relations, in order: the keys they take in each row. */
    public static List<String> names(List<EmbedPlan> embeds) {
        return embeds.isEmpty() ? List.of() : embeds.stream().map(embed -> embed.relation().name()).toList();
    }

    private static List<Column> keyColumns(Relation relation, Table target, @Nullable Table through) {
        if (through == null) {
            return relation.targetColumns().stream().map(name -> target.column(name).orElseThrow()).toList();
        }
        return relation.through().sourceColumns().stream().map(name -> through.column(name).orElseThrow()).toList();
    }

    /** Whether each parent row embeds an array (one-to-many, many-to-many) rather than one object or null. */
    public boolean toMany() {
        return relation.kind() != Relation.Kind.MANY_TO_ONE;
    }
}
