package io.sentro.spring.security;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;

/**
 * An {@code X-API-Key} request: before authentication it carries the presented key; after, the key's name, roles
 * and attributes, and no longer the key.
 */
public final class ApiKeyAuthentication extends AbstractAuthenticationToken {

    private final String name;
    private @Nullable String presentedKey;
    private final Map<String, String> attributes;

    private ApiKeyAuthentication(String name, @Nullable String presentedKey, Map<String, String> attributes,
            Collection<? extends GrantedAuthority> authorities, boolean authenticated) {
        super(authorities);
        this.name = name;
        this.presentedKey = presentedKey;
        this.attributes = Map.copyOf(attributes);
        super.setAuthenticated(authenticated);
    }

    /** A key as the client sent it, not yet checked. */
    public static ApiKeyAuthentication unauthenticated(String presentedKey) {
        return new ApiKeyAuthentication("api-key", presentedKey, Map.of(), List.of(), false);
    }

    /** The holder of a configured key. */
    public static ApiKeyAuthentication authenticated(String name, Map<String, String> attributes,
            Collection<? extends GrantedAuthority> authorities) {
        return new ApiKeyAuthentication(name, null, attributes, authorities, true);
    }

    @Override
    public @Nullable Object getCredentials() {
        return presentedKey;
    }

    @Override
    public Object getPrincipal() {
        return name;
    }

    @Override
    public String getName() {
        return name;
    }

    /** The key's attributes ({@code sentro.security.api-keys[i].attributes}), for row scopes. */
    public Map<String, String> getAttributes() {
        return attributes;
    }

    @Override
    public void setAuthenticated(boolean authenticated) {
        if (authenticated) {
            throw new IllegalArgumentException("Use ApiKeyAuthentication.authenticated(...) for a checked key");
        }
        super.setAuthenticated(false);
    }

    @Override
    public void eraseCredentials() {
        super.eraseCredentials();
        presentedKey = null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ApiKeyAuthentication that && super.equals(that) && name.equals(that.name)
                && attributes.equals(that.attributes);
    }

    @Override
    public int hashCode() {
        return super.hashCode() * 31 + name.hashCode();
    }
}
