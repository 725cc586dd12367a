/**
 * Renders operation plans into parameterised SQL for a dialect. No JDBC here.
 * <p>
 * {@link io.sentro.spring.sql.SqlRenderer} is the one public entry point; it hands each statement kind to its own
 * package-private renderer: {@code SelectRenderer} (pages of a read, with joins, cursor and total),
 * {@code RowSelectRenderer} (whole rows by key or condition, locked or not), {@code CountRenderer} (counts and
 * estimates), {@code EmbedRenderer} (an embedded relation's rows), {@code AggregateRenderer}, {@code InsertRenderer},
 * {@code UpsertRenderer}, {@code UpdateRenderer} and {@code DeleteRenderer}. What they share is said once:
 * {@code SqlParts} (each table's fixed fragments in {@code TableSql}, quoted column lists, bound parameters) and
 * {@code ConditionSql} (WHERE clauses, filters, related-row EXISTS, row scopes, key lists). What differs per database
 * they ask the {@link io.sentro.spring.dialect.SqlDialect}.
 */
@NullMarked
package io.sentro.spring.sql;

import org.jspecify.annotations.NullMarked;
