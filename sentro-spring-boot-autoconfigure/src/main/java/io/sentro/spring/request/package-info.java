/**
 * Parses an HTTP request into intent (filters, sort, page, fields, body) without looking at the schema.
 */
@NullMarked
package io.sentro.spring.request;

import org.jspecify.annotations.NullMarked;
