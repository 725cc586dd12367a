package io.sentro.spring.security;

import java.util.List;
import java.util.Map;

/**
 * A configured API key ({@code sentro.security.api-keys[i]}).
 *
 * @param name the principal's name (in logs, hooks and {@code Authentication#getName()})
 * @param key the key as stored: plain text, or hashed in Spring Security's {@code {id}} form ({@code {bcrypt}...})
 * @param roles roles granted to the key's holder ({@code EDITOR} becomes the authority {@code ROLE_EDITOR})
 * @param attributes principal attributes, e.g. {@code organization=acme}
 */
public record ApiKey(String name, String key, List<String> roles, Map<String, String> attributes) {

    public ApiKey {
        roles = List.copyOf(roles);
        attributes = Map.copyOf(attributes);
    }
}
