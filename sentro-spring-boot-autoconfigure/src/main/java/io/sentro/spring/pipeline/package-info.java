/**
 * The customizer pipeline: customizer beans merged per table and checked at start-up, and the runner that takes each
 * operation through before hooks, field writers, around hooks, the database and after hooks, in one transaction for
 * writes. The REST API and the entity API call the same runners; a call carries its
 * {@link io.sentro.spring.customize.CallSite}, which hooks see as {@code ctx.origin()}.
 */
@NullMarked
package io.sentro.spring.pipeline;

import org.jspecify.annotations.NullMarked;
