package io.sentro.spring.customize;

/**
 * Work to do once a write is committed, and only then: the side effects of the seeds' after hooks (an invitation
 * e-mail, a Stripe customer, a confirmation) without slowing the request or announcing a write that was rolled back.
 * Registered with {@link ModelCustomizer#onCommitted}; it runs on a thread of its own after the transaction
 * committed, and an exception makes it run again ({@code sentro.events.committed.max-attempts}, backing off), so it
 * must tolerate running twice.
 */
@FunctionalInterface
public interface CommittedHook {

    void run(Committed committed) throws Exception;
}
