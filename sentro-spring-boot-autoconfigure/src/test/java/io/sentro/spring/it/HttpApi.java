package io.sentro.spring.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for the scenarios: real requests against the running app. */
final class HttpApi {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(tools.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private final HttpClient client = HttpClient.newHttpClient();
    private final String origin;

    HttpApi(int port) {
        this.origin = "http://127.0.0.1:" + port;
    }

    /** Where the application answers: {@code http://127.0.0.1:<port>}. */
    String origin() {
        return origin;
    }

    /** A response: status, content type, Location, body as text and as JSON. */
    record Response(int status, String contentType, Optional<String> location, Optional<String> allow, String text,
            java.net.http.HttpHeaders headers) {

        JsonNode json() {
            return JSON.readTree(text);
        }

        String header(String name) {
            return headers.firstValue(name).orElse("");
        }
    }

    Response get(String path) {
        return send("GET", path, null, "application/json");
    }

    Response post(String path, String body) {
        return send("POST", path, body, "application/json");
    }

    Response patch(String path, String body) {
        return send("PATCH", path, body, "application/json");
    }

    Response put(String path, String body) {
        return send("PUT", path, body, "application/json");
    }

    Response delete(String path) {
        return send("DELETE", path, null, "application/json");
    }

    Response sendWithHeader(String method, String path, String body, String header, String value) {
        return send(method, path, body, "application/json", header, value);
    }

    Response send(String method, String path, String body, String contentType, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : origin + path));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        if (body != null) {
            request.header("Content-Type", contentType);
            request.method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Location"), response.headers().firstValue("Allow"), response.body(),
                    response.headers());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }
}
