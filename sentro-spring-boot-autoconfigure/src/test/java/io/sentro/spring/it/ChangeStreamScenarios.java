package io.sentro.spring.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.sentro.spring.web.ChangeStreams;
import org.junit.jupiter.api.Test;

import static io.sentro.spring.it.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Live change events over Server-Sent Events ({@code GET /api/posts/_changes}): each subscriber gets only the events
 * of rows in its row scope (a tenant its own posts), without the columns hidden from it; idle streams get
 * heartbeats; streams are bounded, and a closed one frees its place.
 */
abstract class ChangeStreamScenarios extends DatabaseScenarios {

    private static final String ADA = "ada-key-0123456789";
    private static final String ALAN = "alan-key-0123456789";

    private final HttpClient http = HttpClient.newHttpClient();

    @Override
    protected Class<?> application() {
        return PlainApplication.class;
    }

    @Override
    protected String[] properties() {
        return new String[] { "sentro.events.enabled=true", "sentro.events.tables=posts",
                "sentro.events.sse.max-subscribers=2", "sentro.events.sse.heartbeat=200ms",
                "sentro.security.api-keys[0].name=ada", "sentro.security.api-keys[0].key=" + ADA,
                "sentro.security.api-keys[0].attributes.author=1", "sentro.security.api-keys[1].name=alan",
                "sentro.security.api-keys[1].key=" + ALAN, "sentro.security.api-keys[1].attributes.author=2",
                "sentro.security.access.tables.posts.row-scope.author_id=author",
                "sentro.security.access.tables.posts.hidden-columns=rating" };
    }

    private SseStream open(String key) {
        return SseStream.open(api.origin() + "/api/posts/_changes", "X-API-Key", key, "Accept",
                "text/event-stream");
    }

    @Test
    void eachTenantGetsItsOwnRowsChangesWithoutHiddenColumns() throws Exception {
        SseStream ada = open(ADA);
        SseStream alan = open(ALAN);
        await(() -> ada.text().contains("sentro change stream") && alan.text().contains("sentro change stream"),
                "both streams open");
        assertThat(ada.contentType()).startsWith("text/event-stream");

        // Both places are taken: a third stream is refused.
        HttpResponse<String> third = http.send(HttpRequest.newBuilder(URI.create(api.origin()
                + "/api/posts/_changes")).header("X-API-Key", ADA).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(third.statusCode()).isEqualTo(503);
        assertThat(third.body()).contains("SENTRO-503").contains("sentro.events.sse.max-subscribers");

        assertThat(api.send("POST", "/api/posts", "{\"author_id\": 1, \"title\": \"ada writes\"}",
                "application/json", "X-API-Key", ADA).status()).isEqualTo(201);
        assertThat(api.send("POST", "/api/posts", "{\"author_id\": 2, \"title\": \"alan writes\"}",
                "application/json", "X-API-Key", ALAN).status()).isEqualTo(201);
        await(() -> ada.text().contains("ada writes") && alan.text().contains("alan writes"), "each tenant's event");
        Thread.sleep(300);
        assertThat(ada.text()).doesNotContain("alan writes").contains("event: create").contains("id: ");
        assertThat(alan.text()).doesNotContain("ada writes");
        String data = ada.lines().stream().filter(line -> line.startsWith("data: ") && line.contains("ada writes"))
                .findFirst().orElseThrow();
        assertThat(data).contains("\"table\":\"posts\"").doesNotContain("rating");
        // Idle streams get heartbeats.
        await(() -> ada.text().contains(": heartbeat"), "a heartbeat");

        // A client that goes away frees its place.
        ada.close();
        alan.close();
        ChangeStreams streams = app.context().getBean(ChangeStreams.class);
        await(() -> streams.subscribers() == 0, "closed streams dropped");
        SseStream again = open(ADA);
        await(() -> again.text().contains("sentro change stream"), "a new stream");
        again.close();
        await(() -> streams.subscribers() == 0, "the new stream dropped once closed");
    }

}
