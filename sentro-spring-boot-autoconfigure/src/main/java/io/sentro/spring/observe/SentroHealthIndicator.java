package io.sentro.spring.observe;

import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.sql.DataSource;

import io.sentro.spring.schema.SchemaModel;
import io.sentro.spring.web.Outages;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The {@code sentro} health contributor: the schema the API serves (dialect, number of tables) and whether the
 * database answers, through the application's pool, within {@code timeout}: a connection is borrowed and validated
 * ({@link Connection#isValid}). DOWN when it does not answer in time or the pool hands out no connection, so that a
 * platform's readiness probe takes the instance out while the database is away.
 */
public final class SentroHealthIndicator implements HealthIndicator {

    private final SchemaModel model;
    private final String dialect;
    private final DataSource dataSource;
    private final Outages outages;
    private final Duration timeout;

    public SentroHealthIndicator(SchemaModel model, String dialect, DataSource dataSource, Outages outages,
            Duration timeout) {
        this.model = model;
        this.dialect = dialect;
        this.dataSource = dataSource;
        this.outages = outages;
        this.timeout = timeout;
    }

    @Override
    public Health health() {
        Health.Builder health = new Health.Builder().withDetail("schema", "loaded").withDetail("dialect", dialect)
                .withDetail("tables", model.tables().size());
        long started = System.nanoTime();
        // Borrowing may wait for the pool's own timeout: the probe waits no longer than its own.
        CompletableFuture<Boolean> check = CompletableFuture.supplyAsync(() -> {
            try (Connection connection = dataSource.getConnection()) {
                return connection.isValid((int) Math.max(1, timeout.toSeconds()));
            }
            catch (java.sql.SQLException ex) {
                throw new java.util.concurrent.CompletionException(ex);
            }
        });
        try {
            boolean valid = check.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            long millis = (System.nanoTime() - started) / 1_000_000;
            return valid ? health.up().withDetail("database", "reachable").withDetail("validationMillis", millis)
                    .build() : health.down().withDetail("database", "did not validate a connection").build();
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
}
