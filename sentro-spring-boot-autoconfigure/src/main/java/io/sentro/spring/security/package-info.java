/**
 * Access control: who may do what to which table (rules per table, operation and action, evaluated with Spring
 * Security's {@code AuthorizationManager}), which columns and rows a caller may see, and API-key authentication. Its
 * decisions take a {@link io.sentro.spring.customize.CallSite}, never an HTTP request: the REST API and the entity
 * API are decided alike.
 */
@NullMarked
package io.sentro.spring.security;

import org.jspecify.annotations.NullMarked;
