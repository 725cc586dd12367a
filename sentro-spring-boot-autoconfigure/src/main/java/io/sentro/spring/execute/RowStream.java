package io.sentro.spring.execute;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.sentro.spring.dialect.SqlDialect;
import io.sentro.spring.dialect.ValueReader;
import io.sentro.spring.execute.SqlExecutor.RowBatches;
import io.sentro.spring.plan.OperationPlan.ReadPlan;
import io.sentro.spring.schema.Column;
import io.sentro.spring.sql.SqlRenderer;
import io.sentro.spring.sql.SqlStatement;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Streams every row of an unpaged read (an export) in batches, holding no more than a batch: on a connection of its
 * own, held for the whole read, in a read-only transaction with a fetch size (which PostgreSQL's driver needs to
 * fetch with a cursor).
 */
final class RowStream {

    private final JdbcTemplate jdbc;
    private final SqlRenderer renderer;
    private final SqlDialect dialect;
    private final ResultMapping mapping;

    RowStream(JdbcTemplate jdbc, SqlRenderer renderer, ResultMapping mapping) {
        this.jdbc = jdbc;
        this.renderer = renderer;
        this.dialect = renderer.dialect();
        this.mapping = mapping;
    }

    /** See {@link SqlExecutor#stream}; returns the number of rows read. */
    long stream(ReadPlan plan, int batchSize, RowBatches batches) {
        SqlStatement statement = renderer.select(plan);
        List<Column> columns = statement.resultColumns();
        ValueReader[] readers = mapping.readers(columns);
        String[] names = ResultMapping.names(columns, 0, columns.size());
        Long read = jdbc.execute((Connection connection) -> {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            long count = 0;
            try (PreparedStatement select = connection.prepareStatement(statement.sql(),
                    ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                select.setFetchSize(dialect.streamingFetchSize());
                new ArgumentPreparedStatementSetter(statement.parameters().toArray()).setValues(select);
                try (ResultSet resultSet = select.executeQuery()) {
                    List<Map<String, @Nullable Object>> batch = new ArrayList<>(batchSize);
                    while (resultSet.next()) {
                        batch.add(ResultMapping.row(resultSet, readers, names, 0));
                        count++;
                        if (batch.size() == batchSize) {
                            try {
                                batches.accept(batch);
                            }
                            catch (RuntimeException ex) {
                                // The client left, or a hook failed: stop the statement rather than read it out.
                                select.cancel();
                                throw ex;
                            }
                            batch = new ArrayList<>(batchSize);
                        }
                    }
                    if (!batch.isEmpty()) {
                        batches.accept(batch);
                    }
                }
                connection.commit();
            }
            finally {
                if (!connection.getAutoCommit()) {
                    connection.rollback(); // nothing to keep from a read; a no-op after the commit
                }
                connection.setReadOnly(false);
                connection.setAutoCommit(autoCommit);
            }
            return count;
        });
        return read;
    }
}
