package io.sentro.spring.customize;

import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is calling, as Spring Security's context says: the one place that decides what counts as an authenticated
 * caller (hooks' {@code ctx.principal()}, the principal of change events, access rules' anonymous callers).
 */
public final class Callers {

    private Callers() {
    }

    /** The caller's authentication, unless there is none or it is Spring Security's anonymous one. */
    public static Optional<Authentication> authenticated() {
        return authenticated(SecurityContextHolder.getContext().getAuthentication());
    }

    /** The authentication, unless it is missing, anonymous or not authenticated. */
    public static Optional<Authentication> authenticated(@Nullable Authentication authentication) {
        return authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken) ? Optional.of(authentication)
                        : Optional.empty();
    }
}
