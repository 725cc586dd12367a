/**
 * Spring Boot auto-configuration for Sentro: wiring and properties only.
 */
@NullMarked
package io.sentro.spring.autoconfigure;

import org.jspecify.annotations.NullMarked;
