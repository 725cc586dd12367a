package io.sentro.spring.reload;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;

import io.sentro.spring.introspect.SchemaSource;
import io.sentro.spring.schema.SchemaModel;
import io.sentro.spring.schema.Table;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;

/**
 * The generation Sentro serves now, and its replacement by a reload. A reload reads the schema again and, when it
 * changed, builds a whole new generation (model, customizer pipelines, access policy, routes, documents) before
 * anything is swapped: a reload that fails, whether reading the schema or building on it (a customizer that does
 * not fit the new tables, a rule naming a dropped column), keeps the current generation and says why. The swap is
 * one volatile write, so a request sees either generation whole, never half of each; requests already running finish
 * on the generation they started on.
 * <p>
 * Reloads run one at a time; a reload asked for while one runs waits for it, then reads the schema again.
 */
public final class ApiGenerations implements AutoCloseable {

    private static final Log log = LogFactory.getLog(ApiGenerations.class);

    /** Builds a generation from a model: it throws when the model cannot be served as configured. */
    @FunctionalInterface
    public interface Factory {
        ApiGeneration build(SchemaModel model, long number);
    }

    /**
     * What must follow the served generation in step with the swap (the handler mapping's routes): prepared for the
     * next generation before it is served, settled once the swap happened or was abandoned.
     */
    public interface Listener {

        /** Gets ready to serve {@code next} (e.g. registers its new routes) while the current one is still served. */
        void prepare(ApiGeneration next);

        /** Drops what {@code current}, now served, does not use (e.g. routes of dropped tables). */
        void settled(ApiGeneration current);
    }

    private final SchemaSource source;
    private final Factory factory;
    private final ApplicationEventPublisher events;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final ReentrantLock reloading = new ReentrantLock();
    private volatile ApiGeneration current;
    private volatile @Nullable ReloadOutcome lastReload;
    private @Nullable String lastError;

    /** Reads the schema and builds the first generation; it throws, failing start-up, when that cannot be done. */
    public ApiGenerations(SchemaSource source, Factory factory, ApplicationEventPublisher events) {
        this.source = source;
        this.factory = factory;
        this.events = events;
        this.current = factory.build(source.load(), 1);
    }

    /** The generation served now: take it once per request. */
    public ApiGeneration current() {
        return current;
    }

    /** The last reload's outcome, or {@code null} when there was none since start-up. */
    public @Nullable ReloadOutcome lastReload() {
        return lastReload;
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    /**
     * Reads the schema again and serves it if it changed.
     *
     * @param trigger what asked, for the outcome and logs
     */
    public ReloadOutcome reload(String trigger) {
        reloading.lock();
        try {
            return reloadNow(trigger);
        }
        finally {
            reloading.unlock();
        }
    }

    private ReloadOutcome reloadNow(String trigger) {
        Instant at = Instant.now();
        long started = System.nanoTime();
        ApiGeneration previous = current;
        ApiGeneration next = null;
        ReloadOutcome outcome;
        try {
            SchemaModel model = source.load();
            if (model.equals(previous.model())) {
                outcome = new ReloadOutcome(trigger, ReloadOutcome.Status.UNCHANGED, previous.number(),
                        previous.routes().tables(), List.of(), List.of(), null, at, since(started));
                lastReload = outcome;
                lastError = null;
                log.debug("Sentro schema reload (" + trigger + "): unchanged, generation " + previous.number());
                return outcome;
            }
            next = factory.build(model, previous.number() + 1);
            for (Listener listener : listeners) {
                listener.prepare(next);
            }
        }
        catch (RuntimeException ex) {
            settle(previous);
            if (next != null) {
                next.retire();
            }
            outcome = new ReloadOutcome(trigger, ReloadOutcome.Status.FAILED, previous.number(),
                    previous.routes().tables(), List.of(), List.of(), describe(ex), at, since(started));
            lastReload = outcome;
            logFailure(outcome, ex);
            return outcome;
        }
        current = next;
        settle(next);
        outcome = new ReloadOutcome(trigger, ReloadOutcome.Status.RELOADED, next.number(), next.routes().tables(),
                names(next.model(), previous.model()), names(previous.model(), next.model()), null, at,
                since(started));
        lastReload = outcome;
        lastError = null;
        if (log.isInfoEnabled()) {
            log.info("Sentro schema reload (" + trigger + "): generation " + next.number() + " serves "
                    + next.routes().tables() + " tables" + (outcome.added().isEmpty() ? "" : ", added " + outcome.added())
                    + (outcome.removed().isEmpty() ? "" : ", removed " + outcome.removed()) + " ("
                    + outcome.took().toMillis() + " ms)");
        }
        try {
            events.publishEvent(new SchemaReloadedEvent(this, next, outcome));
        }
        catch (RuntimeException ex) {
            log.warn("A listener of Sentro's schema reload failed; generation " + next.number() + " is served", ex);
        }
        // Requests still running on the previous generation hold its objects; closing releases only its context.
        previous.retire();
        return outcome;
    }

    private void settle(ApiGeneration served) {
        for (Listener listener : listeners) {
            try {
                listener.settled(served);
            }
            catch (RuntimeException ex) {
                log.warn("Settling Sentro's routes on generation " + served.number() + " failed", ex);
            }
        }
    }

    /** A failure is logged with its stack trace once; the same failure again (a schedule retrying) in one line. */
    private void logFailure(ReloadOutcome outcome, RuntimeException ex) {
        String message = "Sentro schema reload (" + outcome.trigger() + ") failed; generation " + outcome.generation()
                + " is still served: " + outcome.error();
        if (Objects.equals(outcome.error(), lastError)) {
            log.warn(message);
        }
        else {
            log.error(message, ex);
        }
        lastError = outcome.error();
    }

    private static String describe(Throwable ex) {
        // The innermost message names the customizer or rule at fault; Spring's wrappers only add bean names.
        Throwable cause = ex;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static List<String> names(SchemaModel model, SchemaModel without) {
        List<String> names = new ArrayList<>();
        for (Table table : model.tables()) {
            if (without.table(table.name()).isEmpty()) {
                names.add(table.name());
            }
        }
        return names;
    }

    private static Duration since(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** Retires the served generation when the application stops. */
    @Override
    public void close() {
        current.retire();
    }
}
