/**
 * Registers one Spring MVC handler per table operation and shapes responses and problem+json errors.
 */
@NullMarked
package io.sentro.spring.web;

import org.jspecify.annotations.NullMarked;
