package io.sentro.spring.security;

import java.util.Map;

import org.springframework.security.core.Authentication;
import org.springframework.util.ClassUtils;

/**
 * The attributes of a caller that row scopes read, from whichever authentication Spring Security holds: an API key's
 * {@code attributes}, a JWT's claims (a resource server), an OAuth2 login's user attributes. Other authentications
 * have none.
 */
public final class PrincipalAttributes {

    private static final boolean OAUTH2_RESOURCE_SERVER = ClassUtils.isPresent(
            "org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken",
            PrincipalAttributes.class.getClassLoader());

    private static final boolean OAUTH2_CORE = ClassUtils.isPresent(
            "org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal",
            PrincipalAttributes.class.getClassLoader());

    private PrincipalAttributes() {
    }

    /** The caller's attributes; empty when the authentication carries none. */
    public static Map<String, ?> of(Authentication authentication) {
        if (authentication instanceof ApiKeyAuthentication apiKey) {
            return apiKey.getAttributes();
        }
        if (OAUTH2_RESOURCE_SERVER && OAuth2.isToken(authentication)) {
            return OAuth2.tokenAttributes(authentication);
        }
        if (OAUTH2_CORE && OAuth2.isPrincipal(authentication.getPrincipal())) {
            return OAuth2.principalAttributes(authentication.getPrincipal());
        }
        return Map.of();
    }

    /** Kept apart so that its OAuth2 types are only loaded when they are on the class path. */
    private static final class OAuth2 {

        static boolean isToken(Authentication authentication) {
            return authentication instanceof org.springframework.security.oauth2.server.resource.authentication
                    .AbstractOAuth2TokenAuthenticationToken<?>;
        }

        static Map<String, ?> tokenAttributes(Authentication authentication) {
            return ((org.springframework.security.oauth2.server.resource.authentication
                    .AbstractOAuth2TokenAuthenticationToken<?>) authentication).getTokenAttributes();
        }

        static boolean isPrincipal(Object principal) {
            return principal instanceof org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
        }

        static Map<String, ?> principalAttributes(Object principal) {
            return ((org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal) principal).getAttributes();
        }
    }
}
