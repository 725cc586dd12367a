package io.sentro.spring.execute;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import io.sentro.spring.dialect.SqlDialect;
import io.sentro.spring.dialect.UpsertStatement;
import io.sentro.spring.dialect.ValueReader;
import io.sentro.spring.error.ErrorCode;
import io.sentro.spring.error.SentroException;
import io.sentro.spring.plan.AggregatePlan;
import io.sentro.spring.plan.Condition;
import io.sentro.spring.plan.EmbedPlan;
import io.sentro.spring.plan.Key;
import io.sentro.spring.plan.OperationPlan.CreatePlan;
import io.sentro.spring.plan.OperationPlan.DeletePlan;
import io.sentro.spring.plan.OperationPlan.DeleteWherePlan;
import io.sentro.spring.plan.OperationPlan.GetPlan;
import io.sentro.spring.plan.OperationPlan.ReadPlan;
import io.sentro.spring.plan.OperationPlan.UpdatePlan;
import io.sentro.spring.plan.OperationPlan.UpdateWherePlan;
import io.sentro.spring.plan.OperationPlan.UpsertPlan;
import io.sentro.spring.plan.SortOrder;
import io.sentro.spring.query.CountMode;
import io.sentro.spring.schema.Column;
import io.sentro.spring.schema.SchemaModel;
import io.sentro.spring.schema.Table;
import io.sentro.spring.sql.SqlRenderer;
import io.sentro.spring.sql.SqlStatement;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs plans against the database. Reads run without a transaction: a get is one round trip, a list one or two: with
 * {@code count=exact} the rows, then {@code COUNT(*)} unless the page shows the total; with {@code count=estimated}
 * the planner's estimate (kept a few seconds per condition), then the rows alone when it is large, or the rows with
 * their exact total ({@code COUNT(*) OVER ()}) when it is small. A write of one row is one statement in
 * auto-commit (two where the dialect selects the written row again); a bulk insert runs in one transaction, so a
 * failing row leaves nothing written. Statements join the caller's transaction when there is one (hooks). Database
 * errors caused by the client's data become {@link SentroException}s; the dialect decides which those are.
 */
public final class SqlExecutor {

    private final JdbcTemplate jdbc;
    private final ObservationRegistry observations;
    private final TransactionTemplate readOnlyTransactions;
    private final boolean readsOnReplicas;
    private final TransactionTemplate transactions;
    private final SqlRenderer renderer;
    private final SqlDialect dialect;
    private final Map<Column, ValueReader> readers = new IdentityHashMap<>();
    private final long exactCountThreshold;
    private final RowEstimates estimates;
    private final SchemaModel model;

    /**
     * Chooses the reader of every served column once, so that no request decides how to read a type.
     *
     * @param exactCountThreshold with {@code count=estimated}, the estimated row count below which lists count
     * exactly
     * @param estimateMaxAge how long a row estimate is reused for the same condition; zero asks every time
     */
    public SqlExecutor(JdbcTemplate jdbc, TransactionTemplate transactions, SqlRenderer renderer, SchemaModel model,
            long exactCountThreshold, Duration estimateMaxAge) {
        this(jdbc, transactions, renderer, model, exactCountThreshold, estimateMaxAge, ObservationRegistry.NOOP);
    }

    /**
     * @param observations where the database work of each call is observed ({@code sentro.sql}, tagged with the table
     * and the database): a span under the request's when the application traces
     */
    public SqlExecutor(JdbcTemplate jdbc, TransactionTemplate transactions, SqlRenderer renderer, SchemaModel model,
            long exactCountThreshold, Duration estimateMaxAge, ObservationRegistry observations) {
        this(jdbc, transactions, renderer, model, exactCountThreshold, estimateMaxAge, observations, false);
    }

    /**
     * @param readsOnReplicas whether {@code jdbc} and {@code transactions} run on {@link ReadReplicas}: then
     * {@link #readOnly} runs reads in read-only transactions, which take their connections from a replica
     */
    public SqlExecutor(JdbcTemplate jdbc, TransactionTemplate transactions, SqlRenderer renderer, SchemaModel model,
            long exactCountThreshold, Duration estimateMaxAge, ObservationRegistry observations,
            boolean readsOnReplicas) {
        TransactionTemplate readOnly = new TransactionTemplate(transactions.getTransactionManager(), transactions);
        readOnly.setReadOnly(true);
        this.readOnlyTransactions = readOnly;
        this.readsOnReplicas = readsOnReplicas;
        this.observations = observations;
        this.jdbc = jdbc;
        this.model = model;
        this.exactCountThreshold = exactCountThreshold;
        this.estimates = new RowEstimates(jdbc, estimateMaxAge, System::nanoTime);
        this.transactions = transactions;
        this.renderer = renderer;
        this.dialect = renderer.dialect();
        for (Table table : model.tables()) {
            for (Column column : table.columns()) {
                readers.put(column, dialect.reader(column.type()));
            }
        }
    }

    public RowPage read(ReadPlan plan) {
        return translating(plan.table(), () -> switch (plan.count()) {
            case NONE -> page(plan, fetch(plan), null, false);
            case EXACT -> counted(plan, fetch(plan));
            case ESTIMATED -> estimated(plan);
        });
    }

    /**
     * Runs a read (a GET's statements, and its READ hooks' reads) on a read replica when there are any: in a read-only
     * transaction, whose connection the routing takes from a replica. Inside a write's transaction it joins that
     * transaction, on the primary. Without replicas it is the read itself, with no transaction.
     */
    public <T> T readOnly(Supplier<T> read) {
        if (!readsOnReplicas) {
            return read.get();
        }
        return translatingTransaction(() -> readOnlyTransactions.execute(status -> read.get()));
    }

    /**
     * Runs work that only reads in a read-only transaction, with or without replicas: on a replica when there are
     * any, and refused by the database if it tries to write. For actions declared read-only.
     */
    public <T> T inReadOnlyTransaction(Table table, Supplier<T> work) {
        return translating(table, () -> readOnlyTransactions.execute(status -> work.get()));
    }

    private <T> T translatingTransaction(Supplier<T> work) {
        try {
            return work.get();
        }
        catch (TransactionException ex) {
            throw new SentroException(ErrorCode.DATABASE_UNAVAILABLE, "The database is unavailable; try again later",
                    null, ex);
        }
    }

    /** Receives the rows of a streamed read, a batch at a time; the batch is the receiver's to keep or change. */
    @FunctionalInterface
    public interface RowBatches {
        void accept(List<Map<String, @Nullable Object>> batch);
    }

    /**
     * Reads every row of an unpaged plan and hands them on in batches as they arrive, holding no more than a batch:
     * the driver fetches {@link SqlDialect#streamingFetchSize()} rows at a time, on a connection of its own held for
     * the whole read, in a read-only transaction (which PostgreSQL's driver needs to fetch with a cursor). The
     * application's hooks, run on each batch, use other connections. Returns the number of rows read.
     */
    public long stream(ReadPlan plan, int batchSize, RowBatches batches) {
        SqlStatement statement = renderer.select(plan);
        List<Column> columns = statement.resultColumns();
        ValueReader[] readers = readers(columns);
        String[] names = names(columns, 0, columns.size());
        return translating(plan.table(), () -> jdbc.execute((java.sql.Connection connection) -> {
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
                        Object[] values = new Object[readers.length];
                        for (int i = 0; i < readers.length; i++) {
                            values[i] = readers[i].read(resultSet, i + 1);
                        }
                        batch.add(new ResultRow(names, values));
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
        }));
    }

    /** The rows of a page, and whether more follow (the statement reads one row more than the page). */
    private record Fetched(List<Map<String, Object>> rows, boolean more) {
    }

    private Fetched fetch(ReadPlan plan) {
        if (plan.limit() == 0) {
            return new Fetched(new ArrayList<>(), true); // rows may follow; none were read to tell
        }
        return trimmed(plan, query(renderer.selectPage(plan), null, plan));
    }

    private static Fetched trimmed(ReadPlan plan, List<Map<String, Object>> rows) {
        boolean more = rows.size() > plan.limit();
        if (more) {
            rows.remove(rows.size() - 1);
        }
        return new Fetched(rows, more);
    }

    /** The page; when more rows follow, with the last row's values of the sort columns, for the next cursor. */
    private static RowPage page(ReadPlan plan, Fetched fetched, @Nullable Long total, boolean estimate) {
        List<Object> next = null;
        if (fetched.more() && !fetched.rows().isEmpty() && !plan.order().isEmpty()) {
            Map<String, Object> last = fetched.rows().get(fetched.rows().size() - 1);
            next = new ArrayList<>(plan.order().size());
            for (SortOrder order : plan.order()) {
                next.add(last.get(order.column().name()));
            }
        }
        return new RowPage(fetched.rows(), total, estimate, plan.limit(), plan.offset(), next);
    }

    /** The page with its exact total: from the page when it shows it, otherwise from {@code SELECT COUNT(*)}. */
    private RowPage counted(ReadPlan plan, Fetched fetched) {
        long total = showsTotal(plan, fetched) ? plan.offset() + fetched.rows().size() : count(renderer.count(plan));
        return page(plan, fetched, total, false);
    }

    /**
     * The last page from the start shows the total by itself (when it is not past the end); a page after a cursor
     * does not: the rows before the cursor are not in it.
     */
    private static boolean showsTotal(ReadPlan plan, Fetched fetched) {
        return plan.after() == null && !fetched.more() && (!fetched.rows().isEmpty() || plan.offset() == 0);
    }

    /**
     * The page with the database's estimate as its total when the estimate is at or above the threshold; otherwise
     * the page with its exact total, counted in the page's own statement (or, after a cursor, on its own).
     */
    private RowPage estimated(ReadPlan plan) {
        Long estimate = renderer.rowEstimate(plan).map(estimates::rows).orElse(null);
        if (estimate != null && estimate >= exactCountThreshold) {
            Fetched fetched = fetch(plan);
            if (showsTotal(plan, fetched)) {
                return page(plan, fetched, plan.offset() + fetched.rows().size(), false);
            }
            // Never fewer than the rows the page has shown to exist.
            return page(plan, fetched, Math.max(estimate, plan.offset() + fetched.rows().size()), true);
        }
        if (plan.limit() == 0 || plan.after() != null) {
            return counted(plan, fetch(plan));
        }
        long[] total = { -1 };
        Fetched fetched = trimmed(plan, query(renderer.selectWithTotal(plan), total, plan));
        if (total[0] < 0) { // no row, so no total in the page: past the end, or nothing matches
            return counted(plan, fetched);
        }
        return page(plan, fetched, total[0], false);
    }

    /**
     * A page of groups and their aggregates; counted (when asked) from the page when it shows the total, otherwise
     * with {@code COUNT(*)} over the groups. Sums of integers are read exactly and returned as integers; averages
     * without trailing zeros.
     */
    public RowPage aggregate(AggregatePlan plan) {
        return translating(plan.table(), () -> {
            List<Map<String, Object>> rows = plan.limit() == 0 ? new ArrayList<>() : query(renderer.aggregate(plan));
            boolean more = plan.limit() == 0 || rows.size() > plan.limit();
            if (rows.size() > plan.limit()) {
                rows.remove(rows.size() - 1);
            }
            for (AggregatePlan.Aggregate aggregate : plan.aggregates()) {
                if (aggregate.function() == AggregatePlan.Function.SUM
                        || aggregate.function() == AggregatePlan.Function.AVG) {
                    boolean integral = aggregate.column().kind().isIntegral()
                            && aggregate.function() == AggregatePlan.Function.SUM;
                    for (Map<String, Object> row : rows) {
                        row.computeIfPresent(aggregate.key(), (key, value) -> value instanceof BigDecimal decimal
                                ? exact(decimal, integral) : value);
                    }
                }
            }
            Long total = null;
            if (plan.count() != CountMode.NONE) {
                total = !more && (!rows.isEmpty() || plan.offset() == 0) ? plan.offset() + rows.size()
                        : count(renderer.countGroups(plan));
            }
            return new RowPage(rows, total, false, plan.limit(), plan.offset(), null);
        });
    }

    /** A sum of integers as an integer; any other decimal without trailing zeros (an average's 3.5000 is 3.5). */
    private static Object exact(BigDecimal decimal, boolean integral) {
        if (integral) {
            java.math.BigInteger integer = decimal.toBigIntegerExact();
            return integer.bitLength() < 64 ? (Object) integer.longValue() : integer;
        }
        BigDecimal stripped = decimal.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    public Optional<Map<String, @Nullable Object>> get(GetPlan plan) {
        return translating(plan.table(), () -> first(query(renderer.selectByKey(plan.table(), plan.projection(),
                plan.key(), plan.scope()))));
    }

    /**
     * Inserts the rows of the plan, returning them as stored: one row in auto-commit (its INSERT is atomic by
     * itself), several in one transaction, so that a failing row leaves nothing written. Inside a caller's
     * transaction, the statements join it.
     */
    public List<Map<String, @Nullable Object>> create(CreatePlan plan) {
        if (plan.rows().size() == 1) {
            return translating(plan.table(), () -> {
                List<Map<String, Object>> created = new ArrayList<>(1);
                created.add(insert(plan.table(), plan.rows().get(0)));
                return created;
            });
        }
        return inTransaction(plan.table(), () -> {
            Table table = plan.table();
            int columns = (int) table.columns().stream()
                    .filter(column -> plan.rows().stream().anyMatch(row -> row.containsKey(column))).count();
            int perStatement = dialect.rowsPerInsert(columns);
            List<Map<String, Object>> created = new ArrayList<>(plan.rows().size());
            if (perStatement <= 1 || columns == 0) {
                for (Map<Column, Object> row : plan.rows()) {
                    created.add(insert(table, row));
                }
                return created;
            }
            for (int from = 0; from < plan.rows().size(); from += perStatement) {
                created.addAll(insertMany(table, plan.rows().subList(from, Math.min(plan.rows().size(),
                        from + perStatement))));
            }
            return created;
        });
    }

    /**
     * One multi-row INSERT ({@link SqlRenderer#insertMany}). Where it cannot return the rows (MySQL), the generated
     * keys it reports (consecutive for one statement) or the keys given name the rows, which are selected again.
     */
    private List<Map<String, Object>> insertMany(Table table, List<Map<Column, Object>> rows) {
        SqlStatement insert = renderer.insertMany(table, rows);
        if (dialect.insertReturning().returnsRows()) {
            return query(insert);
        }
        KeyHolder generated = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement statement = connection.prepareStatement(insert.sql(), Statement.RETURN_GENERATED_KEYS);
            new ArgumentPreparedStatementSetter(insert.parameters().toArray()).setValues(statement);
            return statement;
        }, generated);
        if (!table.hasPrimaryKey()) {
            List<Map<String, Object>> written = new ArrayList<>(rows.size());
            for (Map<Column, Object> row : rows) {
                Map<String, Object> copy = new LinkedHashMap<>();
                row.forEach((column, value) -> copy.put(column.name(), value));
                written.add(copy);
            }
            return written;
        }
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
        List<Map<String, Object>> stored = byKeys(table, keys);
        return inKeyOrder(table, keys, stored);
    }

    /** A key value as the same Java type whichever way it came: integers as Long. */
    private static Object normalized(Column column, Object value) {
        return column.kind().isIntegral() && value instanceof Number number ? (Object) number.longValue() : value;
    }

    /** Rows read by key, put back in the order of the keys (a select by key comes in key order). */
    private static List<Map<String, Object>> inKeyOrder(Table table, List<List<Object>> keys,
            List<Map<String, Object>> rows) {
        Map<List<Object>, Map<String, Object>> byKey = new java.util.HashMap<>();
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

    /**
     * Updates one row; empty when no row has the key. Where the dialect has no RETURNING for UPDATE, the row is
     * selected again after it; outside a caller's transaction that select sees the row as committed.
     */
    public Optional<Map<String, @Nullable Object>> update(UpdatePlan plan) {
        return translating(plan.table(), () -> {
            SqlStatement update = renderer.update(plan.table(), plan.key(), plan.values(), plan.scope());
            if (dialect.updateReturning().returnsRows()) {
                return first(query(update));
            }
            if (jdbc.update(update.sql(), update.parameters().toArray()) == 0) {
                return Optional.empty();
            }
            return first(query(renderer.selectByKey(plan.table(), plan.table().columns(), keyAfter(plan))));
        });
    }

    /** Deletes one row, one statement; false when no row has the key. */
    public boolean delete(DeletePlan plan) {
        return translating(plan.table(), () -> {
            SqlStatement delete = renderer.delete(plan.table(), plan.key(), plan.scope());
            return jdbc.update(delete.sql(), delete.parameters().toArray()) > 0;
        });
    }

    /**
     * What a bulk write did: how many rows it changed, and with {@code returning} the rows (as stored after an update,
     * as they were before a delete), at most the limit it was given plus one.
     */
    public record Written(List<Map<String, @Nullable Object>> rows, long count) {
    }

    /**
     * Every row that meets a condition, locked until the transaction ends (run it in one), at most {@code limit}:
     * what a bulk write hands its hooks one by one.
     */
    public List<Map<String, @Nullable Object>> selectForUpdate(Table table, Condition condition, long limit) {
        return translating(table, () -> queryAtMost(renderer.selectForUpdate(table, condition), limit));
    }

    /** Every row the condition selects, locked until the transaction ends (run it in one). */
    public List<Map<String, @Nullable Object>> selectForUpdate(Table table, Condition condition) {
        return translating(table, () -> queryAtMost(renderer.selectForUpdate(table, condition), 0));
    }

    /** One whole row by key within {@code scope}, locked until the transaction ends (run it in one); empty if none. */
    public Optional<Map<String, @Nullable Object>> lockByKey(Table table, Key key, Condition scope) {
        return translating(table, () -> first(queryAtMost(renderer.selectForUpdate(table, keyCondition(key).and(scope)),
                1)));
    }

    /**
     * A bulk UPDATE, one statement. With {@code returning}, the updated rows as stored, read up to {@code limit}:
     * where the dialect returns them from the UPDATE itself that is still one statement; elsewhere (MySQL) the rows'
     * keys are selected and locked first and the rows selected again after. Run it in a transaction: a caller that
     * finds more rows than it allows rolls it back. A limit of 0 is none.
     */
    public Written updateWhere(UpdateWherePlan plan, boolean returning, long limit) {
        Table table = plan.table();
        return translating(table, () -> {
            if (!returning) {
                SqlStatement update = renderer.updateWhere(plan, false);
                return new Written(List.of(), jdbc.update(update.sql(), update.parameters().toArray()));
            }
            if (dialect.updateReturning().returnsRows()) {
                List<Map<String, Object>> rows = queryAtMost(renderer.updateWhere(plan, true), limit);
                return new Written(rows, rows.size());
            }
            List<Map<String, Object>> locked = queryAtMost(renderer.selectForUpdate(table, plan.condition()), limit);
            if (limit > 0 && locked.size() >= limit) {
                return new Written(locked, locked.size()); // more than the caller allows: nothing is written
            }
            SqlStatement update = renderer.updateWhere(plan, false);
            int count = jdbc.update(update.sql(), update.parameters().toArray());
            List<List<Object>> keys = new ArrayList<>(locked.size());
            for (Map<String, Object> row : locked) {
                keys.add(keyAfter(table, row, plan.values()));
            }
            return new Written(byKeys(table, keys), count);
        });
    }

    /**
     * A bulk DELETE, one statement. With {@code returning}, the deleted rows as they were, read up to {@code limit}:
     * from the DELETE itself where the dialect can, else selected and locked before it. Run it in a transaction.
     * A limit of 0 is none.
     */
    public Written deleteWhere(DeleteWherePlan plan, boolean returning, long limit) {
        Table table = plan.table();
        return translating(table, () -> {
            if (!returning) {
                SqlStatement delete = renderer.deleteWhere(plan, false);
                return new Written(List.of(), jdbc.update(delete.sql(), delete.parameters().toArray()));
            }
            if (dialect.deleteReturning().returnsRows()) {
                List<Map<String, Object>> rows = queryAtMost(renderer.deleteWhere(plan, true), limit);
                return new Written(rows, rows.size());
            }
            List<Map<String, Object>> locked = queryAtMost(renderer.selectForUpdate(table, plan.condition()), limit);
            if (limit > 0 && locked.size() >= limit) {
                return new Written(locked, locked.size()); // more than the caller allows: nothing is deleted
            }
            SqlStatement delete = renderer.deleteWhere(plan, false);
            return new Written(locked, jdbc.update(delete.sql(), delete.parameters().toArray()));
        });
    }

    /** Whole rows by key, in statements of at most {@link SqlRenderer#MAX_KEYS_PER_STATEMENT} keys. */
    private List<Map<String, Object>> byKeys(Table table, List<List<Object>> keys) {
        List<Map<String, Object>> rows = new ArrayList<>(keys.size());
        for (int from = 0; from < keys.size(); from += SqlRenderer.MAX_KEYS_PER_STATEMENT) {
            rows.addAll(query(renderer.selectByKeys(table, keys.subList(from, Math.min(keys.size(),
                    from + SqlRenderer.MAX_KEYS_PER_STATEMENT)))));
        }
        return rows;
    }

    /** A row's key after an update that may set key columns. */
    private static List<Object> keyAfter(Table table, Map<String, Object> row, Map<Column, Object> values) {
        List<Object> key = new ArrayList<>(table.primaryKey().size());
        for (Column keyColumn : table.primaryKeyColumns()) {
            Object value = values.get(keyColumn);
            key.add(value != null && !(value instanceof io.sentro.spring.plan.RawValue)
                    && !(value instanceof io.sentro.spring.plan.Increment) ? value : row.get(keyColumn.name()));
        }
        return key;
    }

    /** What an upsert did to its row. */
    public enum UpsertOutcome {
        CREATED, UPDATED, IGNORED;

        /** As the response names it: {@code created}, {@code updated}, {@code ignored}. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** An upserted row as stored (the existing row, when it was left as it was), and what the upsert did. */
    public record Upserted(Map<String, @Nullable Object> row, UpsertOutcome outcome) {
    }

    /**
     * One upsert statement ({@link SqlDialect#upsert}). Run it in a transaction. Where the dialect reports the outcome
     * in the statement's rows, that is all; where it reports an update count (MySQL, MariaDB), the key is first read
     * with a lock (which in InnoDB also locks the gap where a missing key would go, so no other writer inserts it in
     * between), since MySQL's count cannot tell an insert from an update that changed nothing. A row left as it was
     * is read back by its key.
     */
    public Upserted upsert(UpsertPlan plan) {
        Table table = plan.table();
        Condition byKey = keyCondition(plan.key());
        return translating(table, () -> {
            SqlStatement statement = renderer.upsert(plan);
            UpsertStatement.Outcome reporting = dialect.upsertOutcome();
            if (reporting == UpsertStatement.Outcome.UPDATE_COUNT) {
                boolean existed = !queryAtMost(renderer.selectForUpdate(table, byKey), 1).isEmpty();
                int count = jdbc.update(statement.sql(), statement.parameters().toArray());
                if (!existed && count > 1) {
                    // ON DUPLICATE KEY fired on another unique key than the one named.
                    throw new SentroException(ErrorCode.UNIQUE_VIOLATION, DatabaseErrorMessages.describe(
                            ErrorCode.UNIQUE_VIOLATION, table), null);
                }
                Map<String, Object> row = first(query(renderer.selectForUpdate(table, byKey))).orElseThrow();
                return new Upserted(row, !existed ? UpsertOutcome.CREATED
                        : plan.merge() && !plan.updates().isEmpty() ? UpsertOutcome.UPDATED : UpsertOutcome.IGNORED);
            }
            List<Column> columns = table.columns();
            ValueReader[] readers = readers(columns);
            String[] names = names(columns, 0, columns.size());
            boolean actionFirst = reporting == UpsertStatement.Outcome.ACTION_COLUMN;
            List<Upserted> written = new ArrayList<>(1);
            jdbc.query(statement.sql(), new ArgumentPreparedStatementSetter(statement.parameters().toArray()),
                    (ResultSet resultSet) -> {
                        boolean inserted = actionFirst ? "INSERT".equalsIgnoreCase(resultSet.getString(1))
                                : resultSet.getBoolean(names.length + 1);
                        written.add(new Upserted(row(resultSet, readers, names, actionFirst ? 1 : 0),
                                inserted ? UpsertOutcome.CREATED : UpsertOutcome.UPDATED));
                    });
            if (!written.isEmpty()) {
                return written.get(0);
            }
            Map<String, Object> existing = first(query(renderer.selectForUpdate(table, byKey))).orElseThrow();
            return new Upserted(existing, UpsertOutcome.IGNORED);
        });
    }

    /** The whole row with these key values (a unique key), locked: what an upsert with hooks looks up first. */
    public Optional<Map<String, @Nullable Object>> lockWhere(Table table, Key key) {
        return translating(table, () -> first(queryAtMost(renderer.selectForUpdate(table, keyCondition(key)), 1)));
    }

    private static Condition keyCondition(Key key) {
        List<io.sentro.spring.plan.Filter> filters = new ArrayList<>(key.columns().size());
        for (int i = 0; i < key.columns().size(); i++) {
            filters.add(new io.sentro.spring.plan.Filter(key.columns().get(i), io.sentro.spring.query.Operator.EQ,
                    key.values().get(i)));
        }
        return Condition.allOf(filters);
    }

    /** A related row, and the values that name its parent row. */
    public record RelatedRow(List<Object> parentKey, Map<String, @Nullable Object> row) {
    }

    /**
     * The related rows of an embedded relation for some parent rows, in one statement; see
     * {@link SqlRenderer#related}.
     */
    public List<RelatedRow> related(EmbedPlan plan, List<List<Object>> parentKeys) {
        return translating(plan.target(), () -> {
            SqlStatement statement = renderer.related(plan, parentKeys);
            int keyCount = plan.keyColumns().size();
            List<Column> columns = statement.resultColumns();
            ValueReader[] readers = readers(columns);
            String[] names = new String[columns.size() - keyCount];
            for (int i = 0; i < names.length; i++) {
                names[i] = columns.get(keyCount + i).name();
            }
            List<RelatedRow> rows = new ArrayList<>();
            jdbc.query(statement.sql(), new ArgumentPreparedStatementSetter(statement.parameters().toArray()),
                    (ResultSet resultSet) -> {
                        Object[] key = new Object[keyCount];
                        for (int i = 0; i < keyCount; i++) {
                            key[i] = readers[i].read(resultSet, i + 1);
                        }
                        Object[] values = new Object[names.length];
                        for (int i = 0; i < values.length; i++) {
                            values[i] = readers[keyCount + i].read(resultSet, keyCount + i + 1);
                        }
                        rows.add(new RelatedRow(Arrays.asList(key), new ResultRow(names, values)));
                    });
            return rows;
        });
    }

    /** Rows matching a condition, unpaged (the {@code db} helper). */
    public List<Map<String, @Nullable Object>> selectWhere(Table table, io.sentro.spring.plan.Condition condition) {
        return translating(table, () -> query(renderer.selectWhere(table, condition)));
    }

    /** Updates the rows matching a condition (the {@code db} helper); returns how many. */
    public int updateWhere(Table table, Map<Column, @Nullable Object> values, io.sentro.spring.plan.Condition condition) {
        return translating(table, () -> {
            SqlStatement update = renderer.updateWhere(table, values, condition);
            return jdbc.update(update.sql(), update.parameters().toArray());
        });
    }

    /** Deletes the rows matching a condition (the {@code db} helper); returns how many. */
    public int deleteWhere(Table table, io.sentro.spring.plan.Condition condition) {
        return translating(table, () -> {
            SqlStatement delete = renderer.deleteWhere(table, condition);
            return jdbc.update(delete.sql(), delete.parameters().toArray());
        });
    }

    /** Inserts one row and returns it as stored (the {@code db} helper). */
    public Map<String, @Nullable Object> insertOne(Table table, Map<Column, @Nullable Object> row) {
        return translating(table, () -> insert(table, row));
    }

    private Map<String, Object> insert(Table table, Map<Column, Object> row) {
        SqlStatement insert = renderer.insert(table, row);
        if (dialect.insertReturning().returnsRows()) {
            return first(query(insert)).orElseThrow(() -> new IllegalStateException("INSERT returned no row"));
        }
        KeyHolder generated = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement statement = connection.prepareStatement(insert.sql(), Statement.RETURN_GENERATED_KEYS);
            new ArgumentPreparedStatementSetter(insert.parameters().toArray()).setValues(statement);
            return statement;
        }, generated);
        if (!table.hasPrimaryKey()) {
            Map<String, Object> written = new LinkedHashMap<>();
            row.forEach((column, value) -> written.put(column.name(), value));
            return written;
        }
        List<Column> keyColumns = table.primaryKeyColumns();
        List<Object> keyValues = new ArrayList<>(keyColumns.size());
        for (Column keyColumn : keyColumns) {
            keyValues.add(row.containsKey(keyColumn) ? row.get(keyColumn) : generatedKey(generated, keyColumn));
        }
        return first(query(renderer.selectByKey(table, table.columns(), new Key(keyColumns, keyValues))))
                .orElseThrow(() -> new IllegalStateException("Inserted row not found by its key"));
    }

    private static Object generatedKey(KeyHolder generated, Column keyColumn) {
        Number key = generated.getKey();
        if (key == null) {
            throw new IllegalStateException("No generated key for column " + keyColumn.name());
        }
        return keyColumn.kind().isIntegral() ? (Object) key.longValue() : key;
    }

    /** The key of the row after an update: a new value for a key column moves the row. */
    private static Key keyAfter(UpdatePlan plan) {
        List<Object> values = new ArrayList<>(plan.key().values());
        for (int i = 0; i < plan.key().columns().size(); i++) {
            Column keyColumn = plan.key().columns().get(i);
            if (plan.values().containsKey(keyColumn) && plan.values().get(keyColumn) != null) {
                values.set(i, plan.values().get(keyColumn));
            }
        }
        return new Key(plan.key().columns(), values);
    }

    private List<Map<String, Object>> query(SqlStatement statement) {
        return query(statement, null, null);
    }

    /**
     * The rows of a statement, read column by column with the readers chosen at start-up. With {@code total}, each
     * row carries one more column, the total of {@link SqlRenderer#selectWithTotal}, which is stored there. With a
     * page whose many-to-one relations are joined, each row's joined columns become the related row (or null, when
     * the join found none), put under the relation's name.
     */
    private List<Map<String, Object>> query(SqlStatement statement, long @Nullable [] total,
            @Nullable ReadPlan plan) {
        List<Column> columns = statement.resultColumns();
        ValueReader[] readers = readers(columns);
        List<EmbedPlan> joined = plan == null ? List.of() : plan.joined();
        int main = joined.isEmpty() ? columns.size() : plan.projection().size();
        String[] names = names(columns, 0, main);
        int[] keyCounts = new int[joined.size()];
        String[][] joinedNames = new String[joined.size()][];
        int position = main;
        for (int j = 0; j < joined.size(); j++) {
            keyCounts[j] = joined.get(j).keyColumns().size();
            joinedNames[j] = names(columns, position + keyCounts[j], joined.get(j).projection().size());
            position += keyCounts[j] + joinedNames[j].length;
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        jdbc.query(statement.sql(), new ArgumentPreparedStatementSetter(statement.parameters().toArray()),
                (ResultSet resultSet) -> {
                    Object[] values = new Object[main];
                    for (int i = 0; i < main; i++) {
                        values[i] = readers[i].read(resultSet, i + 1);
                    }
                    ResultRow row = new ResultRow(names, values);
                    int column = main;
                    for (int j = 0; j < keyCounts.length; j++) {
                        boolean found = false;
                        for (int k = 0; k < keyCounts[j]; k++, column++) {
                            found |= readers[column].read(resultSet, column + 1) != null;
                        }
                        Object[] related = new Object[joinedNames[j].length];
                        for (int i = 0; i < related.length; i++, column++) {
                            related[i] = found ? readers[column].read(resultSet, column + 1) : null;
                        }
                        row.put(joined.get(j).relation().name(), found ? new ResultRow(joinedNames[j], related) : null);
                    }
                    if (total != null) {
                        total[0] = resultSet.getLong(columns.size() + 1);
                    }
                    rows.add(row);
                });
        return rows;
    }

    /**
     * The rows of a statement, at most {@code limit} of them: the driver is told so ({@code setMaxRows}), so that a
     * write that returns a million rows when a thousand are allowed does not fill the heap before it is refused.
     * A limit of 0 is none.
     */
    private List<Map<String, Object>> queryAtMost(SqlStatement statement, long limit) {
        List<Column> columns = statement.resultColumns();
        ValueReader[] readers = readers(columns);
        String[] names = names(columns, 0, columns.size());
        List<Map<String, Object>> rows = new ArrayList<>();
        jdbc.query(connection -> {
            PreparedStatement prepared = connection.prepareStatement(statement.sql());
            new ArgumentPreparedStatementSetter(statement.parameters().toArray()).setValues(prepared);
            if (limit > 0) {
                prepared.setMaxRows((int) Math.min(limit, Integer.MAX_VALUE));
            }
            return prepared;
        }, (ResultSet resultSet) -> {
            rows.add(row(resultSet, readers, names, 0)); // a block: a RowCallbackHandler, called for every row
        });
        return rows;
    }

    /** The current row of a result, its columns from {@code offset + 1} on read with {@code readers}. */
    private static ResultRow row(ResultSet resultSet, ValueReader[] readers, String[] names, int offset)
            throws SQLException {
        Object[] values = new Object[names.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = readers[i].read(resultSet, offset + i + 1);
        }
        return new ResultRow(names, values);
    }

    private static String[] names(List<Column> columns, int from, int count) {
        String[] names = new String[count];
        for (int i = 0; i < count; i++) {
            names[i] = columns.get(from + i).name();
        }
        return names;
    }

    private ValueReader[] readers(List<Column> columns) {
        ValueReader[] readers = new ValueReader[columns.size()];
        for (int i = 0; i < readers.length; i++) {
            ValueReader reader = this.readers.get(columns.get(i));
            readers[i] = reader != null ? reader : dialect.reader(columns.get(i).type());
        }
        return readers;
    }

    private long count(SqlStatement statement) {
        Long count = jdbc.queryForObject(statement.sql(), Long.class, statement.parameters().toArray());
        return count == null ? 0 : count;
    }

    private static <T> Optional<T> first(List<T> rows) {
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /**
     * Runs work in a transaction (joining one already open), translating database failures, including those at
     * begin and commit, into problems: unreachable database 503, constraint violations 409/400.
     */
    public <T> T inTransaction(Table table, Supplier<T> work) {
        return translating(table, () -> transactions.execute(status -> work.get()));
    }

    private <T> T translating(Table table, Supplier<T> work) {
        Observation observation = Observation.createNotStarted("sentro.sql", observations)
                .contextualName("sentro sql " + table.name()).lowCardinalityKeyValue("table", table.name())
                .lowCardinalityKeyValue("db.system", dialect.name());
        try {
            return observation.observe(work::get);
        }
        catch (DataAccessException ex) {
            throw translate(table, ex);
        }
        catch (TransactionException ex) {
            throw new SentroException(ErrorCode.DATABASE_UNAVAILABLE, "The database is unavailable; try again later",
                    null, ex);
        }
    }

    private RuntimeException translate(Table table, DataAccessException ex) {
        SQLException sql = sqlException(ex);
        ErrorCode code = sql == null ? null : dialect.classify(sql).orElse(null);
        if (code == null && ex instanceof DataAccessResourceFailureException) {
            code = ErrorCode.DATABASE_UNAVAILABLE;
        }
        if (code == null) {
            return ex;
        }
        String constraint = sql == null ? null : dialect.violatedConstraint(sql).orElse(null);
        return DatabaseErrorMessages.problem(code, table, constraint,
                constraint != null && dialect.isPrimaryKeyConstraint(constraint), model, ex);
    }

    private static @Nullable SQLException sqlException(Throwable ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }
}
