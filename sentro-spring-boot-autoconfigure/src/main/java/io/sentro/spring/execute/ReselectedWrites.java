package io.sentro.spring.execute;

import static io.sentro.spring.execute.StatementRunner.first;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.sentro.spring.execute.SqlExecutor.Written;
import io.sentro.spring.plan.Key;
import io.sentro.spring.plan.OperationPlan.DeleteWherePlan;
import io.sentro.spring.plan.OperationPlan.UpdatePlan;
import io.sentro.spring.plan.OperationPlan.UpdateWherePlan;
import io.sentro.spring.schema.Column;
import io.sentro.spring.schema.Table;
import io.sentro.spring.sql.SqlRenderer;
import io.sentro.spring.sql.SqlStatement;

import org.springframework.jdbc.support.KeyHolder;

/**
 * The emulation of RETURNING where a dialect's statement cannot return the rows it wrote
 * ({@link io.sentro.spring.dialect.ReturningStyle#RESELECT}, MySQL): the rows are selected again, in the same
 * transaction, by their keys (as given, as generated, or as an update changed them); rows a bulk UPDATE or DELETE
 * is to return are selected and locked before it. A table without a primary key gets back the values written.
 */
final class ReselectedWrites {

    private final SqlRenderer renderer;
    private final StatementRunner statements;

    ReselectedWrites(SqlRenderer renderer, StatementRunner statements) {
        this.renderer = renderer;
        this.statements = statements;
    }

    /** Runs the INSERT of one row, and selects the row by its key. */
    Map<String, Object> insert(Table table, Map<Column, Object> row, SqlStatement insert) {
        KeyHolder generated = statements.updateReturningKeys(insert);
        if (!table.hasPrimaryKey()) {
            Map<String, Object> written = new LinkedHashMap<>();
            row.forEach((column, value) -> written.put(column.name(), value));
            return written;
        }
        List<Column> keyColumns = table.primaryKeyColumns();
        List<Object> keyValues = new ArrayList<>(keyColumns.size());
        for (Column keyColumn : keyColumns) {
            keyValues.add(row.containsKey(keyColumn) ? row.get(keyColumn)
                    : WrittenKeys.generatedKey(generated, keyColumn));
        }
        return first(statements.query(renderer.selectByKey(table, table.columns(), new Key(keyColumns, keyValues))))
                .orElseThrow(() -> new IllegalStateException("Inserted row not found by its key"));
    }

    /**
     * Runs a multi-row INSERT; the generated keys it reports (consecutive for one statement) or the keys given name
     * the rows, which are selected again, in the order inserted.
     */
    List<Map<String, Object>> insertMany(Table table, List<Map<Column, Object>> rows, SqlStatement insert) {
        KeyHolder generated = statements.updateReturningKeys(insert);
        if (!table.hasPrimaryKey()) {
            List<Map<String, Object>> written = new ArrayList<>(rows.size());
            for (Map<Column, Object> row : rows) {
                Map<String, Object> copy = new LinkedHashMap<>();
                row.forEach((column, value) -> copy.put(column.name(), value));
                written.add(copy);
            }
            return written;
        }
        List<List<Object>> keys = WrittenKeys.insertedKeys(table, rows, generated);
        List<Map<String, Object>> stored = byKeys(table, keys);
        return WrittenKeys.inKeyOrder(table, keys, stored);
    }

    /**
     * Runs the UPDATE of one row and selects the row again by its key after it; empty when no row has the key.
     * Outside a caller's transaction that select sees the row as committed.
     */
    Optional<Map<String, Object>> update(UpdatePlan plan, SqlStatement update) {
        if (statements.update(update) == 0) {
            return Optional.empty();
        }
        return first(statements.query(renderer.selectByKey(plan.table(), plan.table().columns(),
                WrittenKeys.keyAfter(plan))));
    }

    /**
     * A bulk UPDATE whose rows' keys are selected and locked first, up to {@code limit} (0: none), and the rows
     * selected again after it; when the limit is reached nothing is written.
     */
    Written updateWhere(UpdateWherePlan plan, long limit) {
        Table table = plan.table();
        List<Map<String, Object>> locked = statements.queryAtMost(renderer.selectForUpdate(table, plan.condition()),
                limit);
        if (limit > 0 && locked.size() >= limit) {
            return new Written(locked, locked.size()); // more than the caller allows: nothing is written
        }
        int count = statements.update(renderer.updateWhere(plan, false));
        List<List<Object>> keys = new ArrayList<>(locked.size());
        for (Map<String, Object> row : locked) {
            keys.add(WrittenKeys.keyAfter(table, row, plan.values()));
        }
        return new Written(byKeys(table, keys), count);
    }

    /**
     * A bulk DELETE whose rows are selected and locked before it, up to {@code limit} (0: none); when the limit is
     * reached nothing is deleted.
     */
    Written deleteWhere(DeleteWherePlan plan, long limit) {
        Table table = plan.table();
        List<Map<String, Object>> locked = statements.queryAtMost(renderer.selectForUpdate(table, plan.condition()),
                limit);
        if (limit > 0 && locked.size() >= limit) {
            return new Written(locked, locked.size()); // more than the caller allows: nothing is deleted
        }
        return new Written(locked, statements.update(renderer.deleteWhere(plan, false)));
    }

    /** Whole rows by key, in statements of at most {@link SqlRenderer#MAX_KEYS_PER_STATEMENT} keys. */
    private List<Map<String, Object>> byKeys(Table table, List<List<Object>> keys) {
        List<Map<String, Object>> rows = new ArrayList<>(keys.size());
        for (int from = 0; from < keys.size(); from += SqlRenderer.MAX_KEYS_PER_STATEMENT) {
            rows.addAll(statements.query(renderer.selectByKeys(table, keys.subList(from, Math.min(keys.size(),
                    from + SqlRenderer.MAX_KEYS_PER_STATEMENT)))));
        }
        return rows;
    }
}
