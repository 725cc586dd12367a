package io.sentro.spring.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * Adjusts Sentro's own security filter chain (the one for {@code sentro.base-path}) before it is built, e.g. to add
 * a filter or CORS. Declare it as a bean; Sentro's JWT support is one.
 */
@FunctionalInterface
public interface SentroHttpSecurityCustomizer {

    void customize(HttpSecurity http) throws Exception;
}
