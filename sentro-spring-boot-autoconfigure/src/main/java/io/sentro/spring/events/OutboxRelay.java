package io.sentro.spring.events;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the outbox's events to the {@link ChangeEventTarget}s, at least once and in order per row. Each round
 * claims a batch in a transaction ({@code SKIP LOCKED}, so several relays, on several instances, never take the same
 * event), delivers it, and marks each event delivered, or failed and due again after a backoff (doubling, at most
 * five minutes). After {@code maxAttempts} failures an event is dead: kept, counted in health, delivered no more. A
 * relay that stops between a delivery and its commit delivers that event again: at least once.
 */
public final class OutboxRelay implements SmartLifecycle {

    private static final Log log = LogFactory.getLog(OutboxRelay.class);

    private static final Duration MAX_DELAY = Duration.ofMinutes(5);

    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final Supplier<List<ChangeEventTarget>> targets;
    private final Duration pollInterval;
    private final int batchSize;
    private final int maxAttempts;
    private final Duration backoff;
    private final Duration retention;
    private volatile boolean running;
    private volatile @Nullable Thread thread;
    private long lastPurge;

    /**
     * @param transactions the transactions of the relay's rounds, on the DataSource of the outbox
     * @param targets where events go, looked up each round (beans may come and go with the context)
     * @param backoff the wait after a first failure, doubled after each next one
     * @param retention how long delivered events are kept
     */
    public OutboxRelay(Outbox outbox, PlatformTransactionManager transactions, Supplier<List<ChangeEventTarget>> targets,
            Duration pollInterval, int batchSize, int maxAttempts, Duration backoff, Duration retention) {
        if (maxAttempts < 1 || batchSize < 1 || pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalStateException("sentro.events.outbox: max-attempts and batch-size must be 1 or more, "
                    + "poll-interval positive");
        }
        this.outbox = outbox;
        this.transactions = new TransactionTemplate(transactions);
        if (outbox.roundsReadCommitted()) {
            this.transactions.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        }
        this.targets = targets;
        this.pollInterval = pollInterval;
        this.batchSize = batchSize;
        this.maxAttempts = maxAttempts;
        this.backoff = backoff;
        this.retention = retention;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        Thread relay = new Thread(this::relay, "sentro-outbox-relay");
        relay.setDaemon(true);
        thread = relay;
        relay.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        Thread relay = thread;
        if (relay != null) {
            relay.interrupt();
            try {
                relay.join(10_000);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
        thread = null;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void relay() {
        while (running) {
            int delivered;
            try {
                delivered = round();
                purgeNowAndThen();
            }
            catch (RuntimeException ex) {
                // The database is away, or the relay lost its connection: the events wait, and it tries again.
                log.warn("Sentro's outbox relay could not claim events (" + ex.getMessage() + "); it tries again");
                delivered = 0;
            }
            if (delivered == 0) {
                try {
                    Thread.sleep(pollInterval.toMillis());
                }
                catch (InterruptedException ex) {
                    return;
                }
            }
        }
    }

    /** One round: claims a batch and delivers it; how many events it delivered or gave up. */
    int round() {
        Integer done = transactions.execute(status -> {
            List<Outbox.Claimed> claimed = outbox.claim(batchSize);
            List<ChangeEventTarget> to = targets.get();
            // A row whose event failed in this batch gets none of its later events: they wait, in order.
            Set<String> held = new HashSet<>();
            List<Long> delivered = new java.util.ArrayList<>(claimed.size());
            int count = 0;
            for (Outbox.Claimed one : claimed) {
                String row = one.event().table() + " " + Outbox.rowKey(one.event());
                if (held.contains(row)) {
                    continue;
                }
                try {
                    for (ChangeEventTarget target : to) {
                        target.deliver(one.event());
                    }
                    delivered.add(one.seq());
                    count++;
                }
                catch (Exception ex) {
                    held.add(row);
                    int attempts = one.attempts() + 1;
                    boolean dead = attempts >= maxAttempts;
                    outbox.failed(one.seq(), attempts, delay(attempts), String.valueOf(ex), dead);
                    if (dead) {
                        log.error("Sentro gave up the change event " + one.event().id() + " (" + one.event().table()
                                + ", " + one.event().operation() + ") after " + attempts + " failed deliveries; it "
                                + "stays in the outbox, dead", ex);
                        count++;
                    }
                    else {
                        log.warn("Delivering the change event " + one.event().id() + " failed (" + ex + "); attempt "
                                + attempts + " of " + maxAttempts);
                    }
                }
            }
            outbox.delivered(delivered);
            return count;
        });
        return done == null ? 0 : done;
    }

    private Duration delay(int attempts) {
        long millis = backoff.toMillis() << Math.min(attempts - 1, 20);
        return millis > MAX_DELAY.toMillis() || millis < 0 ? MAX_DELAY : Duration.ofMillis(millis);
    }

    private void purgeNowAndThen() {
        long now = System.nanoTime();
        if (now - lastPurge > Duration.ofMinutes(10).toNanos() || lastPurge == 0) {
            lastPurge = now;
            int purged = outbox.purge(retention);
            if (purged > 0 && log.isDebugEnabled()) {
                log.debug("Sentro's outbox purged " + purged + " delivered events");
            }
        }
    }
}
