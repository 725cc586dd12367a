package io.sentro.spring.pipeline;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

import io.sentro.spring.customize.Committed;
import io.sentro.spring.customize.CommittedHook;
import io.sentro.spring.customize.HookContext;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryListener;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.core.retry.Retryable;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs {@link CommittedHook}s: after the write's transaction commits (a {@link TransactionSynchronization}; nothing
 * runs when it rolls back), on the executor, each hook retried with backoff by Spring's {@link RetryTemplate}. A hook
 * that still fails is logged at ERROR with the rows' table and operation; the write stays committed.
 */
public final class CommittedHooks {

    private static final Log log = LogFactory.getLog(CommittedHooks.class);

    /** No executor: hooks run on the committing thread (tests, or an application that wants that). */
    public static final CommittedHooks INLINE = new CommittedHooks(Runnable::run, 1, Duration.ZERO);

    private final Executor executor;
    private final RetryTemplate retries;
    private final int maxAttempts;

    /**
     * @param maxAttempts how many times a failing hook runs in all
     * @param delay the wait before its second run, doubled before each next one
     */
    public CommittedHooks(Executor executor, int maxAttempts, Duration delay) {
        if (maxAttempts < 1) {
            throw new IllegalStateException("sentro.events.committed.max-attempts must be 1 or more");
        }
        this.executor = executor;
        this.maxAttempts = maxAttempts;
        RetryPolicy.Builder policy = RetryPolicy.builder().maxRetries(maxAttempts - 1);
        if (!delay.isZero()) {
            policy.delay(delay).multiplier(2);
        }
        else {
            policy.delay(Duration.ofMillis(1)).multiplier(1);
        }
        this.retries = new RetryTemplate(policy.build());
        this.retries.setRetryListener(new RetryListener() {
            @Override
            public void onRetryFailure(RetryPolicy retryPolicy, Retryable<?> retryable, Throwable throwable) {
                log.warn("A committed hook failed (" + throwable + "); it runs again");
            }
        });
    }

    /** Schedules the operation's committed hooks for the rows it wrote, to run once the transaction commits. */
    void schedule(TablePipeline pipeline, HookContext context, List<Map<String, @Nullable Object>> rows) {
        List<CommittedHook> hooks = pipeline.committed(context.operation());
        if (hooks.isEmpty() || rows.isEmpty()) {
            return;
        }
        Committed committed = new Committed(pipeline.table().name(), context.operation(), rows,
                context.principal().map(java.security.Principal::getName).orElse(null), context.db());
        Runnable run = () -> executor.execute(() -> hooks.forEach(hook -> runRetried(hook, committed)));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    run.run();
                }
            });
        }
        else {
            // No transaction: the statement committed as it ran.
            run.run();
        }
    }

    private void runRetried(CommittedHook hook, Committed committed) {
        try {
            retries.execute(() -> {
                hook.run(committed);
                return null;
            });
        }
        catch (RetryException ex) {
            log.error("A committed hook of table '" + committed.table() + "' (" + committed.operation() + ") failed "
                    + maxAttempts + (maxAttempts == 1 ? " time" : " times") + "; the write stays committed",
                    ex.getCause() != null ? ex.getCause() : ex);
        }
    }
}
