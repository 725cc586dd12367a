package io.sentro.spring.execute;

import static io.sentro.spring.execute.StatementRunner.first;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import io.sentro.spring.dialect.SqlDialect;
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
import io.sentro.spring.schema.Column;
import io.sentro.spring.schema.SchemaModel;
import io.sentro.spring.schema.Table;
import io.sentro.spring.sql.SqlRenderer;

import org.jspecify.annotations.Nullable;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs plans against the database: what the rest of Sentro calls. Each call is observed ({@code sentro.sql}) and its
 * database failures translated ({@link DatabaseErrors}); the work itself is done by the package's classes: pages and
 * their totals ({@link PagedReads}), exports ({@link RowStream}), writes that return their rows ({@link RowWriter}),
 * upserts ({@link Upserts}), single statements ({@link StatementRunner}). Reads run without a transaction. A write
 * of one row is one statement in auto-commit (two where the dialect selects the written row again); a bulk insert
 * runs in one transaction, so a failing row leaves nothing written. Statements join the caller's transaction when
 * there is one (hooks).
 */
public final class SqlExecutor {

    private final ObservationRegistry observations;
    private final TransactionTemplate readOnlyTransactions;
    private final boolean readsOnReplicas;
    private final TransactionTemplate transactions;
    private final SqlRenderer renderer;
    private final SqlDialect dialect;
    private final DatabaseErrors errors;
    private final StatementRunner statements;
    private final PagedReads pages;
    private final RowStream stream;
    private final RowWriter writer;
    private final Upserts upserts;

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
        this.transactions = transactions;
        this.renderer = renderer;
        this.dialect = renderer.dialect();
        this.errors = new DatabaseErrors(dialect, model);
        ResultMapping mapping = new ResultMapping(dialect, model);
        this.statements = new StatementRunner(jdbc, mapping);
        this.pages = new PagedReads(renderer, statements, new RowEstimates(jdbc, estimateMaxAge, System::nanoTime),
                exactCountThreshold);
        this.stream = new RowStream(jdbc, renderer, mapping);
        this.writer = new RowWriter(renderer, statements);
        this.upserts = new Upserts(renderer, statements, mapping);
    }

    /** A page of rows, and its total as the plan asks ({@link PagedReads}). */
    public RowPage read(ReadPlan plan) {
        return translating(plan.table(), () -> pages.read(plan));
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
        try {
            return readOnlyTransactions.execute(status -> read.get());
        }
        catch (TransactionException ex) {
            throw DatabaseErrors.unavailable(ex);
        }
    }

    /**
     * Runs work that only reads in a read-only transaction, with or without replicas: on a replica when there are
     * any, and refused by the database if it tries to write. For actions declared read-only.
     */
    public <T> T inReadOnlyTransaction(Table table, Supplier<T> work) {
        return translating(table, () -> readOnlyTransactions.execute(status -> work.get()));
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
        return translating(plan.table(), () -> stream.stream(plan, batchSize, batches));
    }

    /** A related row, and the values that name its parent row. */
    public record RelatedRow(List<Object> parentKey, Map<String, @Nullable Object> row) {
    }

    /**
     * The related rows of an embedded relation for some parent rows, in one statement; see
     * {@link SqlRenderer#related}.
     */
    public List<RelatedRow> related(EmbedPlan plan, List<List<Object>> parentKeys) {
        return translating(plan.target(), () -> statements.related(renderer.related(plan, parentKeys),
                plan.keyColumns().size()));
    }

    /** Rows matching a condition, unpaged (the {@code db} helper). */
    public List<Map<String, @Nullable Object>> selectWhere(Table table, Condition condition) {
        return translating(table, () -> statements.query(renderer.selectWhere(table, condition)));
    }

    /** Updates the rows matching a condition (the {@code db} helper); returns how many. */
    public int updateWhere(Table table, Map<Column, @Nullable Object> values, Condition condition) {
        return translating(table, () -> statements.update(renderer.updateWhere(table, values, condition)));
    }

    /** Deletes the rows matching a condition (the {@code db} helper); returns how many. */
    public int deleteWhere(Table table, Condition condition) {
        return translating(table, () -> statements.update(renderer.deleteWhere(table, condition)));
    }

    /** Inserts one row and returns it as stored (the {@code db} helper). */
    public Map<String, @Nullable Object> insertOne(Table table, Map<Column, @Nullable Object> row) {
        return translating(table, () -> writer.insert(table, row));
    }

    /** A page of groups and their aggregates, counted when asked; see {@link PagedReads#aggregate}. */
    public RowPage aggregate(AggregatePlan plan) {
        return translating(plan.table(), () -> pages.aggregate(plan));
    }

    public Optional<Map<String, @Nullable Object>> get(GetPlan plan) {
        return translating(plan.table(), () -> first(statements.query(renderer.selectByKey(plan.table(),
                plan.projection(), plan.key(), plan.scope()))));
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
                created.add(writer.insert(plan.table(), plan.rows().get(0)));
                return created;
            });
        }
        return inTransaction(plan.table(), () -> writer.insertAll(plan.table(), plan.rows()));
    }

    /**
     * Updates one row; empty when no row has the key. Where the dialect has no RETURNING for UPDATE, the row is
     * selected again after it; outside a caller's transaction that select sees the row as committed.
     */
    public Optional<Map<String, @Nullable Object>> update(UpdatePlan plan) {
        return translating(plan.table(), () -> writer.update(plan));
    }

    /** Deletes one row, one statement; false when no row has the key. */
    public boolean delete(DeletePlan plan) {
        return translating(plan.table(), () -> statements.update(renderer.delete(plan.table(), plan.key(),
                plan.scope())) > 0);
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
        return translating(table, () -> statements.queryAtMost(renderer.selectForUpdate(table, condition), limit));
    }

    /** Every row the condition selects, locked until the transaction ends (run it in one). */
    public List<Map<String, @Nullable Object>> selectForUpdate(Table table, Condition condition) {
        return translating(table, () -> statements.queryAtMost(renderer.selectForUpdate(table, condition), 0));
    }

    /** One whole row by key within {@code scope}, locked until the transaction ends (run it in one); empty if none. */
    public Optional<Map<String, @Nullable Object>> lockByKey(Table table, Key key, Condition scope) {
        return translating(table, () -> first(statements.queryAtMost(renderer.selectForUpdate(table,
                WrittenKeys.keyCondition(key).and(scope)), 1)));
    }

    /**
     * A bulk UPDATE, one statement. With {@code returning}, the updated rows as stored, read up to {@code limit}:
     * where the dialect returns them from the UPDATE itself that is still one statement; elsewhere (MySQL) the rows'
     * keys are selected and locked first and the rows selected again after. Run it in a transaction: a caller that
     * finds more rows than it allows rolls it back. A limit of 0 is none.
     */
    public Written updateWhere(UpdateWherePlan plan, boolean returning, long limit) {
        return translating(plan.table(), () -> writer.updateWhere(plan, returning, limit));
    }

    /**
     * A bulk DELETE, one statement. With {@code returning}, the deleted rows as they were, read up to {@code limit}:
     * from the DELETE itself where the dialect can, else selected and locked before it. Run it in a transaction.
     * A limit of 0 is none.
     */
    public Written deleteWhere(DeleteWherePlan plan, boolean returning, long limit) {
        return translating(plan.table(), () -> writer.deleteWhere(plan, returning, limit));
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
     * One upsert statement ({@link SqlDialect#upsert}), and what it did; where the dialect reports only an update
     * count (MySQL, MariaDB), the key is read with a lock first ({@link Upserts}). Run it in a transaction.
     */
    public Upserted upsert(UpsertPlan plan) {
        return translating(plan.table(), () -> upserts.upsert(plan));
    }

    /** The whole row with these key values (a unique key), locked: what an upsert with hooks looks up first. */
    public Optional<Map<String, @Nullable Object>> lockWhere(Table table, Key key) {
        return translating(table, () -> first(statements.queryAtMost(renderer.selectForUpdate(table,
                WrittenKeys.keyCondition(key)), 1)));
    }

    /**
     * Runs work in a transaction (joining one already open), translating database failures, including those at
     * begin and commit, into problems: unreachable database 503, constraint violations 409/400.
     */
    public <T> T inTransaction(Table table, Supplier<T> work) {
        return translating(table, () -> transactions.execute(status -> work.get()));
    }

    /** Runs one call's database work observed ({@code sentro.sql}), its failures translated. */
    private <T> T translating(Table table, Supplier<T> work) {
        Observation observation = Observation.createNotStarted("sentro.sql", observations)
                .contextualName("sentro sql " + table.name()).lowCardinalityKeyValue("table", table.name())
                .lowCardinalityKeyValue("db.system", dialect.name());
        return errors.translating(table, () -> observation.observe(work::get));
    }
}
