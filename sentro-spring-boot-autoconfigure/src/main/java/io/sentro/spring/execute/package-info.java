/**
 * Runs rendered statements through JDBC, in a transaction for writes, and reads rows into JSON-ready values.
 */
@NullMarked
package io.sentro.spring.execute;

import org.jspecify.annotations.NullMarked;
