package io.sentro.spring.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A change stream the scenarios read: the lines received so far, collected by a reader thread. Each stream has a
 * connection of its own, closed with it: with the JDK's {@code HttpClient} a stream opened right after another was
 * cancelled sometimes stalled after its first bytes, though the server went on writing (a heartbeat every 200 ms).
 */
final class SseStream {

    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
    private final CompletableFuture<HttpURLConnection> opened = new CompletableFuture<>();
    private volatile HttpURLConnection connection;

    private SseStream(String url, String... headers) {
        Thread reader = new Thread(() -> read(url, headers), "sse-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens {@code url}; {@code headers} are name, value pairs. */
    static SseStream open(String url, String... headers) {
        return new SseStream(url, headers);
    }

    private void read(String url, String... headers) {
        try {
            HttpURLConnection http = (HttpURLConnection) URI.create(url).toURL().openConnection();
            connection = http;
            http.setUseCaches(false);
            http.setConnectTimeout(10_000);
            for (int i = 0; i < headers.length; i += 2) {
                http.setRequestProperty(headers[i], headers[i + 1]);
            }
            http.getResponseCode();
            opened.complete(http);
            try (BufferedReader in = new BufferedReader(new InputStreamReader(http.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            }
        }
        catch (IOException ex) {
            // The scenario closed the stream, or the server refused it (opened says how).
            opened.completeExceptionally(ex);
        }
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

    /** The answer's {@code Content-Type}, once its head came. */
    String contentType() throws Exception {
        return opened.get(20, TimeUnit.SECONDS).getContentType();
    }

    /** Closes the connection: the server finds it gone at its next write. */
    void close() {
        HttpURLConnection http = connection;
        if (http != null) {
            http.disconnect();
        }
    }
}
