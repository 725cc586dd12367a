package io.sentro.spring.request;

import java.io.InputStream;

import io.sentro.spring.error.ErrorCode;
import io.sentro.spring.error.SentroException;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads request bodies as JSON, strictly: decimals stay exact ({@code BigDecimal}), and trailing tokens or a key
 * given twice are refused rather than silently read.
 */
final class JsonBodies {

    private final JsonMapper jsonMapper = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** Parses a JSON body; empty and malformed bodies are refused. */
    JsonNode parse(InputStream body) {
        JsonNode node;
        try {
            node = jsonMapper.readTree(body);
        }
        catch (JacksonIOException ex) {
            throw new SentroException(ErrorCode.MALFORMED_BODY, "The request body could not be read", "body");
        }
        catch (JacksonException ex) {
            throw new SentroException(ErrorCode.MALFORMED_BODY, "The request body is not valid JSON: "
                    + ex.getOriginalMessage(), "body");
        }
        if (node == null || node.isMissingNode()) {
            throw new SentroException(ErrorCode.MALFORMED_BODY, "The request body is empty; send a JSON object", "body");
        }
        return node;
    }

    JsonMapper mapper() {
        return jsonMapper;
    }
}
