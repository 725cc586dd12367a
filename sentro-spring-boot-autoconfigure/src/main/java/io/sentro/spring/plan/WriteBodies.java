package io.sentro.spring.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.sentro.spring.error.ErrorCode;
import io.sentro.spring.error.SentroException;
import io.sentro.spring.plan.WritePlanner.BodyRows;
import io.sentro.spring.plan.WritePlanner.KeyedValues;
import io.sentro.spring.schema.Column;
import io.sentro.spring.schema.Table;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads write bodies (JSON) into rows of typed values keyed by column name, before any hook runs: create bodies (an
 * object or an array of objects), update bodies (a PUT's key fields checked against the path), and PATCH arrays whose
 * items name their row by its key. Unknown fields, fields the database fills, values that do not convert and values
 * outside the caller's row scope are refused here, naming the field ({@code [2].status}).
 */
final class WriteBodies {

    private final ValueConverter values;
    private final WriteColumns columns;
    private final RowScopes scopes;

    WriteBodies(ValueConverter values, WriteColumns columns, RowScopes scopes) {
        this.values = values;
        this.columns = columns;
        this.scopes = scopes;
    }

    /** A create body (without relation fields that carry no rows): one object, or an array of objects. */
    BodyRows create(Table table, JsonNode body, Grant grant) {
        if (body.isObject()) {
            return new BodyRows(List.of(row(table, body, "", grant)), false);
        }
        if (body.isArray()) {
            List<JsonNode> items = objects(body, "create");
            List<Map<String, @Nullable Object>> rows = new ArrayList<>(items.size());
            for (int i = 0; i < items.size(); i++) {
                rows.add(row(table, items.get(i), "[" + i + "].", grant));
            }
            return new BodyRows(rows, true);
        }
        throw new SentroException(ErrorCode.INVALID_BODY, "The body must be a JSON object, or an array of objects",
                "body");
    }

    /**
     * The objects of an array body, in order: an empty array, or an item that is not an object, is a 400 naming the
     * item ({@code what} the rows are for: {@code create}, {@code update}).
     */
    static List<JsonNode> objects(JsonNode array, String what) {
        if (array.isEmpty()) {
            throw new SentroException(ErrorCode.INVALID_BODY, "The array of rows to " + what + " is empty", "body");
        }
        List<JsonNode> items = new ArrayList<>(array.size());
        for (JsonNode item : array.values()) {
            if (!item.isObject()) {
                throw new SentroException(ErrorCode.INVALID_BODY, "Item [" + items.size() + "] of the body must be a "
                        + "JSON object", "body");
            }
            items.add(item);
        }
        return items;
    }

    /** One object of a body read into typed values held to the row scope (scoped columns filled). */
    Map<String, @Nullable Object> row(Table table, JsonNode object, String prefix, Grant grant) {
        return scopes.held(table, bodyValues(table, object, prefix, grant), prefix, grant, true);
    }

    /** See {@link WritePlanner#updateBody}. */
    Map<String, @Nullable Object> update(Table table, JsonNode body, @Nullable Key replacedKey, Grant grant) {
        if (!body.isObject()) {
            throw new SentroException(ErrorCode.INVALID_BODY, "The body must be a JSON object", "body");
        }
        if (replacedKey == null) {
            return scopes.held(table, bodyValues(table, body, "", grant), "", grant, false);
        }
        ObjectNode rest = (ObjectNode) body.deepCopy();
        for (int i = 0; i < replacedKey.columns().size(); i++) {
            Column keyColumn = replacedKey.columns().get(i);
            JsonNode given = rest.remove(keyColumn.name());
            if (given != null && !RowScopes.sameValue(values.fromJson(keyColumn, given, keyColumn.name()),
                    replacedKey.values().get(i))) {
                throw new SentroException(ErrorCode.INVALID_BODY, "Field '" + keyColumn.name()
                        + "' differs from the key in the path; PUT replaces the row at its path", keyColumn.name());
            }
        }
        return row(table, rest, "", grant);
    }

    /** See {@link WritePlanner#keyedUpdates}. */
    List<KeyedValues> keyed(Table table, JsonNode body, Grant grant) {
        List<JsonNode> items = objects(body, "update");
        List<KeyedValues> updates = new ArrayList<>(items.size());
        for (int index = 0; index < items.size(); index++) {
            JsonNode item = items.get(index);
            String prefix = "[" + index + "].";
            ObjectNode rest = (ObjectNode) item.deepCopy();
            List<Object> keyValues = new ArrayList<>();
            for (Column keyColumn : table.primaryKeyColumns()) {
                JsonNode given = rest.remove(keyColumn.name());
                if (given == null || given.isNull()) {
                    throw new SentroException(ErrorCode.MISSING_VALUE, "Item " + prefix.substring(0,
                            prefix.length() - 1) + " must name its row by its key: field '" + prefix + keyColumn.name()
                            + "' is missing", prefix + keyColumn.name());
                }
                keyValues.add(values.fromJson(keyColumn, given, prefix + keyColumn.name()));
            }
            Map<String, @Nullable Object> changes = scopes.held(table, bodyValues(table, rest, prefix, grant), prefix,
                    grant, false);
            if (changes.isEmpty()) {
                throw new SentroException(ErrorCode.INVALID_BODY, "Item " + prefix.substring(0, prefix.length() - 1)
                        + " names no column to update besides its key", "body");
            }
            updates.add(new KeyedValues(new Key(table.primaryKeyColumns(), keyValues), changes, prefix));
        }
        return updates;
    }

    private Map<String, @Nullable Object> bodyValues(Table table, JsonNode body, String prefix, Grant grant) {
        Map<String, @Nullable Object> row = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : body.properties()) {
            Column column = columns.writable(table, field.getKey(), prefix + field.getKey(), grant);
            row.put(column.name(), values.fromJsonForHooks(column, field.getValue(), prefix + field.getKey()));
        }
        return row;
    }
}
