package io.sentro.spring.events;

/**
 * Where the outbox relay delivers change events: every bean of this type, in order. Delivery is at least once, in
 * order per row: a target that throws gets the event again later, and no later event of the same row is delivered
 * before it; a target must therefore tolerate an event twice (its {@link ChangeEvent#id()} tells).
 */
@FunctionalInterface
public interface ChangeEventTarget {

    void deliver(ChangeEvent event) throws Exception;
}
