package io.sentro.spring.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import io.sentro.spring.error.ErrorCode;
import io.sentro.spring.error.SentroException;
import io.sentro.spring.request.ApiRequestParser;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * Reads a request's JSON body within the {@link WriteLimits}: its media type, its size in bytes and its number of
 * rows are checked before anything is written.
 */
final class RequestBodies {

    private final ApiRequestParser parser;
    private final WriteLimits limits;

    RequestBodies(ApiRequestParser parser, WriteLimits limits) {
        this.parser = parser;
        this.limits = limits;
    }

    /** An action's body: a JSON object, or nothing (no arguments). */
    Map<String, @Nullable Object> action(HttpServletRequest request) throws IOException {
        byte[] bytes = bytes(request);
        if (bytes.length == 0) {
            return new LinkedHashMap<>();
        }
        JsonNode body = parse(bytes);
        if (!body.isObject()) {
            throw new SentroException(ErrorCode.INVALID_BODY, "An action's body must be a JSON object", "body");
        }
        @SuppressWarnings("unchecked")
        Map<String, @Nullable Object> values = parser.jsonMapper().convertValue(body, LinkedHashMap.class);
        return values;
    }

    /**
     * A write's JSON body, which it requires; read before any parameter is, since reading parameters consumes a form
     * body.
     */
    JsonNode write(HttpServletRequest request) throws IOException {
        return parse(bytes(request));
    }

    /** The body's bytes, if it is JSON and within the size limit. */
    private byte[] bytes(HttpServletRequest request) throws IOException {
        String contentType = request.getContentType();
        if (contentType != null) {
            MediaType mediaType;
            try {
                mediaType = MediaType.parseMediaType(contentType);
            }
            catch (IllegalArgumentException ex) {
                mediaType = MediaType.APPLICATION_OCTET_STREAM;
            }
            if (!mediaType.isCompatibleWith(MediaType.APPLICATION_JSON)
                    && !"json".equals(mediaType.getSubtypeSuffix())) {
                throw new SentroException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "The body must be JSON (Content-Type: "
                        + "application/json), not " + contentType, "Content-Type");
            }
        }
        long announced = request.getContentLengthLong();
        if (announced > limits.maxBodyBytes()) {
            throw tooLarge("The body is " + announced + " bytes, more than the " + limits.maxBodyBytes()
                    + " a request may send (sentro.writes.max-body-size)");
        }
        // A body without Content-Length (chunked) is read up to one byte past the limit, then refused.
        byte[] bytes = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8,
                limits.maxBodyBytes() + 1));
        if (bytes.length > limits.maxBodyBytes()) {
            throw tooLarge("The body is more than the " + limits.maxBodyBytes() + " bytes a request may send "
                    + "(sentro.writes.max-body-size)");
        }
        return bytes;
    }

    /** Parses the bytes as JSON (empty is refused), and refuses an array of more rows than a write may have. */
    private JsonNode parse(byte[] bytes) {
        JsonNode body = parser.parseBody(new ByteArrayInputStream(bytes));
        if (body.isArray() && body.size() > limits.maxRows()) {
            throw tooLarge("The body has " + body.size() + " rows, more than the " + limits.maxRows() + " one request "
                    + "may write (sentro.writes.max-rows); send them in several requests");
        }
        return body;
    }

    private static SentroException tooLarge(String detail) {
        return new SentroException(ErrorCode.PAYLOAD_TOO_LARGE, detail + "; nothing was written", "body");
    }
}
