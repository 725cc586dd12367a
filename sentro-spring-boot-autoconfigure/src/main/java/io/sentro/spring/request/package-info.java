/**
 * Parses an HTTP request (query string, {@code Prefer}) into the engine's vocabulary, {@code query}, without looking at
 * the schema: part of the REST front end.
 */
@NullMarked
package io.sentro.spring.request;

import org.jspecify.annotations.NullMarked;
