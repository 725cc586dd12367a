/**
 * The REST front end: registers one Spring MVC handler per table operation, has {@code request} parse HTTP into the
 * engine's vocabulary ({@code query}), calls the engine ({@code pipeline}, {@code security}) with a
 * {@link io.sentro.spring.customize.CallSite} of the request, and shapes responses and problem+json errors. Also the
 * HTTP-only parts: the security filter chain's request matchers and the Server-Sent Events of change streams.
 */
@NullMarked
package io.sentro.spring.web;

import org.jspecify.annotations.NullMarked;
