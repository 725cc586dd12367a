/**
 * Renders operation plans into parameterised SQL for a dialect. No JDBC here.
 */
@NullMarked
package io.sentro.spring.sql;

import org.jspecify.annotations.NullMarked;
