package io.sentro.spring.web;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.sentro.spring.customize.OperationResult;
import io.sentro.spring.error.ErrorCode;
import io.sentro.spring.error.SentroException;
import io.sentro.spring.schema.JsonText;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes rows straight to the response with a streaming generator: no intermediate tree, no reflection. Values keep
 * their precision (decimals are written as plain JSON numbers), JSON columns are embedded as JSON, binaries as
 * base64, temporal values as ISO-8601.
 */
public final class JsonResponses {

    static final String JSON = "application/json";
    static final String PROBLEM_JSON = "application/problem+json";

    private final JsonMapper mapper = JsonMapper.builder(JsonFactory.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build()).build();

    public void page(HttpServletResponse response, OperationResult page, long limit, long offset,
            @Nullable String next) throws IOException {
        start(response, HttpServletResponse.SC_OK, JSON);
        try (JsonGenerator json = generator(response.getOutputStream())) {
            json.writeStartObject();
            json.writeName("rows");
            writeRows(json, page.rows());
            json.writeName("total");
            if (page.total() == null) {
                json.writeNull();
            }
            else {
                json.writeNumber(page.total());
            }
            json.writeBooleanProperty("totalIsEstimate", page.totalIsEstimate());
            json.writeNumberProperty("limit", limit);
            json.writeNumberProperty("offset", offset);
            json.writeName("next");
            if (next == null) {
                json.writeNull();
            }
            else {
                json.writeString(next);
            }
            json.writeEndObject();
        }
    }

    /**
     * An action's result: {@code data} with {@code filename} as a file download, anything else as JSON. (A result
     * with {@code success: false} never gets here: the runner turned it into a problem inside the transaction.)
     */
    public void actionResult(HttpServletResponse response, @Nullable Map<String, @Nullable Object> result)
            throws IOException {
        if (result == null) {
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return;
        }
        Object data = result.get("data");
        Object filename = result.get("filename");
        if (data != null && filename != null) {
            String name = String.valueOf(filename);
            MediaType type = fileType(name, result.get("contentType"), data instanceof CharSequence);
            byte[] bytes = data instanceof byte[] raw ? raw : data instanceof CharSequence text
                    ? text.toString().getBytes(StandardCharsets.UTF_8) : mapper.writeValueAsBytes(data);
            response.setStatus(HttpServletResponse.SC_OK);
            response.setContentType(type.toString() + (data instanceof CharSequence && !type.getParameters()
                    .containsKey("charset") ? ";charset=UTF-8" : ""));
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                    ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString());
            response.setContentLength(bytes.length);
            response.getOutputStream().write(bytes);
            return;
        }
        row(response, HttpServletResponse.SC_OK, result);
    }

    public void row(HttpServletResponse response, int status, Map<String, @Nullable Object> row) throws IOException {
        start(response, status, JSON);
        try (JsonGenerator json = generator(response.getOutputStream())) {
            writeObject(json, row);
        }
    }

    public void rows(HttpServletResponse response, int status, List<Map<String, @Nullable Object>> rows)
            throws IOException {
        start(response, status, JSON);
        try (JsonGenerator json = generator(response.getOutputStream())) {
            writeRows(json, rows);
        }
    }

    /**
     * The answer of a bulk write: {@code {"rows": [...], "count": n}}, or {@code {"count": n}} alone when the client
     * asked for {@code return=minimal} ({@code rows} null).
     */
    public void bulk(HttpServletResponse response, @Nullable List<Map<String, @Nullable Object>> rows, long count)
            throws IOException {
        start(response, HttpServletResponse.SC_OK, JSON);
        try (JsonGenerator json = generator(response.getOutputStream())) {
            json.writeStartObject();
            if (rows != null) {
                json.writeName("rows");
                writeRows(json, rows);
            }
            json.writeNumberProperty("count", count);
            json.writeEndObject();
        }
    }

    /**
     * The answer of an upsert of an array: {@code {"rows": [...], "outcomes": ["created", ...], "count": n}}; without
     * {@code rows} when the client asked for {@code return=minimal} ({@code rows} null).
     */
    public void upserted(HttpServletResponse response, @Nullable List<Map<String, @Nullable Object>> rows,
            List<io.sentro.spring.execute.SqlExecutor.UpsertOutcome> outcomes) throws IOException {
        start(response, HttpServletResponse.SC_OK, JSON);
        try (JsonGenerator json = generator(response.getOutputStream())) {
            json.writeStartObject();
            if (rows != null) {
                json.writeName("rows");
                writeRows(json, rows);
            }
            json.writeName("outcomes");
            json.writeStartArray();
            for (io.sentro.spring.execute.SqlExecutor.UpsertOutcome outcome : outcomes) {
                json.writeString(outcome.label());
            }
            json.writeEndArray();
            json.writeNumberProperty("count", outcomes.size());
            json.writeEndObject();
        }
    }

    /** A JSON array of rows. */
    private void writeRows(JsonGenerator json, List<Map<String, @Nullable Object>> rows) {
        json.writeStartArray();
        for (Map<String, Object> row : rows) {
            writeObject(json, row);
        }
        json.writeEndArray();
    }

    /** Writes any tree of maps, lists and row values, for documents such as {@code _schema}. */
    public void document(HttpServletResponse response, Object document) throws IOException {
        start(response, HttpServletResponse.SC_OK, JSON);
        try (JsonGenerator json = generator(response.getOutputStream())) {
            writeValue(json, document);
        }
    }

    /** An RFC 9457 problem: type, title, status, detail, instance, plus Sentro's code and the parameter at fault. */
    public void problem(HttpServletRequest request, HttpServletResponse response, SentroException problem)
            throws IOException {
        response.resetBuffer();
        problem.headers().forEach(response::setHeader);
        start(response, problem.status(), PROBLEM_JSON);
        try (JsonGenerator json = generator(response.getOutputStream())) {
            json.writeStartObject();
            json.writeStringProperty("type", problem.code().type());
            json.writeStringProperty("title", problem.code().title());
            json.writeNumberProperty("status", problem.status());
            json.writeStringProperty("detail", problem.detail());
            if (request.getRequestURI() != null) {
                json.writeStringProperty("instance", request.getRequestURI());
            }
            json.writeStringProperty("code", problem.code().code());
            if (problem.parameter() != null) {
                json.writeStringProperty("parameter", problem.parameter());
            }
            for (Map.Entry<String, String> member : problem.extensions().entrySet()) {
                json.writeStringProperty(member.getKey(), member.getValue());
            }
            json.writeEndObject();
        }
    }

    /**
     * The type of a downloaded file: the result's {@code contentType}, else the one its extension says (Spring's
     * table, plus Markdown, which it lacks), else text/plain for text and octet-stream for bytes.
     */
    private static MediaType fileType(String filename, @Nullable Object contentType, boolean text) {
        if (contentType != null) {
            return MediaType.parseMediaType(String.valueOf(contentType));
        }
        String lower = filename.toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith(".md") || lower.endsWith(".markdown")) {
            return MediaType.parseMediaType("text/markdown");
        }
        return MediaTypeFactory.getMediaType(filename)
                .orElse(text ? MediaType.TEXT_PLAIN : MediaType.APPLICATION_OCTET_STREAM);
    }

    private JsonGenerator generator(OutputStream out) {
        return mapper.createGenerator(out);
    }

    private static void start(HttpServletResponse response, int status, String contentType) {
        response.setStatus(status);
        response.setContentType(contentType);
        response.setCharacterEncoding("UTF-8");
    }

    private static void writeObject(JsonGenerator json, Map<?, ?> object) {
        json.writeStartObject();
        // forEach, not entrySet(): a row read from the database walks its arrays without building entries.
        object.forEach((name, value) -> {
            json.writeName(String.valueOf(name));
            writeValue(json, value);
        });
        json.writeEndObject();
    }

    static void writeValue(JsonGenerator json, @Nullable Object value) {
        if (value == null) {
            json.writeNull();
        }
        else if (value instanceof String text) {
            json.writeString(text);
        }
        else if (value instanceof Integer number) {
            json.writeNumber(number);
        }
        else if (value instanceof Long number) {
            json.writeNumber(number);
        }
        else if (value instanceof BigDecimal number) {
            json.writeNumber(number);
        }
        else if (value instanceof Boolean bool) {
            json.writeBoolean(bool);
        }
        else if (value instanceof Double number) {
            json.writeNumber(number);
        }
        else if (value instanceof Float number) {
            json.writeNumber(number);
        }
        else if (value instanceof Short number) {
            json.writeNumber(number);
        }
        else if (value instanceof BigInteger number) {
            json.writeNumber(number);
        }
        else if (value instanceof JsonText text) {
            json.writeRawValue(text.json());
        }
        else if (value instanceof OffsetDateTime dateTime) {
            json.writeString(IsoTimes.format(dateTime));
        }
        else if (value instanceof LocalDateTime dateTime) {
            json.writeString(IsoTimes.format(dateTime));
        }
        else if (value instanceof LocalDate date) {
            json.writeString(IsoTimes.format(date));
        }
        else if (value instanceof LocalTime time) {
            json.writeString(IsoTimes.format(time));
        }
        else if (value instanceof byte[] bytes) {
            json.writeBinary(bytes);
        }
        else if (value instanceof Map<?, ?> map) {
            writeObject(json, map);
        }
        else if (value instanceof Collection<?> collection) {
            json.writeStartArray();
            for (Object element : collection) {
                writeValue(json, element);
            }
            json.writeEndArray();
        }
        else if (value instanceof Object[] array) {
            writeValue(json, java.util.Arrays.asList(array));
        }
        else {
            json.writeString(value.toString());
        }
    }
}
