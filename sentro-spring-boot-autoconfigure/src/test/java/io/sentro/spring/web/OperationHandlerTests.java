package io.sentro.spring.web;

import java.io.IOException;

import io.sentro.spring.error.ErrorCode;
import io.sentro.spring.error.SentroException;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How a handler answers failures: a problem while nothing was sent, an aborted answer once something was. */
class OperationHandlerTests {

    private final MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/posts");
    private final MockHttpServletResponse response = new MockHttpServletResponse();

    @Test
    void aFailureBeforeTheAnswerBeganIsAProblem() throws IOException {
        new OperationHandler("GET posts", (req, res) -> {
            res.getOutputStream().write("{\"id\":1}\n".getBytes());
            throw new SentroException(ErrorCode.EXPORT_TOO_LARGE, "too many", "where");
        }, new JsonResponses()).handle(request, response);
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString()).startsWith("{\"type\":\"urn:sentro:problem:export-too-large\"")
                .doesNotContain("\"id\":1");
    }

    @Test
    void aFailureAfterTheAnswerBeganEndsTheConnectionInsteadOfAddingToIt() throws IOException {
        SentroException failure = new SentroException(ErrorCode.EXPORT_TOO_LARGE, "too many", "where");
        assertThatThrownBy(() -> new OperationHandler("GET posts", (req, res) -> {
            res.getOutputStream().write("{\"id\":1}\n".getBytes());
            res.flushBuffer();
            throw failure;
        }, new JsonResponses()).handle(request, response)).isSameAs(failure);
        assertThat(response.getContentAsString()).isEqualTo("{\"id\":1}\n");
    }
}
