/**
 * The entity API: Sentro's engine for the application's own code, with the same rules, hooks, display fields and
 * row scopes as the REST API. {@link io.sentro.spring.entities.SentroEntities} is the bean;
 * {@code entities.table("posts").find(Query.where("views", Operator.GTE, 100).sort(Sort.desc("views")))} a call.
 */
@NullMarked
package io.sentro.spring.entities;

import org.jspecify.annotations.NullMarked;
