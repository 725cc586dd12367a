/**
 * What operations teams watch, when the application has the libraries for it: a health contributor ({@code sentro})
 * for Spring Boot's health endpoint, and Micrometer counters of the rows read and written. The per-request
 * observation ({@code sentro.requests}) is made in the web layer with Micrometer's Observation API, which Spring
 * itself depends on.
 */
@NullMarked
package io.sentro.spring.observe;

import org.jspecify.annotations.NullMarked;
