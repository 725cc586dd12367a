/**
 * Runs rendered statements through JDBC, in a transaction for writes, and reads rows into JSON-ready values.
 * {@link io.sentro.spring.execute.SqlExecutor} is what the rest of Sentro calls: it observes each call and has
 * {@code DatabaseErrors} translate its failures ({@code DatabaseErrorMessages} words them), and hands the work on, one
 * job a class: {@code PagedReads} (pages and their totals, with {@code RowEstimates}), {@code RowStream} (exports),
 * {@code RowWriter} (writes that return their rows) with {@code ReselectedWrites} (RETURNING emulated by selecting
 * again, with {@code WrittenKeys} pairing rows and keys), {@code Upserts} (an upsert's outcome),
 * {@code StatementRunner} (one statement through JDBC) and {@code ResultMapping} (result rows into
 * {@code ResultRow}s). {@link io.sentro.spring.execute.ReadReplicas} routes reads to replicas.
 */
@NullMarked
package io.sentro.spring.execute;

import org.jspecify.annotations.NullMarked;
