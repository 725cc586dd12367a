package io.sentro.spring.events;

import org.jspecify.annotations.Nullable;

/**
 * Shapes a table's change events before they are published, or drops one by returning {@code null}: registered with
 * {@code ModelCustomizer.onChangeEvent}. It runs in the write's transaction, so it must not have side effects.
 */
@FunctionalInterface
public interface ChangeEventHook {

    @Nullable ChangeEvent apply(ChangeEvent event);
}
