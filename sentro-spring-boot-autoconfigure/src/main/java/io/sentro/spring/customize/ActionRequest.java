package io.sentro.spring.customize;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The request an action runs for: the JSON body's fields ({@code request.body().get("adjustment")}) and the context.
 */
public record ActionRequest(Map<String, @Nullable Object> body, HookContext context) {

    /** One body field, or null. */
    public @Nullable Object param(String name) {
        return body.get(name);
    }
}
