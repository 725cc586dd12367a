package io.sentro.spring.customize;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * Where a call into Sentro's engine came from: the front end, and for REST the HTTP request (which hooks and access
 * rules may read). The engine carries it through to {@link HookContext} and {@link AccessRequest} without looking into
 * it, so that it knows nothing of HTTP.
 *
 * @param origin the front end
 * @param httpRequest the HTTP request of a REST call; null for other front ends
 */
public record CallSite(Origin origin, @Nullable HttpServletRequest httpRequest) {

    /** A call of the entity API: no HTTP request. */
    public static final CallSite ENTITY_API = new CallSite(Origin.ENTITY_API, null);

    /** A REST call. */
    public static CallSite rest(HttpServletRequest request) {
        return new CallSite(Origin.REST, request);
    }

    /** The HTTP request, for a REST call. */
    public Optional<HttpServletRequest> request() {
        return Optional.ofNullable(httpRequest);
    }
}
