package io.sentro.spring.events;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One row created, changed or deleted by a committed write, as Sentro publishes it: a Spring application event,
 * received by {@code @EventListener} (after the commit) and {@code @TransactionalEventListener} methods.
 *
 * @param id unique to this event
 * @param table the table's name in URLs
 * @param operation {@code create}, {@code update} or {@code delete}
 * @param key the row's primary key, by column
 * @param before the row before the write ({@code null} for a create); columns hidden from every caller left out
 * @param after the row after it ({@code null} for a delete); the same columns left out
 * @param principal the name of the caller who wrote it, or {@code null} when anonymous
 * @param timestamp when the write was recorded
 * @param transaction the same for every event of one transaction (one request)
 * @param sequence its place in the outbox (increasing with commits' order of writes), or {@code null} without the
 * outbox: change streams use it as their event id, to resume from
 */
public record ChangeEvent(String id, String table, String operation, Map<String, @Nullable Object> key,
        @Nullable Map<String, @Nullable Object> before, @Nullable Map<String, @Nullable Object> after,
        @Nullable String principal, Instant timestamp, String transaction, @Nullable Long sequence) {

    public ChangeEvent(String id, String table, String operation, Map<String, @Nullable Object> key,
            @Nullable Map<String, @Nullable Object> before, @Nullable Map<String, @Nullable Object> after,
            @Nullable String principal, Instant timestamp, String transaction) {
        this(id, table, operation, key, before, after, principal, timestamp, transaction, null);
    }

    /** This event with other row values, for a customizer that shapes events ({@code ModelCustomizer.onChangeEvent}). */
    public ChangeEvent withRows(@Nullable Map<String, @Nullable Object> before,
            @Nullable Map<String, @Nullable Object> after) {
        return new ChangeEvent(id, table, operation, key, before, after, principal, timestamp, transaction, sequence);
    }

    /** This event with its place in the outbox. */
    public ChangeEvent withSequence(long sequence) {
        return new ChangeEvent(id, table, operation, key, before, after, principal, timestamp, transaction, sequence);
    }
}
