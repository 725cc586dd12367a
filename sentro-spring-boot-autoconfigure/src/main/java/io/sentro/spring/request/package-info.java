/**
 * Parses an HTTP request (query string, {@code Prefer}) into the engine's vocabulary, {@code query}, without looking at
 * the schema: part of the REST front end.
 * <p>
 * {@link io.sentro.spring.request.ApiRequestParser} is the entry point: it says which parameters each request kind
 * takes and builds the engine's query from them. The parameters are parsed by one class per job:
 * {@code PageParameters} (fields, sort, search, limit, offset, count, after), {@code FilterParameters} (where and OR
 * groups), {@code AggregateParameters} (group, agg, having), {@code EmbedParameters} (embed and the parameters of
 * embedded relations), over the value syntax of {@code ParameterValues}; path keys by {@code PathKeys}, JSON bodies by
 * {@code JsonBodies}. {@link io.sentro.spring.request.Preferences} reads the {@code Prefer} header.
 */
@NullMarked
package io.sentro.spring.request;

import org.jspecify.annotations.NullMarked;
