package io.sentro.spring.execute;

import static io.sentro.spring.execute.StatementRunner.first;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.sentro.spring.dialect.SqlDialect;
import io.sentro.spring.execute.SqlExecutor.Written;
import io.sentro.spring.plan.OperationPlan.DeleteWherePlan;
import io.sentro.spring.plan.OperationPlan.UpdatePlan;
import io.sentro.spring.plan.OperationPlan.UpdateWherePlan;
import io.sentro.spring.schema.Column;
import io.sentro.spring.schema.Table;
import io.sentro.spring.sql.SqlRenderer;
import io.sentro.spring.sql.SqlStatement;

/**
 * Runs the writes that hand back the rows they wrote: inserts (several rows to a statement where the dialect allows),
 * updates, and bulk updates and deletes. The rows come from the statement itself where the dialect returns them
 * ({@link SqlDialect#insertReturning()}, {@link SqlDialect#updateReturning()}, {@link SqlDialect#deleteReturning()}),
 * else from {@link ReselectedWrites}.
 */
final class RowWriter {

    private final SqlRenderer renderer;
    private final SqlDialect dialect;
    private final StatementRunner statements;
    private final ReselectedWrites reselected;

    RowWriter(SqlRenderer renderer, StatementRunner statements) {
        this.renderer = renderer;
        this.dialect = renderer.dialect();
        this.statements = statements;
        this.reselected = new ReselectedWrites(renderer, statements);
    }

    /** Inserts one row and returns it as stored. */
    Map<String, Object> insert(Table table, Map<Column, Object> row) {
        SqlStatement insert = renderer.insert(table, row);
        if (dialect.insertReturning().returnsRows()) {
            return first(statements.query(insert))
                    .orElseThrow(() -> new IllegalStateException("INSERT returned no row"));
        }
        return reselected.insert(table, row, insert);
    }

    /**
     * Inserts rows and returns them as stored, in order: as many to a statement as the dialect allows for the columns
     * they give ({@link SqlDialect#rowsPerInsert}), else one statement each. Run it in a transaction.
     */
    List<Map<String, Object>> insertAll(Table table, List<Map<Column, Object>> rows) {
        int columns = (int) table.columns().stream()
                .filter(column -> rows.stream().anyMatch(row -> row.containsKey(column))).count();
        int perStatement = dialect.rowsPerInsert(columns);
        List<Map<String, Object>> created = new ArrayList<>(rows.size());
        if (perStatement <= 1 || columns == 0) {
            for (Map<Column, Object> row : rows) {
                created.add(insert(table, row));
            }
            return created;
        }
        for (int from = 0; from < rows.size(); from += perStatement) {
            created.addAll(insertMany(table, rows.subList(from, Math.min(rows.size(), from + perStatement))));
        }
        return created;
    }

    /** One multi-row INSERT ({@link SqlRenderer#insertMany}). */
    private List<Map<String, Object>> insertMany(Table table, List<Map<Column, Object>> rows) {
        SqlStatement insert = renderer.insertMany(table, rows);
        if (dialect.insertReturning().returnsRows()) {
            return statements.query(insert);
        }
        return reselected.insertMany(table, rows, insert);
    }

    /** Updates one row; empty when no row has the key. */
    Optional<Map<String, Object>> update(UpdatePlan plan) {
        SqlStatement update = renderer.update(plan.table(), plan.key(), plan.values(), plan.scope());
        if (dialect.updateReturning().returnsRows()) {
            return first(statements.query(update));
        }
        return reselected.update(plan, update);
    }

    /**
     * A bulk UPDATE. With {@code returning}, the updated rows as stored, read up to {@code limit} (0: none); see
     * {@link SqlExecutor#updateWhere(UpdateWherePlan, boolean, long)}.
     */
    Written updateWhere(UpdateWherePlan plan, boolean returning, long limit) {
        if (!returning) {
            return new Written(List.of(), statements.update(renderer.updateWhere(plan, false)));
        }
        if (dialect.updateReturning().returnsRows()) {
            List<Map<String, Object>> rows = statements.queryAtMost(renderer.updateWhere(plan, true), limit);
            return new Written(rows, rows.size());
        }
        return reselected.updateWhere(plan, limit);
    }

    /**
     * A bulk DELETE. With {@code returning}, the deleted rows as they were, read up to {@code limit} (0: none); see
     * {@link SqlExecutor#deleteWhere(DeleteWherePlan, boolean, long)}.
     */
    Written deleteWhere(DeleteWherePlan plan, boolean returning, long limit) {
        if (!returning) {
            return new Written(List.of(), statements.update(renderer.deleteWhere(plan, false)));
        }
        if (dialect.deleteReturning().returnsRows()) {
            List<Map<String, Object>> rows = statements.queryAtMost(renderer.deleteWhere(plan, true), limit);
            return new Written(rows, rows.size());
        }
        return reselected.deleteWhere(plan, limit);
    }
}
