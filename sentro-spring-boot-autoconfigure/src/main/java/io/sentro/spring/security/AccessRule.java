package io.sentro.spring.security;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.sentro.spring.customize.AccessRequest;

import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.SingleResultAuthorizationManager;

/**
 * One access rule as written in properties and customizers: {@code permit-all}, {@code authenticated},
 * {@code deny-all}, or a comma-separated list of roles ({@code EDITOR,ADMIN}: authorities {@code ROLE_EDITOR},
 * {@code ROLE_ADMIN}). Each becomes one of Spring Security's own authorization managers.
 *
 * @param text the rule as written, for logs and error messages
 * @param manager the decision
 */
public record AccessRule(String text, AuthorizationManager<AccessRequest> manager) {

    public static final AccessRule PERMIT_ALL = new AccessRule("permit-all",
            SingleResultAuthorizationManager.permitAll());

    public static final AccessRule AUTHENTICATED = new AccessRule("authenticated",
            AuthenticatedAuthorizationManager.authenticated());

    public static final AccessRule DENY_ALL = new AccessRule("deny-all", SingleResultAuthorizationManager.denyAll());

    /**
     * Parses a rule; {@code where} names the property or method it came from, for the error message.
     *
     * @throws IllegalArgumentException when the text is empty or a role is not a plain name
     */
    public static AccessRule parse(String text, String where) {
        String trimmed = text.trim();
        switch (trimmed.toLowerCase(Locale.ROOT)) {
            case "permit-all", "permitall", "permit_all" -> {
                return PERMIT_ALL;
            }
            case "authenticated" -> {
                return AUTHENTICATED;
            }
            case "deny-all", "denyall", "deny_all" -> {
                return DENY_ALL;
            }
            default -> {
                return roles(Arrays.stream(trimmed.split(",")).map(String::trim).toList(), where);
            }
        }
    }

    /** Callers holding at least one of the roles ({@code ROLE_} is added unless given). */
    public static AccessRule roles(List<String> roles, String where) {
        if (roles.isEmpty() || roles.stream().anyMatch(role -> !role.matches("[A-Za-z0-9_.:-]+"))) {
            throw new IllegalArgumentException(where + " is '" + String.join(",", roles) + "': expected permit-all, "
                    + "authenticated, deny-all or a comma-separated list of role names (e.g. EDITOR,ADMIN)");
        }
        List<String> names = roles.stream().map(role -> role.startsWith("ROLE_") ? role.substring(5) : role).toList();
        return new AccessRule(String.join(",", names),
                AuthorityAuthorizationManager.hasAnyRole(names.toArray(String[]::new)));
    }

    /** A rule given as an authorization manager of the application's own. */
    public static AccessRule custom(AuthorizationManager<AccessRequest> manager) {
        Class<?> type = manager.getClass();
        boolean named = !type.isSynthetic() && !type.getName().contains("$$Lambda") && !type.isAnonymousClass();
        return new AccessRule(named ? "custom (" + type.getSimpleName() + ")" : "custom AuthorizationManager", manager);
    }

    /** Whether the rule lets anyone in, signed in or not. */
    public boolean permitsAnonymous() {
        return this == PERMIT_ALL;
    }

    /** Whether the rule lets nobody in. */
    public boolean deniesAll() {
        return this == DENY_ALL;
    }

    @Override
    public String toString() {
        return text;
    }
}
