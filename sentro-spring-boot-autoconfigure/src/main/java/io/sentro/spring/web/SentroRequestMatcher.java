package io.sentro.spring.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.web.DefaultSecurityFilterChain;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Matches Sentro's paths ({@code {base}} and {@code {base}/**}), unless a filter chain of the application's claims
 * the request: a chain whose matcher is narrower than "any request" and matches it. That way Sentro's chain, which
 * comes before the application's unordered chains, backs off for the paths the application secures itself, and
 * a catch-all chain of the application (or Spring Boot's default one) keeps protecting everything else.
 */
public final class SentroRequestMatcher implements RequestMatcher {

    private final RequestMatcher paths;
    private final ObjectProvider<SecurityFilterChain> chains;
    private volatile @Nullable List<SecurityFilterChain> claiming;

    public SentroRequestMatcher(String basePath, ObjectProvider<SecurityFilterChain> chains) {
        this.paths = PathPatternRequestMatcher.withDefaults().matcher(basePath + "/**");
        this.chains = chains;
    }

    @Override
    public boolean matches(HttpServletRequest request) {
        if (!paths.matches(request)) {
            return false;
        }
        for (SecurityFilterChain chain : claimingChains()) {
            if (chain.matches(request)) {
                return false;
            }
        }
        return true;
    }

    /** The application's chains that could claim a Sentro path: every chain but this one and catch-alls. */
    private List<SecurityFilterChain> claimingChains() {
        List<SecurityFilterChain> found = claiming;
        if (found == null) {
            found = chains.orderedStream().filter(chain -> !isThisChain(chain) && !isCatchAll(chain)).toList();
            claiming = found;
        }
        return found;
    }

    /** This chain, or another of Sentro's (the console's, the actuator endpoint's): they never claim each other's paths. */
    private boolean isThisChain(SecurityFilterChain chain) {
        return chain instanceof DefaultSecurityFilterChain defaultChain
                && (defaultChain.getRequestMatcher() instanceof SentroRequestMatcher
                        || defaultChain.getRequestMatcher() instanceof SentroEndpointMatcher);
    }

    private static boolean isCatchAll(SecurityFilterChain chain) {
        return chain instanceof DefaultSecurityFilterChain defaultChain
                && defaultChain.getRequestMatcher() instanceof AnyRequestMatcher;
    }
}
