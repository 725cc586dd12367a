package io.sentro.spring.plan;

import java.util.List;
import java.util.Optional;

import io.sentro.spring.error.ErrorCode;
import io.sentro.spring.error.SentroException;
import io.sentro.spring.schema.Relation;
import io.sentro.spring.schema.Relations;
import io.sentro.spring.schema.SchemaModel;
import io.sentro.spring.schema.Table;

import org.jspecify.annotations.Nullable;

/**
 * The relations a caller may follow from a table, for embeds, filters on related rows and nested writes: a relation
 * whose joining columns the caller may not see, on either side, is as unknown as one the model lacks, and the related
 * and join tables are read with the caller's grants on them. Holds how deep relations may nest
 * ({@code sentro.embed.max-depth}).
 */
final class RelatedTables {

    /** A relation the caller may use, with its related table and their grants on it and on the join table. */
    record Resolved(Relation relation, Table target, Grant grant, @Nullable Table through, Condition throughScope) {
    }

    private final SchemaModel model;
    private final Relations relations;
    private final RowScopes scopes;
    private final int maxDepth;

    RelatedTables(SchemaModel model, Relations relations, RowScopes scopes, int maxDepth) {
        this.model = model;
        this.relations = relations;
        this.scopes = scopes;
        this.maxDepth = maxDepth;
    }

    /** How deep relations may nest ({@code sentro.embed.max-depth}), in reads and in nested writes alike. */
    int maxDepth() {
        return maxDepth;
    }

    /** A relation of {@code table} by name, as the model has it (the caller's rights are the caller's to check). */
    Optional<Relation> relation(Table table, String name) {
        return relations.relation(table.name(), name);
    }

    /** A table of the model by its URL name. */
    Optional<Table> table(String name) {
        return model.table(name);
    }

    /**
     * The relation {@code name} of {@code table}, when the caller may use it: a relation whose joining columns the
     * caller may not see, on either side, is as unknown as one that does not exist; a related or join table they
     * may not read is a 401/403 naming it.
     */
    Resolved resolve(Table table, String name, Grant grant, Grants grants, String parameter) {
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
        return new Resolved(relation, target, targetGrant, through, scopes.scope(through, throughGrant));
    }

    /** The relations of {@code table} whose joining columns the caller may see. */
    List<String> relationNames(Table table, Grant grant) {
        return relations.forTable(table.name()).stream()
                .filter(relation -> relation.columns().stream().noneMatch(grant::hides)).map(Relation::name).toList();
    }

    private SentroException unknownRelation(Table table, String name, Grant grant, String parameter) {
        List<String> known = relationNames(table, grant);
        return new SentroException(ErrorCode.UNKNOWN_RELATION, "Unknown relation '" + name + "' in '" + parameter
                + "': table '" + table.name() + "' has " + (known.isEmpty() ? "no relations"
                        : "relations " + String.join(", ", known)), parameter);
    }
}
