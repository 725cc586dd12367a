package io.sentro.spring.events;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

import io.sentro.spring.customize.Callers;
import io.sentro.spring.schema.Column;
import io.sentro.spring.schema.Table;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Records the change events of a transaction and publishes them once it commits (and, with the outbox, writes each
 * into it in the same transaction). Each written row is recorded as
 * the write happens, in the transaction; the events wait in the transaction's synchronization and are published,
 * in the order of the writes, from its {@code afterCommit}. A rollback drops them. Writes of a table with events run
 * row by row in a transaction (as with hooks), so that every event has its row before and after.
 */
public final class ChangeEvents {

    private static final Log log = LogFactory.getLog(ChangeEvents.class);

    /** No events: for tables and applications that did not ask for them. */
    public static final ChangeEvents NONE = new ChangeEvents(table -> false, table -> Set.of(), event -> {
    }, null, table -> List.of());

    private final Predicate<Table> tables;
    private final Function<Table, Set<String>> hidden;
    private final ApplicationEventPublisher publisher;
    private final @Nullable Outbox outbox;
    private final Function<Table, List<ChangeEventHook>> hooks;

    /**
     * @param tables the tables whose writes make events
     * @param hidden the columns of a table hidden from every caller, left out of its events
     * @param outbox where each event is also written, in the write's transaction, for the relay to deliver
     * @param hooks the customizers' hooks that shape or drop a table's events
     */
    public ChangeEvents(Predicate<Table> tables, Function<Table, Set<String>> hidden,
            ApplicationEventPublisher publisher, @Nullable Outbox outbox, Function<Table, List<ChangeEventHook>> hooks) {
        this.tables = tables;
        this.hidden = hidden;
        this.publisher = publisher;
        this.outbox = outbox;
        this.hooks = hooks;
    }

    /** Whether writes of the table make events. */
    public boolean enabled(Table table) {
        return tables.test(table);
    }

    /**
     * Records one written row, its event shaped or dropped by the table's hooks.
     *
     * @param before the row before the write, or {@code null} for a create
     * @param after the row after it, or {@code null} for a delete
     */
    public void record(Table table, String operation, @Nullable Map<String, @Nullable Object> before,
            @Nullable Map<String, @Nullable Object> after, @Nullable String principal) {
        record(table, operation, before, after, principal, false);
    }

    /**
     * Records the last written row of a transaction that the caller began for this write alone and commits right
     * after, with nothing in between. With the outbox, the event's insert may then carry the transaction's COMMIT
     * ({@link Outbox#insertCommitting}): one round trip less per write. It does so only while this recorder's is the
     * transaction's one synchronization, since another's before-commit work would otherwise run after the commit.
     * The caller's commit publishes the events as usual.
     */
    public void recordEnding(Table table, String operation, @Nullable Map<String, @Nullable Object> before,
            @Nullable Map<String, @Nullable Object> after, @Nullable String principal) {
        record(table, operation, before, after, principal, true);
    }

    private void record(Table table, String operation, @Nullable Map<String, @Nullable Object> before,
            @Nullable Map<String, @Nullable Object> after, @Nullable String principal, boolean ending) {
        if (!enabled(table)) {
            return;
        }
        Map<String, @Nullable Object> source = after != null ? after : before;
        if (source == null) {
            return;
        }
        Map<String, @Nullable Object> key = new LinkedHashMap<>();
        for (Column column : table.primaryKeyColumns()) {
            key.put(column.name(), source.get(column.name()));
        }
        Pending pending = pending();
        ChangeEvent event = new ChangeEvent(UUID.randomUUID().toString(), table.name(), operation, key,
                visible(table, before), visible(table, after), principal, Instant.now(), pending.transaction);
        for (ChangeEventHook hook : hooks.apply(table)) {
            event = hook.apply(event);
            if (event == null) {
                return;
            }
        }
        if (outbox != null) {
            // In the write's transaction: the event is in the outbox if and only if the write commits.
            boolean committing = ending
                    && TransactionSynchronizationManager.getSynchronizations().equals(List.of(pending));
            event = event.withSequence(committing ? outbox.insertCommitting(event) : outbox.insert(event));
        }
        pending.events.add(event);
    }

    private @Nullable Map<String, @Nullable Object> visible(Table table, @Nullable Map<String, @Nullable Object> row) {
        if (row == null) {
            return null;
        }
        Set<String> left = hidden.apply(table);
        Map<String, @Nullable Object> shown = new LinkedHashMap<>();
        for (Column column : table.columns()) {
            if (!left.contains(column.name()) && row.containsKey(column.name())) {
                shown.put(column.name(), row.get(column.name()));
            }
        }
        return java.util.Collections.unmodifiableMap(shown);
    }

    /** The caller's name, from Spring Security's context, or {@code null} when anonymous. */
    public static @Nullable String principal() {
        return Callers.authenticated().map(org.springframework.security.core.Authentication::getName).orElse(null);
    }

    /** The transaction's pending events, registered with it on its first event. */
    private Pending pending() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("Change events are recorded inside the write's transaction");
        }
        Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            pending = new Pending();
            TransactionSynchronizationManager.bindResource(this, pending);
            TransactionSynchronizationManager.registerSynchronization(pending);
        }
        return pending;
    }

    /** A transaction's events, published after it commits. */
    private final class Pending implements TransactionSynchronization {

        private final String transaction = UUID.randomUUID().toString();
        private final List<ChangeEvent> events = new ArrayList<>();

        @Override
        public void afterCommit() {
            for (ChangeEvent event : events) {
                try {
                    publisher.publishEvent(event);
                }
                catch (RuntimeException ex) {
                    // A listener's failure is its own: the write is committed, and the other events still go out.
                    log.error("A listener of Sentro's change event " + event.id() + " (" + event.table() + ", "
                            + event.operation() + ") failed", ex);
                }
            }
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(ChangeEvents.this);
        }
    }
}
