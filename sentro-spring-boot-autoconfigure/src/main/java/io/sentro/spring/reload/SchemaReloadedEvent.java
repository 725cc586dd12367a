package io.sentro.spring.reload;

import org.springframework.context.ApplicationEvent;

/**
 * Published in the application's context when a reload swapped in a new generation, after requests started being
 * served by it. Listen to it (an {@code @EventListener}) to refresh what an application derived from the model.
 */
public final class SchemaReloadedEvent extends ApplicationEvent {

    private final transient ApiGeneration current;
    private final ReloadOutcome outcome;

    public SchemaReloadedEvent(ApiGenerations source, ApiGeneration current, ReloadOutcome outcome) {
        super(source);
        this.current = current;
        this.outcome = outcome;
    }

    /** The generation now served. */
    public ApiGeneration current() {
        return current;
    }

    public ReloadOutcome outcome() {
        return outcome;
    }
}
