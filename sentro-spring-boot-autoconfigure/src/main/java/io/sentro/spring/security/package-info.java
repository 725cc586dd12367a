/**
 * Access control: who may do what to which table (rules per table, operation and action, evaluated with Spring
 * Security's {@code AuthorizationManager}), which columns a caller may see, and API-key authentication.
 */
@NullMarked
package io.sentro.spring.security;

import org.jspecify.annotations.NullMarked;
