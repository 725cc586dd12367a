package io.sentro.spring.customize;

import java.security.Principal;
import java.util.Optional;

import io.sentro.spring.schema.Table;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;

/**
 * What a hook, field writer or action can reach: the operation and table, where the call came from (REST with its
 * HTTP request, or the entity API), the caller, the {@link SentroDb db} helper (inside the call's transaction) and the
 * integrations.
 *
 * @param callSite the front end the call came in through, and its HTTP request for REST
 */
public record HookContext(Operation operation, Table table, CallSite callSite, SentroDb db,
        Integrations integrations) {

    /** A context of a REST call (or of none, when {@code httpRequest} is null). */
    public HookContext(Operation operation, Table table, @Nullable HttpServletRequest httpRequest, SentroDb db,
            Integrations integrations) {
        this(operation, table, new CallSite(Origin.REST, httpRequest), db, integrations);
    }

    /** The front end the call came in through: a hook may decide per front end. */
    public Origin origin() {
        return callSite.origin();
    }

    /** The HTTP request of a REST call; empty for the entity API. */
    public Optional<HttpServletRequest> request() {
        return callSite.request();
    }

    /** The HTTP request of a REST call, or null. */
    public @Nullable HttpServletRequest httpRequest() {
        return callSite.httpRequest();
    }

    /**
     * The authenticated principal of the call, when there is one: Spring Security's {@link Authentication} (an API key,
     * a JWT, a login, or the caller an entity API call runs as), else whatever the servlet container or a filter of
     * the application says.
     */
    public Optional<Principal> principal() {
        Optional<Authentication> authenticated = Callers.authenticated();
        if (authenticated.isPresent()) {
            return Optional.of(authenticated.get());
        }
        HttpServletRequest request = callSite.httpRequest();
        return request == null ? Optional.empty() : Optional.ofNullable(request.getUserPrincipal());
    }
}
