package io.sentro.spring.customize;

import java.util.Optional;

import io.sentro.spring.schema.Table;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * What an access rule decides on: a table, the operation, the action when the call runs one, and where the call came
 * from. An {@code AuthorizationManager<AccessRequest>} given to {@link ModelCustomizer#authorize} receives it.
 *
 * @param table the table
 * @param operation the operation; actions are decided with their own id in {@code action}
 * @param action the action id, or null when the call is not an action
 * @param callSite the front end, and the HTTP request of a REST call
 */
public record AccessRequest(Table table, Operation operation, @Nullable String action, CallSite callSite) {

    /** The front end the call came in through. */
    public Origin origin() {
        return callSite.origin();
    }

    /** The HTTP request of a REST call; empty for the entity API. */
    public Optional<HttpServletRequest> httpRequest() {
        return callSite.request();
    }

    /**
     * The HTTP request of a REST call.
     *
     * @throws IllegalStateException for a call that did not come over HTTP (see {@link #origin()})
     */
    public HttpServletRequest request() {
        return callSite.request().orElseThrow(() -> new IllegalStateException("A call of the " + origin()
                + " front end has no HTTP request; check AccessRequest.origin() or use httpRequest()"));
    }
}
