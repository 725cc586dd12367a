package io.sentro.spring.execute;

import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.sentro.spring.execute.SqlExecutor.RelatedRow;
import io.sentro.spring.plan.OperationPlan.ReadPlan;
import io.sentro.spring.sql.SqlStatement;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/**
 * Runs one rendered statement through JDBC, with its parameters bound, and hands back what it gave: rows (mapped by
 * {@link ResultMapping}), an update count, a count, or the keys the database generated. It translates no error and
 * opens no transaction: {@link SqlExecutor} does both around it.
 */
final class StatementRunner {

    private final JdbcTemplate jdbc;
    private final ResultMapping mapping;

    StatementRunner(JdbcTemplate jdbc, ResultMapping mapping) {
        this.jdbc = jdbc;
        this.mapping = mapping;
    }

    List<Map<String, Object>> query(SqlStatement statement) {
        return query(statement, null, null);
    }

    /** The rows of a statement; see {@link ResultMapping#pageRows} for {@code total} and {@code plan}. */
    List<Map<String, Object>> query(SqlStatement statement, long @Nullable [] total, @Nullable ReadPlan plan) {
        List<Map<String, Object>> rows = new ArrayList<>();
        query(statement, mapping.pageRows(statement.resultColumns(), total, plan, rows));
        return rows;
    }

    /** Runs a query whose rows {@code handler} reads itself. */
    void query(SqlStatement statement, RowCallbackHandler handler) {
        jdbc.query(statement.sql(), new ArgumentPreparedStatementSetter(statement.parameters().toArray()), handler);
    }

    /**
     * The rows of a statement, at most {@code limit} of them: the driver is told so ({@code setMaxRows}), so that a
     * write that returns a million rows when a thousand are allowed does not fill the heap before it is refused.
     * A limit of 0 is none.
     */
    List<Map<String, Object>> queryAtMost(SqlStatement statement, long limit) {
        List<Map<String, Object>> rows = new ArrayList<>();
        RowCallbackHandler handler = mapping.wholeRows(statement.resultColumns(), rows);
        jdbc.query(connection -> {
            PreparedStatement prepared = connection.prepareStatement(statement.sql());
            new ArgumentPreparedStatementSetter(statement.parameters().toArray()).setValues(prepared);
            if (limit > 0) {
                prepared.setMaxRows((int) Math.min(limit, Integer.MAX_VALUE));
            }
            return prepared;
        }, handler);
        return rows;
    }

    /**
     * The related rows of {@link io.sentro.spring.sql.SqlRenderer#related}, whose first {@code keyCount} columns name
     * the parent row.
     */
    List<RelatedRow> related(SqlStatement statement, int keyCount) {
        List<RelatedRow> rows = new ArrayList<>();
        query(statement, mapping.relatedRows(statement.resultColumns(), keyCount, rows));
        return rows;
    }

    /** The number of rows a statement changed. */
    int update(SqlStatement statement) {
        return jdbc.update(statement.sql(), statement.parameters().toArray());
    }

    /** Runs a statement that returns no rows, and hands back the keys the database generated for it. */
    KeyHolder updateReturningKeys(SqlStatement statement) {
        KeyHolder generated = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement prepared = connection.prepareStatement(statement.sql(), Statement.RETURN_GENERATED_KEYS);
            new ArgumentPreparedStatementSetter(statement.parameters().toArray()).setValues(prepared);
            return prepared;
        }, generated);
        return generated;
    }

    /** The single number a {@code COUNT(*)} statement gives; 0 when it gives none. */
    long count(SqlStatement statement) {
        Long count = jdbc.queryForObject(statement.sql(), Long.class, statement.parameters().toArray());
        return count == null ? 0 : count;
    }

    static <T> Optional<T> first(List<T> rows) {
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }
}
