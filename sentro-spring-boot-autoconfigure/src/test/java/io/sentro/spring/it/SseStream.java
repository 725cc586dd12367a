package io.sentro.spring.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/** A change stream the scenarios read: the lines received so far, collected by a reader thread, and the body. */
final class SseStream {

    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
    private final CompletableFuture<HttpResponse<Stream<String>>> response;

    private SseStream(HttpClient http, HttpRequest request) {
        this.response = http.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        response.thenAccept(answer -> {
            Thread reader = new Thread(() -> {
                try {
                    answer.body().forEach(lines::add);
                }
                catch (java.io.UncheckedIOException closed) {
                    // The scenario closed the stream.
                }
            }, "sse-reader");
            reader.setDaemon(true);
            reader.start();
        });
    }

    /** Opens {@code url}; {@code headers} are name, value pairs. */
    static SseStream open(HttpClient http, String url, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return new SseStream(http, request.build());
    }

    List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    String text() {
        return String.join("\n", lines());
    }

    /** The ids of the events received, in order. */
    List<String> ids() {
        return lines().stream().filter(line -> line.startsWith("id: ")).map(line -> line.substring(4)).toList();
    }

    HttpResponse<Stream<String>> response() throws Exception {
        return response.get();
    }

    void close() throws Exception {
        response.get().body().close();
    }
}
