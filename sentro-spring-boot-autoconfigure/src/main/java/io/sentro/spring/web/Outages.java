package io.sentro.spring.web;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.sentro.spring.error.SentroException;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * How Sentro goes through a database outage (the database unreachable, or the pool exhausted past its timeout). Every
 * request answers 503 with {@code Retry-After}, and the outage is logged once rather than once per request: the first
 * request that finds the database unavailable logs a WARN (without a stack trace), later ones log at DEBUG, with a
 * reminder WARN every {@code logInterval} while it lasts; the first request that succeeds afterwards logs that it is
 * over, how long it lasted and how many requests failed. Nothing else is needed to recover: the pool opens new
 * connections when the database answers again. Shared by every route.
 */
public final class Outages {

    private static final Log logger = LogFactory.getLog(Outages.class);

    private final long retryAfterSeconds;
    private final long intervalNanos;
    private final AtomicLong startedAt = new AtomicLong();
    private final AtomicLong endedAt = new AtomicLong();
    private final AtomicLong lastWarnedAt = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();

    /** The defaults: {@code Retry-After: 5}, a reminder every minute. */
    public static final Outages DEFAULT = new Outages(Duration.ofSeconds(5), Duration.ofMinutes(1));

    /**
     * @param retryAfter what 503 answers tell clients to wait ({@code sentro.outage.retry-after}), in whole seconds
     * @param logInterval how often a lasting outage is logged again at WARN ({@code sentro.outage.log-interval})
     */
    public Outages(Duration retryAfter, Duration logInterval) {
        if (retryAfter.isNegative() || logInterval.isNegative() || logInterval.isZero()) {
            throw new IllegalArgumentException("sentro.outage.retry-after must be 0 or more, sentro.outage.log-interval "
                    + "more than 0");
        }
        this.retryAfterSeconds = (retryAfter.toMillis() + 999) / 1000;
        this.intervalNanos = logInterval.toNanos();
    }

    /** The value of the {@code Retry-After} header of a 503. */
    String retryAfter() {
        return String.valueOf(retryAfterSeconds);
    }

    /**
     * A request found the database unavailable. One that began before the last outage ended (it waited for a
     * connection through it, and gave up just after) is that outage's last failure, not the start of another.
     */
    void failed(long requestStartedNanos, String description, SentroException problem) {
        long now = System.nanoTime();
        long ended = endedAt.get();
        if (startedAt.get() == 0 && ended != 0 && requestStartedNanos - ended < 0) {
            if (logger.isDebugEnabled()) {
                logger.debug(description + ": database unavailable, for a request begun before it answered again ("
                        + cause(problem) + ")");
            }
            return;
        }
        long count = failures.incrementAndGet();
        if (startedAt.compareAndSet(0, now)) {
            lastWarnedAt.set(now);
            logger.warn("The database is unavailable (" + cause(problem) + "): requests answer 503 with Retry-After "
                    + "until it answers again; further failures are logged at DEBUG. First: " + description);
            return;
        }
        long warned = lastWarnedAt.get();
        if (now - warned >= intervalNanos && lastWarnedAt.compareAndSet(warned, now)) {
            logger.warn("The database is still unavailable after " + Duration.ofNanos(now - startedAt.get())
                    .toSeconds() + " s and " + count + " failed requests (" + cause(problem) + ")");
        }
        else if (logger.isDebugEnabled()) {
            logger.debug(description + ": database unavailable (" + cause(problem) + ")");
        }
    }

    /**
     * A request reached the database: if an outage was under way, it is over, unless that request began before the
     * outage did (it may have had its connection already, or finished just as the database went away).
     */
    void succeeded(long requestStartedNanos) {
        long started = startedAt.get();
        if (started == 0 || requestStartedNanos - started < 0) {
            return;
        }
        if (startedAt.compareAndSet(started, 0)) {
            endedAt.set(System.nanoTime());
            long count = failures.getAndSet(0);
            logger.info("The database answers again, after " + Duration.ofNanos(System.nanoTime() - started)
                    .toMillis() + " ms unavailable and " + count + " failed requests");
        }
    }

    /** Whether an outage is under way: a request found the database unavailable and none has reached it since. */
    public boolean ongoing() {
        return startedAt.get() != 0;
    }

    private static String cause(SentroException problem) {
        Throwable root = problem;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == problem ? problem.detail() : root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
