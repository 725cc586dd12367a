package io.sentro.spring.execute;

import java.io.Closeable;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.LongSupplier;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;
import org.springframework.jdbc.datasource.lookup.AbstractRoutingDataSource;

/**
 * Read replicas ({@code sentro.read-replicas}) behind the primary, with Spring's own routing: a
 * {@link LazyConnectionDataSourceProxy} over the primary whose read-only connections come from the replicas. A
 * connection asked for inside a read-only transaction (the GET operations run in one) goes to a replica; every other
 * (writes, their hooks, and any read inside a write's transaction) to the primary.
 * <p>
 * The replicas are taken in turn, as an {@link AbstractRoutingDataSource}. One that refuses a connection is skipped
 * for {@code retryAfter}, and when none answers, the read goes to the primary: a replica that fails costs its reads
 * latency, not errors.
 */
public final class ReadReplicas implements Closeable {

    private static final Log logger = LogFactory.getLog(ReadReplicas.class);

    private final List<DataSource> replicas;
    private final LazyConnectionDataSourceProxy routing;
    private final Router router;

    /**
     * @param primary the application's DataSource
     * @param replicas one pool per replica (closed with this, when they are {@link Closeable})
     * @param retryAfter how long a replica that refused a connection is left out
     */
    public ReadReplicas(DataSource primary, List<DataSource> replicas, Duration retryAfter) {
        this(primary, replicas, retryAfter, System::nanoTime);
    }

    ReadReplicas(DataSource primary, List<DataSource> replicas, Duration retryAfter, LongSupplier clock) {
        if (replicas.isEmpty()) {
            throw new IllegalArgumentException("No read replica given");
        }
        this.replicas = List.copyOf(replicas);
        this.router = new Router(primary, this.replicas, retryAfter.toNanos(), clock);
        this.routing = new LazyConnectionDataSourceProxy(primary);
        this.routing.setReadOnlyDataSource(router);
    }

    /** The DataSource Sentro runs on: the primary, with read-only connections from the replicas. */
    public DataSource dataSource() {
        return routing;
    }

    /** How many replicas are configured, and how many are left out for now after refusing a connection. */
    public Map<String, Object> state() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("replicas", replicas.size());
        state.put("skipped", router.skipped());
        return state;
    }

    /** The replicas' pools, for their health. */
    public List<DataSource> replicas() {
        return replicas;
    }

    @Override
    public void close() {
        for (DataSource replica : replicas) {
            if (replica instanceof Closeable closeable) {
                try {
                    closeable.close();
                }
                catch (java.io.IOException ex) {
                    logger.warn("Could not close a read replica's pool: " + ex.getMessage());
                }
            }
        }
    }

    /** Round robin over the replicas that answer; the primary when none does. */
    private static final class Router extends AbstractRoutingDataSource {

        private final DataSource primary;
        private final List<DataSource> replicas;
        private final long retryAfterNanos;
        private final LongSupplier clock;
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicLongArray skippedUntil;

        Router(DataSource primary, List<DataSource> replicas, long retryAfterNanos, LongSupplier clock) {
            this.primary = primary;
            this.replicas = replicas;
            this.retryAfterNanos = retryAfterNanos;
            this.clock = clock;
            this.skippedUntil = new AtomicLongArray(replicas.size());
            Map<Object, Object> targets = new LinkedHashMap<>();
            for (int i = 0; i < replicas.size(); i++) {
                targets.put(i, replicas.get(i));
            }
            setTargetDataSources(targets);
            setDefaultTargetDataSource(primary);
            setLenientFallback(false);
            afterPropertiesSet();
        }

        /** The replica whose turn it is (the primary's key, null, when every replica is left out). */
        @Override
        protected Object determineCurrentLookupKey() {
            long now = clock.getAsLong();
            int start = Math.floorMod(next.getAndIncrement(), replicas.size());
            for (int i = 0; i < replicas.size(); i++) {
                int candidate = (start + i) % replicas.size();
                if (skippedUntil.get(candidate) - now <= 0) {
                    return candidate;
                }
            }
            return null;
        }

        @Override
        public Connection getConnection() throws SQLException {
            for (int attempt = 0; attempt < replicas.size(); attempt++) {
                Object key = determineCurrentLookupKey();
                if (key == null) {
                    break;
                }
                int index = (Integer) key;
                try {
                    return replicas.get(index).getConnection();
                }
                catch (SQLException ex) {
                    skippedUntil.set(index, clock.getAsLong() + retryAfterNanos);
                    logger.warn("Read replica " + (index + 1) + " refused a connection (" + ex.getMessage() + "); "
                            + "its reads go elsewhere for " + Duration.ofNanos(retryAfterNanos).toSeconds() + " s");
                }
            }
            return primary.getConnection();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return getConnection();
        }

        int skipped() {
            long now = clock.getAsLong();
            int count = 0;
            for (int i = 0; i < replicas.size(); i++) {
                if (skippedUntil.get(i) - now > 0) {
                    count++;
                }
            }
            return count;
        }
    }
}
