package io.sentro.spring.customize;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * The integration registry: third-party services (payments, e-mail, storage) registered by name and looked up by
 * hooks and actions. Looking up a name nobody registered returns null, never throws, so a hook can say
 * {@code if (stripe != null) ...}.
 */
public class Integrations {

    private final Map<String, Object> integrations = new ConcurrentHashMap<>();

    /** Registers (or replaces) an integration under a name. */
    public Integrations use(String name, Object integration) {
        integrations.put(name, integration);
        return this;
    }

    /** The integration registered under {@code name}, or null. */
    @SuppressWarnings("unchecked")
    public <T> @Nullable T using(String name) {
        return (T) integrations.get(name);
    }

    /** The integration registered under {@code name} if it is a {@code type}, or null. */
    public <T> @Nullable T using(String name, Class<T> type) {
        Object integration = integrations.get(name);
        return type.isInstance(integration) ? type.cast(integration) : null;
    }

    public Set<String> names() {
        return Set.copyOf(integrations.keySet());
    }
}
