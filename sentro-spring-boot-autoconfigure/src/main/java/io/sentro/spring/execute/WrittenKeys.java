package io.sentro.spring.execute;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.sentro.spring.plan.Condition;
import io.sentro.spring.plan.Filter;
import io.sentro.spring.plan.Increment;
import io.sentro.spring.plan.Key;
import io.sentro.spring.plan.OperationPlan.UpdatePlan;
import io.sentro.spring.plan.RawValue;
import io.sentro.spring.query.Operator;
import io.sentro.spring.schema.Column;
import io.sentro.spring.schema.Table;

import org.springframework.jdbc.support.KeyHolder;

/**
 * Pairs written rows with their primary keys, for selecting them again: the key of each inserted row from the values
 * given and the keys the database generated, the key of a row after an update that may set key columns, and rows read
 * by key put back in the order of the keys. Key values are compared as the same Java type whichever way they came.
 */
final class WrittenKeys {

    private WrittenKeys() {
    }

    /** The generated key of the one row an INSERT wrote, for its key column. */
    static Object generatedKey(KeyHolder generated, Column keyColumn) {
        Number key = generated.getKey();
        if (key == null) {
            throw new IllegalStateException("No generated key for column " + keyColumn.name());
        }
        return keyColumn.kind().isIntegral() ? (Object) key.longValue() : key;
    }

    /**
     * The keys of the rows of one multi-row INSERT: a key column's value where the row gives it, else the next of the
     * keys the database generated (consecutive for one statement, one per row that was assigned one).
     */
    static List<List<Object>> insertedKeys(Table table, List<Map<Column, Object>> rows, KeyHolder generated) {
        List<Column> keyColumns = table.primaryKeyColumns();
        List<Map<String, Object>> generatedKeys = generated.getKeyList();
        List<List<Object>> keys = new ArrayList<>(rows.size());
        int next = 0;
        for (Map<Column, Object> row : rows) {
            List<Object> key = new ArrayList<>(keyColumns.size());
            boolean assigned = false;
            for (Column keyColumn : keyColumns) {
                if (row.containsKey(keyColumn)) {
                    key.add(normalized(keyColumn, row.get(keyColumn)));
                }
                else {
                    assigned = true;
                    key.add(normalized(keyColumn, generatedKeys.get(next).values().iterator().next()));
                }
            }
            if (assigned) {
                next++;
            }
            keys.add(key);
        }
        return keys;
    }

    /** A key value as the same Java type whichever way it came: integers as Long. */
    private static Object normalized(Column column, Object value) {
        return column.kind().isIntegral() && value instanceof Number number ? (Object) number.longValue() : value;
    }

    /** Rows read by key, put back in the order of the keys (a select by key comes in key order). */
    static List<Map<String, Object>> inKeyOrder(Table table, List<List<Object>> keys,
            List<Map<String, Object>> rows) {
        Map<List<Object>, Map<String, Object>> byKey = new HashMap<>();
        for (Map<String, Object> row : rows) {
            List<Object> key = new ArrayList<>();
            for (Column keyColumn : table.primaryKeyColumns()) {
                key.add(normalized(keyColumn, row.get(keyColumn.name())));
            }
            byKey.put(key, row);
        }
        List<Map<String, Object>> ordered = new ArrayList<>(keys.size());
        for (List<Object> key : keys) {
            Map<String, Object> row = byKey.get(key);
            if (row == null) {
                throw new IllegalStateException("An inserted row was not found by its key " + key);
            }
            ordered.add(row);
        }
        return ordered;
    }

    /** The key of the row after an update: a new value for a key column moves the row. */
    static Key keyAfter(UpdatePlan plan) {
        List<Object> values = new ArrayList<>(plan.key().values());
        for (int i = 0; i < plan.key().columns().size(); i++) {
            Column keyColumn = plan.key().columns().get(i);
            if (plan.values().containsKey(keyColumn) && plan.values().get(keyColumn) != null) {
                values.set(i, plan.values().get(keyColumn));
            }
        }
        return new Key(plan.key().columns(), values);
    }

    /** A row's key after an update that may set key columns. */
    static List<Object> keyAfter(Table table, Map<String, Object> row, Map<Column, Object> values) {
        List<Object> key = new ArrayList<>(table.primaryKey().size());
        for (Column keyColumn : table.primaryKeyColumns()) {
            Object value = values.get(keyColumn);
            key.add(value != null && !(value instanceof RawValue) && !(value instanceof Increment) ? value
                    : row.get(keyColumn.name()));
        }
        return key;
    }

    /** The condition that selects the row with these key values. */
    static Condition keyCondition(Key key) {
        List<Filter> filters = new ArrayList<>(key.columns().size());
        for (int i = 0; i < key.columns().size(); i++) {
            filters.add(new Filter(key.columns().get(i), Operator.EQ, key.values().get(i)));
        }
        return Condition.allOf(filters);
    }
}
