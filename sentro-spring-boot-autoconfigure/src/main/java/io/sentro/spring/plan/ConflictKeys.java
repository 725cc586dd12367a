package io.sentro.spring.plan;

import java.util.ArrayList;
import java.util.List;

import io.sentro.spring.error.ErrorCode;
import io.sentro.spring.error.SentroException;
import io.sentro.spring.schema.Column;
import io.sentro.spring.schema.Table;

import org.jspecify.annotations.Nullable;

/**
 * The key an upsert finds existing rows by ({@code on_conflict}): the primary key, or a primary or unique key of the
 * table whose columns the request names in any order; anything else is a 400 listing the table's keys.
 */
final class ConflictKeys {

    private ConflictKeys() {
    }

    /**
     * The key an upsert conflicts on: the primary key without {@code on_conflict}, else the primary or unique key
     * whose columns it names (in any order). Anything else is a 400 naming {@code on_conflict} and the table's keys.
     */
    static List<Column> conflictKey(Table table, @Nullable List<String> onConflict) {
        List<List<String>> keys = new ArrayList<>();
        if (table.hasPrimaryKey()) {
            keys.add(table.primaryKey());
        }
        table.uniqueConstraints().forEach(unique -> keys.add(unique.columns()));
        if (onConflict == null) {
            if (!table.hasPrimaryKey()) {
                throw new SentroException(ErrorCode.INVALID_PARAMETER, "'" + table.name() + "' has no primary key: "
                        + "name the unique key an upsert matches rows on with on_conflict" + describeKeys(keys),
                        "on_conflict");
            }
            return table.primaryKeyColumns();
        }
        for (List<String> key : keys) {
            if (key.size() == onConflict.size() && new java.util.HashSet<>(key).equals(new java.util.HashSet<>(
                    onConflict))) {
                return key.stream().map(name -> table.column(name).orElseThrow()).toList();
            }
        }
        throw new SentroException(ErrorCode.INVALID_PARAMETER, "on_conflict=" + String.join(",", onConflict)
                + " is not a unique key of '" + table.name() + "'" + describeKeys(keys), "on_conflict");
    }

    private static String describeKeys(List<List<String>> keys) {
        return keys.isEmpty() ? "; it has none" : "; its keys: " + String.join("; ", keys.stream()
                .map(key -> String.join(",", key)).toList());
    }
}
