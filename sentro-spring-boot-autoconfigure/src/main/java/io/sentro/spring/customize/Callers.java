package io.sentro.spring.customize;

import java.util.Optional;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is calling, as Spring Security's context says: the one place that decides what counts as an authenticated
 * caller (hooks' {@code ctx.principal()}, the principal of change events).
 */
public final class Callers {

    private Callers() {
    }

    /** The caller's authentication, unless there is none or it is Spring Security's anonymous one. */
    public static Optional<Authentication> authenticated() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken) ? Optional.of(authentication)
                        : Optional.empty();
    }
}
