/**
 * The served API as a whole, swapped atomically when the schema is reloaded. An {@link ApiGeneration} is everything
 * built from one schema model (routes, customizer pipelines, access rules, documents); {@link ApiGenerations} holds
 * the current one, builds the next, and swaps it in only when it was built whole. Reloads come from the actuator
 * endpoint, from a PostgreSQL {@code NOTIFY} ({@link NotifiedReloads}) or from a schedule ({@link ScheduledReloads}).
 */
@NullMarked
package io.sentro.spring.reload;

import org.jspecify.annotations.NullMarked;
