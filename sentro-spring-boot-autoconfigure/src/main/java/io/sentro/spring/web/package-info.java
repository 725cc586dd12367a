/**
 * The REST front end: registers one Spring MVC handler per table operation, has {@code request} parse HTTP into the
 * engine's vocabulary ({@code query}), calls the engine ({@code pipeline}, {@code security}) with a
 * {@link io.sentro.spring.customize.CallSite} of the request, and shapes responses and problem+json errors. Also the
 * HTTP-only parts: the security filter chain's request matchers and the Server-Sent Events of change streams.
 * <p>
 * {@link io.sentro.spring.web.ApiRoutes} lists the routes and {@link io.sentro.spring.web.ApiEndpoints} hands each
 * to the endpoints of its kind, with the request as one {@code RestCall} (made once per request): {@code ReadEndpoints}
 * (list, export, get), {@code WriteEndpoints} (create, upsert, update, replace, delete by key),
 * {@code BulkWriteEndpoints} (update and delete by filter or by the body's keys), {@code ActionEndpoints},
 * {@code DescriptionEndpoints} (the index, {@code _schema}, {@code _types.ts}) and {@code FallbackEndpoint} (why a
 * request has no route: 404 or 405). They share {@code RequestBodies} (reading a JSON body within the write limits),
 * {@code ResourcePaths} (keys from paths; {@code Location} and next-page {@code Link}s) and {@code ReadableTables}.
 * An endpoint only parses HTTP into the engine's query vocabulary, calls the pipeline runners and the access policy,
 * and writes the response.
 */
@NullMarked
package io.sentro.spring.web;

import org.jspecify.annotations.NullMarked;
