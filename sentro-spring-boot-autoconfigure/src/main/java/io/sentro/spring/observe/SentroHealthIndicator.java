package io.sentro.spring.observe;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import javax.sql.DataSource;

import io.sentro.spring.dialect.SqlDialect;
import io.sentro.spring.events.Outbox;
import io.sentro.spring.reload.ApiGeneration;
import io.sentro.spring.reload.ApiGenerations;
import io.sentro.spring.reload.ReloadOutcome;
import io.sentro.spring.web.Outages;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The {@code sentro} health contributor: the schema the API serves (dialect, number of tables, generation, the last
 * reload's outcome) and whether the
 * database answers, through the application's pool, within {@code timeout}: a connection is borrowed and validated
 * ({@link Connection#isValid}). DOWN when it does not answer in time or the pool hands out no connection, so that a
 * platform's readiness probe takes the instance out while the database is away.
 */
public final class SentroHealthIndicator implements HealthIndicator {

    private final ApiGenerations generations;
    private final SqlDialect dialect;
    private final DataSource dataSource;
    private final Outages outages;
    private final Duration timeout;
    private final List<DataSource> replicas;
    private final Supplier<Outbox.@Nullable Counts> outbox;

    /**
     * @param dialect the dialect, named in the details and knowing how to measure a replica's lag
     * @param replicas the read replicas' pools ({@code sentro.read-replicas}), each reported with whether it answers
     * and how far it is behind
     */
    public SentroHealthIndicator(ApiGenerations generations, SqlDialect dialect, DataSource dataSource,
            List<DataSource> replicas, Outages outages, Duration timeout) {
        this(generations, dialect, dataSource, replicas, outages, timeout, () -> null);
    }

    /**
     * @param outbox the transactional outbox's counts (events pending, events dead), or null without an outbox: a
     * dead event leaves the service up, and shows here
     */
    public SentroHealthIndicator(ApiGenerations generations, SqlDialect dialect, DataSource dataSource,
            List<DataSource> replicas, Outages outages, Duration timeout,
            Supplier<Outbox.@Nullable Counts> outbox) {
        this.outbox = outbox;
        this.dialect = dialect;
        this.replicas = List.copyOf(replicas);
        this.generations = generations;
        this.dataSource = dataSource;
        this.outages = outages;
        this.timeout = timeout;
    }

    @Override
    public Health health() {
        ApiGeneration served = generations.current();
        Health.Builder health = new Health.Builder().withDetail("schema", "loaded").withDetail("dialect", dialect.name())
                .withDetail("tables", served.model().tables().size()).withDetail("generation", served.number());
        ReloadOutcome reload = generations.lastReload();
        if (reload != null) {
            // A failed reload leaves the service up, on the model it served before: operators see why here.
            Map<String, Object> last = new LinkedHashMap<>();
            last.put("status", reload.status().name());
            last.put("trigger", reload.trigger());
            last.put("at", reload.at().toString());
            if (reload.error() != null) {
                last.put("error", reload.error());
            }
            health.withDetail("lastReload", last);
        }
        long started = System.nanoTime();
        // Borrowing may wait for the pool's own timeout: the probe waits no longer than its own.
        CompletableFuture<Boolean> check = CompletableFuture.supplyAsync(() -> {
            try (Connection connection = dataSource.getConnection()) {
                return connection.isValid((int) Math.max(1, timeout.toSeconds()));
            }
            catch (SQLException ex) {
                throw new CompletionException(ex);
            }
        });
        try {
            boolean valid = check.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            long millis = (System.nanoTime() - started) / 1_000_000;
            if (!valid) {
                return health.down().withDetail("database", "did not validate a connection").build();
            }
            health.up().withDetail("database", "reachable").withDetail("validationMillis", millis);
            Outbox.Counts counts = outboxCounts();
            if (counts != null) {
                health.withDetail("outbox", Map.of("pending", counts.pending(), "dead", counts.dead()));
            }
            if (!replicas.isEmpty()) {
                // A replica that does not answer leaves the service up: its reads go to the others, or the primary.
                health.withDetail("replicas", replicaStates());
            }
            return health.build();
        }
        catch (TimeoutException ex) {
            check.cancel(true);
            return health.down().withDetail("database", "no answer within " + timeout.toMillis() + " ms").build();
        }
        catch (ExecutionException ex) {
            Throwable cause = ex.getCause() != null && ex.getCause().getCause() != null ? ex.getCause().getCause()
                    : ex.getCause();
            return health.down().withDetail("database", "unreachable: " + (cause == null ? "unknown"
                    : cause.getClass().getSimpleName() + ": " + cause.getMessage()))
                    .withDetail("outage", outages.ongoing()).build();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return health.unknown().build();
        }
    }

    private Outbox.@Nullable Counts outboxCounts() {
        try {
            return outbox.get();
        }
        catch (RuntimeException ex) {
            return null;
        }
    }

    private List<Map<String, Object>> replicaStates() {
        String position = null;
        SqlDialect.ReplicaLag lag = dialect.replicaLag().orElse(null);
        if (lag != null) {
            try (Connection connection = dataSource.getConnection();
                    Statement statement = connection.createStatement();
                    ResultSet result = statement.executeQuery(lag.primaryPosition())) {
                position = result.next() ? result.getString(1) : null;
            }
            catch (SQLException ex) {
                position = null;
            }
        }
        List<Map<String, Object>> states = new ArrayList<>();
        for (int i = 0; i < replicas.size(); i++) {
            Map<String, Object> state = new LinkedHashMap<>();
            state.put("replica", i + 1);
            String primaryPosition = position;
            DataSource replica = replicas.get(i);
            CompletableFuture<Long> check = CompletableFuture.supplyAsync(() -> {
                try (Connection connection = replica.getConnection()) {
                    if (lag == null || primaryPosition == null) {
                        return connection.isValid((int) Math.max(1, timeout.toSeconds())) ? -1L : null;
                    }
                    try (PreparedStatement statement = connection.prepareStatement(lag.replicaBytesBehind())) {
                        statement.setString(1, primaryPosition);
                        try (ResultSet result = statement.executeQuery()) {
                            return result.next() ? Math.max(0, result.getLong(1)) : -1L;
                        }
                    }
                }
                catch (SQLException ex) {
                    throw new CompletionException(ex);
                }
            });
            try {
                Long behind = check.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                state.put("reachable", behind != null);
                if (behind != null && behind >= 0) {
                    state.put("lagBytes", behind);
                }
            }
            catch (TimeoutException | ExecutionException ex) {
                check.cancel(true);
                state.put("reachable", false);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                state.put("reachable", false);
            }
            states.add(state);
        }
        return states;
    }
}
