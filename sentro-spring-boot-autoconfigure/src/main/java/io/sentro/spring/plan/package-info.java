/**
 * Checks intent against the schema model and turns it into typed, validated operation plans.
 * <p>
 * {@link io.sentro.spring.plan.Planner} (reads) and {@link io.sentro.spring.plan.WritePlanner} (writes) are the
 * entry points; each job behind them is one package-private class. Reads: {@code ReadPlans} (a page of a list, an
 * export, a row by key), {@code AggregatePlans} ({@code group}, {@code agg}, {@code having}), {@code EmbedPlans}
 * ({@code embed}), {@code Conditions} (filter terms into typed conditions, for reads and bulk writes alike, and the one
 * table of which operators fit which column types), {@code Ordering} (sort and cursors), {@code Projections}
 * ({@code fields}, display fields, join helpers), {@code Paging}, {@code RelatedTables} (the relations a caller may
 * follow) and {@code VisibleColumns} (hidden columns are unknown). Writes: {@code WriteBodies} (JSON bodies into typed
 * rows), {@code NestedBodies} (bodies with related rows), {@code WritePlans} (the rows an insert, update or upsert
 * stores), {@code WriteColumns} (writable columns and the values they store) and {@code ConflictKeys}
 * ({@code on_conflict}). {@code RowScopes} holds reads and writes to the caller's row scope.
 */
@NullMarked
package io.sentro.spring.plan;

import org.jspecify.annotations.NullMarked;
