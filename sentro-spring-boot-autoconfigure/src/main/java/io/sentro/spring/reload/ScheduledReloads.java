package io.sentro.spring.reload;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.springframework.context.SmartLifecycle;

/**
 * Reloads the schema every {@code sentro.schema.reload-interval}, for databases that cannot notify (or migrations
 * that do not). A reload that finds the schema unchanged swaps nothing, so this costs one read of the catalog.
 */
public final class ScheduledReloads implements SmartLifecycle {

    private final ApiGenerations generations;
    private final Duration interval;
    private volatile @Nullable ScheduledExecutorService scheduler;

    public ScheduledReloads(ApiGenerations generations, Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalStateException("sentro.schema.reload-interval must be positive, got " + interval);
        }
        this.generations = generations;
        this.interval = interval;
    }

    @Override
    public void start() {
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "sentro-schema-schedule");
            thread.setDaemon(true);
            return thread;
        });
        long millis = interval.toMillis();
        started.scheduleWithFixedDelay(() -> generations.reload("schedule"), millis, millis, TimeUnit.MILLISECONDS);
        scheduler = started;
    }

    @Override
    public void stop() {
        ScheduledExecutorService started = scheduler;
        if (started != null) {
            started.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}
