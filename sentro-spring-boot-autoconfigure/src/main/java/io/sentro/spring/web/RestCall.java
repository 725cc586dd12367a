package io.sentro.spring.web;

import java.util.Map;

import io.sentro.spring.customize.CallSite;
import io.sentro.spring.customize.Operation;
import io.sentro.spring.plan.Grants;
import io.sentro.spring.request.Preferences;
import io.sentro.spring.security.AccessPolicy;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

/**
 * One REST request as the endpoints see it: the exchange, and the {@link CallSite} the engine carries to hooks and
 * access rules, made once per request ({@link #of}) rather than at every engine call.
 *
 * @param request the HTTP request
 * @param response the HTTP response
 * @param site where the call came from, for the pipeline runners and the access policy
 */
record RestCall(HttpServletRequest request, HttpServletResponse response, CallSite site) {

    static RestCall of(HttpServletRequest request, HttpServletResponse response) {
        return new RestCall(request, response, CallSite.rest(request));
    }

    Map<String, String[]> parameters() {
        return request.getParameterMap();
    }

    /** The {@code Prefer} header's preferences; a malformed one is refused, on every write. */
    Preferences preferences() {
        return Preferences.parse(request.getHeaders(Preferences.HEADER));
    }

    /** Says, in {@code Preference-Applied}, which preferences the response honoured; none says nothing. */
    void applied(@Nullable String applied) {
        if (applied != null) {
            response.setHeader(Preferences.APPLIED_HEADER, applied);
        }
    }

    /** What the caller may read of the tables a request embeds or filters by: decided by the access policy. */
    Grants readGrants(AccessPolicy access) {
        return table -> access.authorize(table, Operation.READ, site);
    }

    /** How many rows the request returned, for {@link RowMeter}. */
    void read(long rows) {
        request.setAttribute(RowMeter.READ_ATTRIBUTE, rows);
    }

    /** How many rows the request created, changed or deleted, for {@link RowMeter}. */
    void written(long rows) {
        request.setAttribute(RowMeter.WRITTEN_ATTRIBUTE, rows);
    }
}
