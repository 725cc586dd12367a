package io.sentro.spring.events;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.sentro.spring.dialect.OutboxSql;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/**
 * The transactional outbox: each change event is inserted in the write's own transaction (so it exists if and only
 * if the write committed), and read back by the {@link OutboxRelay}. One table, created at start-up when missing
 * ({@code sentro.events.outbox.table}); never served as an API table.
 */
public final class Outbox {

    private static final Log log = LogFactory.getLog(Outbox.class);

    /** A claimed event: its place in the outbox, the event, and how many deliveries of it failed so far. */
    public record Claimed(long seq, ChangeEvent event, int attempts) {
    }

    /** Events waiting for delivery, and events given up (dead). */
    public record Counts(long pending, long dead) {
    }

    private final JdbcTemplate jdbc;
    private final OutboxSql sql;
    private final String table;
    private final ChangeEventJson json = new ChangeEventJson();
    /** Whether the DataSource's driver sends the committing insert in one round trip; known after the first use. */
    private volatile @Nullable Boolean committingDriver;

    /** @param jdbc on the DataSource Sentro's writes run on, so that inserts join their transactions */
    public Outbox(JdbcTemplate jdbc, OutboxSql sql, String table) {
        this.jdbc = jdbc;
        this.sql = sql;
        this.table = table;
    }

    /**
     * Creates the table and its indexes unless it exists. An existing table that lacks one of the claim's indexes (made
     * by a migration that forgot it, or by an earlier version of Sentro, whose indexes differed) is left as it is,
     * with a warning that gives the statements: without them the relay still works, but reads more per round.
     */
    public void createIfMissing() {
        boolean exists = Boolean.TRUE.equals(jdbc.execute((Connection connection) -> exists(connection)));
        if (!exists) {
            sql.create().forEach(jdbc::execute);
            return;
        }
        List<String> missing = jdbc.execute((Connection connection) -> missingIndexes(connection));
        if (missing != null && !missing.isEmpty()) {
            log.warn("Sentro's outbox table " + table + " lacks the indexes its relay reads; create them: "
                    + String.join("; ", missing));
        }
    }

    /** The statements of the dialect's indexes that the table does not have (by name). */
    private List<String> missingIndexes(Connection connection) throws SQLException {
        Set<String> present = new HashSet<>();
        DatabaseMetaData metaData = connection.getMetaData();
        for (String name : List.of(table, table.toUpperCase(Locale.ROOT))) {
            try (ResultSet indexes = metaData.getIndexInfo(connection.getCatalog(), currentSchema(connection), name,
                    false, true)) {
                while (indexes.next()) {
                    String index = indexes.getString("INDEX_NAME");
                    if (index != null) {
                        present.add(index.toLowerCase(Locale.ROOT));
                    }
                }
            }
        }
        List<String> missing = new ArrayList<>();
        for (String statement : sql.create()) {
            if (statement.startsWith("CREATE INDEX ")) {
                String index = statement.substring("CREATE INDEX ".length()).split(" ", 2)[0];
                if (!present.contains(index.toLowerCase(Locale.ROOT))) {
                    missing.add(statement);
                }
            }
        }
        return missing;
    }

    private boolean exists(Connection connection) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        for (String name : List.of(table, table.toUpperCase(Locale.ROOT))) {
            try (ResultSet tables = metaData.getTables(connection.getCatalog(), null, name, null)) {
                while (tables.next()) {
                    String schema = tables.getString("TABLE_SCHEM");
                    String current = currentSchema(connection);
                    if (schema == null || current == null || schema.equalsIgnoreCase(current)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static @Nullable String currentSchema(Connection connection) {
        try {
            return connection.getSchema();
        }
        catch (SQLException | AbstractMethodError ex) {
            return null;
        }
    }

    /** Whether the relay's rounds must ask for read committed ({@link OutboxSql#readCommitted()}). */
    boolean roundsReadCommitted() {
        return sql.readCommitted();
    }

    /** Inserts an event, called inside the write's transaction; its sequence in the outbox. */
    public long insert(ChangeEvent event) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement insert = connection.prepareStatement(sql.insert(), new String[] { "seq" });
            bind(insert, event);
            return insert;
        }, keys);
        Number seq = keys.getKey();
        if (seq == null) {
            throw new IllegalStateException("The outbox gave no sequence for event " + event.id());
        }
        return seq.longValue();
    }

    /**
     * Inserts an event that is the last statement of a transaction its writer began, and commits that transaction with
     * it where the dialect and the driver can ({@link OutboxSql.CommittingInsert}): one round trip instead of two. The
     * transaction manager's commit that follows finds the transaction over and runs its after-commit work. Elsewhere,
     * the plain {@link #insert}, committed as usual.
     */
    public long insertCommitting(ChangeEvent event) {
        OutboxSql.CommittingInsert committing = sql.committingInsert();
        if (committing == null) {
            return insert(event);
        }
        Long seq = jdbc.execute((Connection connection) -> {
            if (!committingDriver(connection, committing)) {
                return null;
            }
            try (PreparedStatement insert = connection.prepareStatement(committing.sql())) {
                bind(insert, event);
                // The driver has run both statements, or thrown the first one's failure (a COMMIT refused by a
                // deferred constraint, say), when execute returns.
                insert.execute();
                try (ResultSet returned = insert.getResultSet()) {
                    if (returned == null || !returned.next()) {
                        throw new IllegalStateException("The outbox gave no sequence for event " + event.id());
                    }
                    return returned.getLong(1);
                }
            }
        });
        return seq != null ? seq : insert(event);
    }

    /** Whether the connections' driver is the one the committing insert needs: asked of the first connection only. */
    private boolean committingDriver(Connection connection, OutboxSql.CommittingInsert committing) throws SQLException {
        Boolean known = committingDriver;
        if (known == null) {
            known = committing.driverName().equals(connection.getMetaData().getDriverName());
            committingDriver = known;
        }
        return known;
    }

    /** The parameters of an insert: {@code id, table_name, row_key, operation, payload}. */
    private void bind(PreparedStatement insert, ChangeEvent event) throws SQLException {
        insert.setString(1, event.id());
        insert.setString(2, event.table());
        insert.setString(3, rowKey(event));
        insert.setString(4, event.operation());
        insert.setString(5, json.write(event));
    }

    /** A table's events after a sequence, in order, at most {@code limit}: what a change stream missed. */
    public List<ChangeEvent> since(String table, long sequence, int limit) {
        return jdbc.query(connection -> {
            PreparedStatement since = connection.prepareStatement(sql.since());
            since.setString(1, table);
            since.setLong(2, sequence);
            since.setMaxRows(limit);
            return since;
        }, (row, index) -> json.read(row.getString(2)).withSequence(row.getLong(1)));
    }

    /** The key as one string, for ordering per row: its values in key order. */
    static String rowKey(ChangeEvent event) {
        String key = String.valueOf(event.key().values());
        return key.length() > 500 ? key.substring(0, 500) : key;
    }

    /** Claims up to {@code limit} events, locked until the caller's transaction ends. */
    public List<Claimed> claim(int limit) {
        return jdbc.query(sql.claim(), (row, index) -> new Claimed(row.getLong(1),
                json.read(row.getString(2)).withSequence(row.getLong(1)), row.getInt(3)), limit);
    }

    /** Marks events delivered: one statement for up to {@link OutboxSql#MAX_MARKED} of them. */
    public void delivered(List<Long> seqs) {
        for (int from = 0; from < seqs.size(); from += OutboxSql.MAX_MARKED) {
            List<Long> some = seqs.subList(from, Math.min(seqs.size(), from + OutboxSql.MAX_MARKED));
            jdbc.update(sql.delivered(some.size()), some.toArray());
        }
    }

    /** Records a failed delivery: tried again after {@code delay}, or given up when {@code dead}. */
    public void failed(long seq, int attempts, Duration delay, String error, boolean dead) {
        jdbc.update(sql.retry(), attempts, delay.toMillis(), error.length() > 2000 ? error.substring(0, 2000) : error,
                dead ? 1 : 0, seq);
    }

    public Counts counts() {
        return jdbc.queryForObject(sql.counts(), (row, index) -> new Counts(row.getLong(1), row.getLong(2)));
    }

    /** Deletes events delivered longer ago than {@code retention}; how many. */
    public int purge(Duration retention) {
        return jdbc.update(sql.purge(), retention.toMillis());
    }
}
