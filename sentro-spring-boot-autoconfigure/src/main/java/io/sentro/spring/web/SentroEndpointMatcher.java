package io.sentro.spring.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Matches the {@code sentro} actuator endpoint for the chain that guards it. Marked as Sentro's own, so that
 * {@link SentroRequestMatcher} does not take it for an application chain claiming API paths (it never matches them,
 * and need not be asked on every API request).
 *
 * @param endpoint the actuator's matcher of the endpoint's paths
 */
public record SentroEndpointMatcher(RequestMatcher endpoint) implements RequestMatcher {

    @Override
    public boolean matches(HttpServletRequest request) {
        return endpoint.matches(request);
    }
}
