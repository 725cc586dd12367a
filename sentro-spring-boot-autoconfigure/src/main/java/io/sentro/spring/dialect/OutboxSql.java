package io.sentro.spring.dialect;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The statements of the transactional outbox in one dialect: the table, and the SQL its writer and relay run. The
 * table has the same columns everywhere; only types, time arithmetic and row locking differ.
 *
 * @param create the DDL that creates the table and its indexes
 * @param insert one event: {@code id, table_name, row_key, operation, payload}
 * @param claim the next undelivered events (limit as the parameter), oldest first, locked for this relay and skipped
 * by others: of each row, only its oldest live event (order per row)
 * @param delivered marks events delivered: the statement up to its list of {@code seq}s ({@link #delivered(int)})
 * @param retry records a failed delivery: {@code attempts, delay in ms, last_error, dead, seq}
 * @param counts the events pending and dead
 * @param purge deletes events delivered longer ago than the parameter, in ms
 * @param since a table's events after a sequence (parameters: table name, sequence), in order: a change stream's
 * resumption
 * @param readCommitted whether the relay must ask for read committed, its database's default being stricter: under
 * InnoDB's repeatable read, the claim's scan would also lock the gaps between the events, and the writers' inserts
 * would wait for the relay's round (where read committed is the default, asking costs a round trip per round)
 * @param committingInsert the insert that also ends its transaction, where the dialect's driver sends both in one
 * round trip, or {@code null}
 */
public record OutboxSql(List<String> create, String insert, String claim, String delivered, String retry,
        String counts, String purge, String since, boolean readCommitted, @Nullable CommittingInsert committingInsert) {

    public OutboxSql {
        create = List.copyOf(create);
    }

    /**
     * An event's insert that also commits its transaction ({@code INSERT ... RETURNING seq; COMMIT}, the parameters of
     * {@link #insert()}), for an event that is the last statement of a transaction its writer began. Where the driver
     * sends the statements of one string in one round trip and learns from the database that the transaction ended,
     * it saves the COMMIT's round trip: the transaction manager's commit then finds nothing to commit, and its
     * after-commit work runs as usual. A COMMIT that fails (a deferred constraint) fails the statement.
     *
     * @param sql the statements
     * @param driverName the JDBC driver that works so ({@code DatabaseMetaData.getDriverName()}); with another driver
     * for the same database, the plain insert is used
     */
    public record CommittingInsert(String sql, String driverName) {
    }

    /** These statements with {@code committingInsert}: the insert, returning the sequence, then COMMIT. */
    OutboxSql withCommittingInsert(String driverName) {
        return new OutboxSql(create, insert, claim, delivered, retry, counts, purge, since, readCommitted,
                new CommittingInsert(insert + " RETURNING seq; COMMIT", driverName));
    }

    /**
     * Marks {@code events} events delivered in one statement (parameters: their {@code seq}s): one statement to plan
     * and run per round rather than one per event. At most {@link #MAX_MARKED} at once.
     */
    public String delivered(int events) {
        if (events < 1 || events > MAX_MARKED) {
            throw new IllegalArgumentException("Marks 1 to " + MAX_MARKED + " events at once, not " + events);
        }
        return delivered + "?" + ", ?".repeat(events - 1) + ")";
    }

    /** The most events one statement marks delivered (SQL Server takes at most 2,100 parameters). */
    public static final int MAX_MARKED = 1000;

    /**
     * The statements for a table, given the dialect's column types, its clock and its way of adding milliseconds to
     * it, the row-locking clause that makes relays skip each other's rows, and the indexes the claim reads.
     *
     * @param seq the auto-numbered key column's definition
     * @param text a long text type
     * @param timestamp a timestamp type
     * @param now the current time, as the database sees it
     * @param plusMillis {@code now} plus {@code ?} milliseconds
     * @param top what follows SELECT to limit the claim ({@code TOP (?) } on SQL Server), or nothing
     * @param hint the table hint that locks and skips ({@code WITH (UPDLOCK, READPAST, ROWLOCK)}), or nothing
     * @param tail what ends the claim: its order, and its limit and lock where the dialect puts them there
     * @param readCommitted whether the relay must ask for read committed
     * @param indexes the two indexes the claim reads: the pending events in order, and a row's pending events (a
     * dialect with partial indexes keeps only pending events in them, so that a delivered event leaves them)
     */
    static OutboxSql of(String table, String seq, String text, String timestamp, String now, String plusMillis,
            String minusMillis, String top, String hint, String tail, boolean readCommitted, List<String> indexes) {
        List<String> create = List.of("CREATE TABLE " + table + " (seq " + seq + " PRIMARY KEY, "
                + "id VARCHAR(36) NOT NULL, table_name VARCHAR(255) NOT NULL, row_key VARCHAR(500) NOT NULL, "
                + "operation VARCHAR(10) NOT NULL, payload " + text + " NOT NULL, "
                + "created_at " + timestamp + " NOT NULL DEFAULT " + now + ", attempts INT NOT NULL DEFAULT 0, "
                + "next_attempt_at " + timestamp + " NOT NULL DEFAULT " + now + ", delivered_at " + timestamp + " NULL, "
                + "dead SMALLINT NOT NULL DEFAULT 0, last_error VARCHAR(2000) NULL)");
        create = new java.util.ArrayList<>(create);
        create.addAll(indexes);
        // The pending events in order, read from the index of pending events and stopping at the limit (its cost
        // does not grow with the backlog), each only if it is the oldest live event of its row: a row's later events
        // wait for it (order per row), and a relay skips the events another holds. A scalar subquery, which every
        // database runs per event through the row index; as a NOT EXISTS, PostgreSQL may plan it as a join that
        // reads the whole index per event when its statistics are stale. It also keeps InnoDB right: it locks and
        // reads the newest events, which the subquery's snapshot may not show yet, and such an event is not its
        // own row's oldest in that snapshot, so it waits for the next round.
        String claim = "SELECT " + top + "o.seq, o.payload, o.attempts FROM " + table + " o" + hint
                + " WHERE o.delivered_at IS NULL AND o.dead = 0 AND o.next_attempt_at <= " + now
                + " AND o.seq = (SELECT MIN(e.seq) FROM " + table + " e WHERE e.table_name = o.table_name"
                + " AND e.row_key = o.row_key AND e.delivered_at IS NULL AND e.dead = 0)" + tail;
        return new OutboxSql(create,
                "INSERT INTO " + table + " (id, table_name, row_key, operation, payload) VALUES (?, ?, ?, ?, ?)",
                claim,
                "UPDATE " + table + " SET delivered_at = " + now + " WHERE seq IN (",
                "UPDATE " + table + " SET attempts = ?, next_attempt_at = " + plusMillis
                        + ", last_error = ?, dead = ? WHERE seq = ?",
                "SELECT COALESCE(SUM(CASE WHEN delivered_at IS NULL AND dead = 0 THEN 1 ELSE 0 END), 0), "
                        + "COALESCE(SUM(dead), 0) FROM " + table,
                "DELETE FROM " + table + " WHERE delivered_at IS NOT NULL AND delivered_at < " + minusMillis,
                "SELECT seq, payload FROM " + table + " WHERE table_name = ? AND seq > ? ORDER BY seq", readCommitted,
                null);
    }

    /**
     * The claim's indexes where the dialect has partial (filtered) indexes: they hold only the pending events, which a
     * delivered or dead event leaves.
     */
    static List<String> partialIndexes(String table) {
        String pending = " WHERE delivered_at IS NULL AND dead = 0";
        return List.of("CREATE INDEX " + table + "_pending ON " + table + " (seq)" + pending,
                "CREATE INDEX " + table + "_pending_row ON " + table + " (table_name, row_key, seq)" + pending);
    }

    /**
     * The claim's indexes where every event stays in them: led by the pending conditions, so that the claim and its
     * check of a row's older events read only pending entries.
     */
    static List<String> fullIndexes(String table) {
        return List.of("CREATE INDEX " + table + "_pending ON " + table + " (delivered_at, dead, seq)",
                "CREATE INDEX " + table + "_pending_row ON " + table
                        + " (table_name, row_key, delivered_at, dead, seq)");
    }
}
