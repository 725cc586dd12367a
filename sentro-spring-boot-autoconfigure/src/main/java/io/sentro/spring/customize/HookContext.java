package io.sentro.spring.customize;

import java.security.Principal;
import java.util.Optional;

import io.sentro.spring.schema.Table;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;

/**
 * What a hook, field writer or action can reach: the operation and table, the current HTTP request and its
 * authenticated principal, the {@link SentroDb db} helper (inside the request's transaction) and the integrations.
 */
public record HookContext(Operation operation, Table table, @Nullable HttpServletRequest httpRequest, SentroDb db,
        Integrations integrations) {

    public Optional<HttpServletRequest> request() {
        return Optional.ofNullable(httpRequest);
    }

    /**
     * The authenticated principal of the request, when there is one: Spring Security's {@link Authentication} (an
     * API key, a JWT, a login), else whatever the servlet container or a filter of the application says.
     */
    public Optional<Principal> principal() {
        Optional<Authentication> authenticated = Callers.authenticated();
        if (authenticated.isPresent()) {
            return Optional.of(authenticated.get());
        }
        return httpRequest == null ? Optional.empty() : Optional.ofNullable(httpRequest.getUserPrincipal());
    }
}
