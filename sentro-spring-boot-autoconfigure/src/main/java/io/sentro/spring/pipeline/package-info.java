/**
 * The customizer pipeline: customizer beans merged per table and checked at start-up, and the runner that takes each
 * operation through before hooks, field writers, around hooks, the database and after hooks, in one transaction for
 * writes.
 */
@NullMarked
package io.sentro.spring.pipeline;

import org.jspecify.annotations.NullMarked;
