package io.sentro.spring.web;

import java.io.IOException;
import java.util.Map;

import io.sentro.spring.error.ErrorCode;
import io.sentro.spring.error.SentroException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * Spring Security's refusals on Sentro's routes as problem+json, like every other Sentro error: a credential that
 * does not check out (a wrong API key, an expired or forged JWT) is a 401 with {@code WWW-Authenticate}; a refusal
 * of the filter chain itself (a missing CSRF token on a session-authenticated write) a 403.
 */
public final class SecurityProblems implements AuthenticationEntryPoint, AuthenticationFailureHandler,
        AccessDeniedHandler {

    private final JsonResponses responses = new JsonResponses();
    private final String challenge;

    /** @param challenge the {@code WWW-Authenticate} value, naming the credentials the API accepts */
    public SecurityProblems(String challenge) {
        this.challenge = challenge;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException failure) throws IOException {
        unauthenticated(request, response, failure);
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException failure) throws IOException {
        unauthenticated(request, response, failure);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        responses.problem(request, response, new SentroException(ErrorCode.FORBIDDEN,
                "The request was refused: " + denied.getMessage()));
    }

    private void unauthenticated(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException failure) throws IOException {
        String detail = failure.getMessage() != null && !failure.getMessage().isBlank()
                ? "The credentials were not accepted: " + failure.getMessage()
                : "The credentials were not accepted";
        responses.problem(request, response, new SentroException(ErrorCode.UNAUTHENTICATED, detail)
                .withHeaders(Map.of(HttpHeaders.WWW_AUTHENTICATE, challenge)));
    }
}
