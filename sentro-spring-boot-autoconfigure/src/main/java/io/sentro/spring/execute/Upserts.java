package io.sentro.spring.execute;

import static io.sentro.spring.execute.StatementRunner.first;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.sentro.spring.dialect.UpsertStatement;
import io.sentro.spring.dialect.ValueReader;
import io.sentro.spring.error.ErrorCode;
import io.sentro.spring.error.SentroException;
import io.sentro.spring.execute.SqlExecutor.UpsertOutcome;
import io.sentro.spring.execute.SqlExecutor.Upserted;
import io.sentro.spring.plan.Condition;
import io.sentro.spring.plan.OperationPlan.UpsertPlan;
import io.sentro.spring.schema.Column;
import io.sentro.spring.schema.Table;
import io.sentro.spring.sql.SqlRenderer;
import io.sentro.spring.sql.SqlStatement;

/**
 * Runs one upsert and tells what it did to its row: created, updated, or left as it was (ignored), as the dialect
 * reports it ({@link UpsertStatement.Outcome}), and the row as stored.
 */
final class Upserts {

    private final SqlRenderer renderer;
    private final StatementRunner statements;
    private final ResultMapping mapping;

    Upserts(SqlRenderer renderer, StatementRunner statements, ResultMapping mapping) {
        this.renderer = renderer;
        this.statements = statements;
        this.mapping = mapping;
    }

    /** See {@link SqlExecutor#upsert}. */
    Upserted upsert(UpsertPlan plan) {
        Table table = plan.table();
        Condition byKey = WrittenKeys.keyCondition(plan.key());
        SqlStatement statement = renderer.upsert(plan);
        UpsertStatement.Outcome reporting = renderer.dialect().upsertOutcome();
        if (reporting == UpsertStatement.Outcome.UPDATE_COUNT) {
            return lockedFirst(plan, byKey, statement);
        }
        List<Column> columns = table.columns();
        ValueReader[] readers = mapping.readers(columns);
        String[] names = ResultMapping.names(columns, 0, columns.size());
        List<Upserted> written = new ArrayList<>(1);
        statements.query(statement, (ResultSet resultSet) -> {
            boolean inserted = reporting.inserted(resultSet, names.length);
            written.add(new Upserted(ResultMapping.row(resultSet, readers, names, reporting.rowOffset()),
                    inserted ? UpsertOutcome.CREATED : UpsertOutcome.UPDATED));
        });
        if (!written.isEmpty()) {
            return written.get(0);
        }
        Map<String, Object> existing = first(statements.query(renderer.selectForUpdate(table, byKey))).orElseThrow();
        return new Upserted(existing, UpsertOutcome.IGNORED);
    }

    /**
     * An upsert whose statement reports only an update count, which in MySQL cannot tell an insert from an update
     * that changed nothing: the key is first read with a lock (which in InnoDB also locks the gap where a missing key
     * would go, so no other writer inserts it in between), and the row read back after.
     */
    private Upserted lockedFirst(UpsertPlan plan, Condition byKey, SqlStatement statement) {
        Table table = plan.table();
        boolean existed = !statements.queryAtMost(renderer.selectForUpdate(table, byKey), 1).isEmpty();
        int count = statements.update(statement);
        if (!existed && count > 1) {
            // ON DUPLICATE KEY fired on another unique key than the one named.
            throw new SentroException(ErrorCode.UNIQUE_VIOLATION, DatabaseErrorMessages.describe(
                    ErrorCode.UNIQUE_VIOLATION, table), null);
        }
        Map<String, Object> row = first(statements.query(renderer.selectForUpdate(table, byKey))).orElseThrow();
        return new Upserted(row, !existed ? UpsertOutcome.CREATED
                : plan.merge() && !plan.updates().isEmpty() ? UpsertOutcome.UPDATED : UpsertOutcome.IGNORED);
    }
}
