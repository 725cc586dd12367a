/**
 * The engine's query vocabulary, the same for every front end: what to read (filters, OR groups, search, sort, page,
 * fields, embedded relations, aggregates, count mode) as plain values, before any schema is looked at. REST parses
 * HTTP into it ({@code request}); the planner validates it against the schema ({@code plan}).
 */
@NullMarked
package io.sentro.spring.query;

import org.jspecify.annotations.NullMarked;
