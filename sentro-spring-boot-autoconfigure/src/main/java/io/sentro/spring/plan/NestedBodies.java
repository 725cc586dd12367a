package io.sentro.spring.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.sentro.spring.error.ErrorCode;
import io.sentro.spring.error.SentroException;
import io.sentro.spring.schema.Relation;
import io.sentro.spring.schema.Table;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads the body of a nested insert into {@link NestedRow}s: a field that names a relation of the table (part of
 * {@code embed}'s vocabulary) carries related rows, a many-to-one as one object, a one-to-many or many-to-many as an
 * array of objects, to any depth up to {@code sentro.embed.max-depth}. Everything is checked here, before a row is
 * written: unknown fields, values that do not convert, the caller's right to create in every table reached, foreign
 * keys the client gives although Sentro fills them, the number of rows. Mistakes name their place in the body
 * ({@code comments[1].status}).
 */
final class NestedBodies {

    private final WriteBodies bodies;
    private final RelatedTables related;
    private final Projections projections;
    private final int maxRows;

    NestedBodies(WriteBodies bodies, RelatedTables related, Projections projections, int maxRows) {
        this.bodies = bodies;
        this.related = related;
        this.projections = projections;
        this.maxRows = maxRows;
    }

    /**
     * Whether a create body carries related rows: an object with a field that is a relation's name, not a column,
     * holding an object or a non-empty array.
     */
    boolean hasNestedRows(Table table, JsonNode body) {
        for (JsonNode object : body.isArray() ? body.values() : List.of(body)) {
            if (!object.isObject()) {
                continue;
            }
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                if (isRelation(table, field.getKey()) && !carriesNothing(field.getValue())) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The body without relation fields that carry no rows ({@code null}, {@code []}), as generated clients send
     * every property of the create schema: a create or an upsert of the table's own rows reads the rest.
     */
    JsonNode withoutEmptyRelations(Table table, JsonNode body) {
        if (body.isArray()) {
            tools.jackson.databind.node.ArrayNode stripped = JsonNodeFactory.instance.arrayNode(body.size());
            body.values().forEach(item -> stripped.add(withoutEmptyRelations(table, item)));
            return stripped;
        }
        if (!body.isObject()) {
            return body;
        }
        ObjectNode stripped = null;
        for (Map.Entry<String, JsonNode> field : body.properties()) {
            if (isRelation(table, field.getKey()) && carriesNothing(field.getValue())) {
                if (stripped == null) {
                    stripped = (ObjectNode) body.deepCopy();
                }
                stripped.remove(field.getKey());
            }
        }
        return stripped != null ? stripped : body;
    }

    private boolean isRelation(Table table, String name) {
        return table.column(name).isEmpty() && related.relation(table, name).isPresent();
    }

    private static boolean carriesNothing(JsonNode value) {
        return value.isNull() || (value.isArray() && value.isEmpty());
    }

    NestedRow.Body read(Table table, JsonNode body, Grant grant, Function<Table, Grant> decide) {
        // The access policy decides once per table, not once per row that reaches it.
        Map<String, Grant> decided = new java.util.HashMap<>();
        Function<Table, Grant> createGrants = target -> decided.computeIfAbsent(target.name(),
                name -> decide.apply(target));
        List<NestedRow> rows = new ArrayList<>();
        boolean many = body.isArray();
        if (body.isObject()) {
            rows.add(row(table, body, "", grant, createGrants, 0, List.of()));
        }
        else if (many) {
            List<JsonNode> items = WriteBodies.objects(body, "create");
            for (int i = 0; i < items.size(); i++) {
                rows.add(row(table, items.get(i), "[" + i + "].", grant, createGrants, 0, List.of()));
            }
        }
        else {
            throw new SentroException(ErrorCode.INVALID_BODY, "The body must be a JSON object, or a non-empty array of "
                    + "objects", "body");
        }
        int count = rows.stream().mapToInt(NestedRow::rowCount).sum();
        if (count > maxRows) {
            throw new SentroException(ErrorCode.PAYLOAD_TOO_LARGE, "The body creates " + count + " rows with its "
                    + "related rows, more than the " + maxRows + " one request may write (sentro.writes.max-rows); send "
                    + "them in several requests; nothing was written", "body");
        }
        return new NestedRow.Body(rows, many);
    }

    /**
     * One object of the body. {@code filledColumns} are its foreign keys that the enclosing row fills (a comment's
     * {@code post_id} under a post): the client may not give them.
     */
    private NestedRow row(Table table, JsonNode object, String path, Grant grant, Function<Table, Grant> createGrants,
            int depth, List<String> filledColumns) {
        ObjectNode own = JsonNodeFactory.instance.objectNode();
        List<NestedRow.Related> parents = new ArrayList<>();
        List<NestedRow.Related> children = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            String name = field.getKey();
            if (table.column(name).isPresent()) {
                own.set(name, field.getValue());
                continue;
            }
            if (projections.isDisplayField(table, name)) {
                throw new SentroException(ErrorCode.READ_ONLY_COLUMN, "Field '" + path + name + "' is a computed display "
                        + "field of '" + table.name() + "'; it cannot be written", path + name);
            }
            if (field.getValue().isNull()) {
                continue; // no related row: as if the field were absent (generated clients send every property)
            }
            Relation relation = related.relation(table, name)
                    .filter(found -> found.columns().stream().noneMatch(grant::hides))
                    .orElseThrow(() -> unknownField(table, name, path, grant));
            NestedRow.Related related = related(table, relation, field.getValue(), path + name, grant, createGrants,
                    depth + 1);
            (relation.kind() == Relation.Kind.MANY_TO_ONE ? parents : children).add(related);
        }
        for (String filled : filledColumns) {
            if (own.has(filled)) {
                throw new SentroException(ErrorCode.INVALID_BODY, "Field '" + path + filled + "' is filled by Sentro "
                        + "with the key of the row this one is nested in; leave it out", path + filled);
            }
        }
        for (NestedRow.Related parent : parents) {
            if (parent.relation().columns().stream().anyMatch(filledColumns::contains)) {
                String field = path + parent.relation().name();
                throw new SentroException(ErrorCode.INVALID_BODY, "Field '" + field + "' would point this row at a new "
                        + "row, but it is nested in the row it points to; leave it out", field);
            }
            for (String column : parent.relation().columns()) {
                if (own.has(column)) {
                    throw new SentroException(ErrorCode.INVALID_BODY, "Give either '" + path + column + "' or '" + path
                            + parent.relation().name() + "', not both: the row created from '" + path
                            + parent.relation().name() + "' fills " + column, path + column);
                }
            }
        }
        return new NestedRow(table, grant, bodies.row(table, own, path, grant), path, parents, children);
    }

    private NestedRow.Related related(Table table, Relation relation, JsonNode value, String field, Grant grant,
            Function<Table, Grant> createGrants, int depth) {
        if (depth > related.maxDepth()) {
            throw new SentroException(ErrorCode.INVALID_BODY, "Field '" + field + "' nests related rows " + depth
                    + " relations deep; at most " + related.maxDepth() + " are allowed (sentro.embed.max-depth)",
                    field);
        }
        Table target = related.table(relation.table()).orElseThrow(() -> unknownField(table, relation.name(),
                field.substring(0, field.length() - relation.name().length()), grant));
        // A table served read-only takes no rows from a nested insert either, as it takes no POST.
        refuseReadOnly(target, field);
        Grant targetGrant = createGrants.apply(target);
        if (relation.targetColumns().stream().anyMatch(targetGrant::hides)) {
            throw unknownField(table, relation.name(), field.substring(0, field.length() - relation.name().length()),
                    grant);
        }
        if (relation.kind() == Relation.Kind.MANY_TO_ONE) {
            if (!value.isObject()) {
                throw new SentroException(ErrorCode.INVALID_BODY, "Field '" + field + "' is the " + relation.name()
                        + " of this row (a row of '" + target.name() + "'): give one JSON object, the row to create "
                        + "with it", field);
            }
            return new NestedRow.Related(relation, List.of(row(target, value, field + ".", targetGrant, createGrants,
                    depth, List.of())), null);
        }
        if (!value.isArray()) {
            throw new SentroException(ErrorCode.INVALID_BODY, "Field '" + field + "' holds the " + relation.name()
                    + " of this row (rows of '" + target.name() + "'): give a JSON array of objects, the rows to create "
                    + "with it", field);
        }
        NestedRow.JoinTable through = null;
        List<String> filled = relation.targetColumns();
        if (relation.through() != null) {
            Relation.Through join = relation.through();
            Table joinTable = related.table(join.table()).orElseThrow();
            refuseReadOnly(joinTable, field);
            Grant joinGrant = createGrants.apply(joinTable);
            if (join.sourceColumns().stream().anyMatch(joinGrant::hides)
                    || join.targetColumns().stream().anyMatch(joinGrant::hides)) {
                throw unknownField(table, relation.name(), field.substring(0, field.length()
                        - relation.name().length()), grant);
            }
            through = new NestedRow.JoinTable(joinTable, joinGrant);
            filled = List.of();
        }
        List<NestedRow> rows = new ArrayList<>(value.size());
        int index = 0;
        for (JsonNode item : value.values()) {
            String path = field + "[" + index++ + "].";
            if (!item.isObject()) {
                throw new SentroException(ErrorCode.INVALID_BODY, "Item " + item(path) + " must be a JSON object, a "
                        + "row of '" + target.name() + "'", item(path));
            }
            rows.add(row(target, item, path, targetGrant, createGrants, depth, filled));
        }
        return new NestedRow.Related(relation, rows, through);
    }

    private static void refuseReadOnly(Table table, String field) {
        if (!table.insertable()) {
            throw new SentroException(ErrorCode.INVALID_BODY, "Field '" + field + "' would create rows of '"
                    + table.name() + "', which is served read-only: create the related rows apart, or leave them out",
                    field);
        }
    }

    private SentroException unknownField(Table table, String name, String path, Grant grant) {
        List<String> relations = related.relationNames(table, grant);
        return new SentroException(ErrorCode.UNKNOWN_COLUMN, "Unknown field '" + path + name + "': table '"
                + table.name() + "' has no column or relation '" + name + "'. Columns: "
                + VisibleColumns.columnNames(table, grant) + (relations.isEmpty() ? "" : "; relations: "
                        + String.join(", ", relations)), path + name);
    }

    private static String item(String path) {
        return path.substring(0, path.length() - 1);
    }
}
