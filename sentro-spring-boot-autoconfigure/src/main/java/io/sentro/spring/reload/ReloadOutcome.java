package io.sentro.spring.reload;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What one reload did, for the actuator operation's answer, the health contributor and logs.
 *
 * @param trigger what asked for it: {@code actuator}, {@code notify}, {@code schedule} or an application's name
 * @param status whether the served API changed
 * @param generation the generation served afterwards
 * @param tables how many tables that generation serves
 * @param added tables served now that were not before
 * @param removed tables no longer served
 * @param error why the reload failed, with the old generation kept ({@code null} unless {@link Status#FAILED})
 * @param at when it started
 * @param took how long it took
 */
public record ReloadOutcome(String trigger, Status status, long generation, int tables, List<String> added,
        List<String> removed, @Nullable String error, Instant at, Duration took) {

    public ReloadOutcome {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
    }

    /** What became of the served API. */
    public enum Status {
        /** A new generation serves the changed schema. */
        RELOADED,
        /** The schema had not changed: the current generation goes on. */
        UNCHANGED,
        /** The new schema could not be served: the current generation goes on. */
        FAILED
    }
}
