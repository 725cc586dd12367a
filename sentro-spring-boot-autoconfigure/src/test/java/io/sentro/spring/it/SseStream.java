package io.sentro.spring.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A change stream the scenarios read: the lines received so far, collected by a reader thread. Each stream has a
 * socket of its own, closed with it. The request is HTTP/1.0, so the server sends the stream as it is (no chunks) and
 * ends it by closing. (With the JDK's {@code HttpClient}, a stream opened right after another was cancelled sometimes
 * stalled after its first bytes though the server went on writing; {@code HttpURLConnection} cannot close a stream
 * while its reader waits.)
 */
final class SseStream {

    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
    private final CompletableFuture<String> contentType = new CompletableFuture<>();
    private final Socket socket;

    private SseStream(Socket socket) {
        this.socket = socket;
    }

    /** Opens {@code url}; {@code headers} are name, value pairs. */
    static SseStream open(String url, String... headers) {
        URI uri = URI.create(url);
        try {
            Socket socket = new Socket(uri.getHost(), uri.getPort());
            StringBuilder request = new StringBuilder("GET " + uri.getRawPath() + " HTTP/1.0\r\nHost: "
                    + uri.getHost() + ":" + uri.getPort() + "\r\n");
            for (int i = 0; i < headers.length; i += 2) {
                request.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
            }
            OutputStream out = socket.getOutputStream();
            out.write(request.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            SseStream stream = new SseStream(socket);
            Thread reader = new Thread(stream::read, "sse-reader");
            reader.setDaemon(true);
            reader.start();
            return stream;
        }
        catch (IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                StandardCharsets.UTF_8))) {
            String type = "";
            for (String header = in.readLine(); header != null && !header.isEmpty(); header = in.readLine()) {
                if (header.toLowerCase(Locale.ROOT).startsWith("content-type:")) {
                    type = header.substring("content-type:".length()).trim();
                }
            }
            contentType.complete(type);
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines.add(line);
            }
        }
        catch (IOException ex) {
            // The scenario closed the stream.
        }
        finally {
            contentType.complete("");
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
        return contentType.get(20, TimeUnit.SECONDS);
    }

    /** Closes the connection: the server finds it gone at its next write. */
    void close() throws IOException {
        socket.close();
    }
}
