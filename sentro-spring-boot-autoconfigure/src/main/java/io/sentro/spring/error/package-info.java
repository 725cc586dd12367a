/**
 * Sentro's exceptions, each carrying the RFC 9457 problem it becomes: one hierarchy with stable codes grouped by stage.
 */
@NullMarked
package io.sentro.spring.error;

import org.jspecify.annotations.NullMarked;
