package io.sentro.spring.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;

import static io.sentro.spring.it.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A change stream resumed with {@code Last-Event-ID}, from the outbox: a client that reconnects with the id of the
 * last event it got receives the events it missed, in order, then the live ones, none twice.
 */
abstract class ChangeStreamResumeScenarios extends DatabaseScenarios {

    private final HttpClient http = HttpClient.newHttpClient();

    @Override
    protected Class<?> application() {
        return PlainApplication.class;
    }

    @Override
    protected String[] properties() {
        return new String[] { "sentro.security.access.default=permit-all", "sentro.events.enabled=true",
                "sentro.events.tables=posts", "sentro.events.outbox.enabled=true", "sentro.events.sse.heartbeat=200ms" };
    }

    private SseStream open(String lastEventId) {
        String url = api.origin() + "/api/posts/_changes";
        return lastEventId == null ? SseStream.open(url) : SseStream.open(url, "Last-Event-ID", lastEventId);
    }

    private void post(String title) {
        assertThat(api.post("/api/posts", "{\"author_id\": 1, \"title\": \"" + title + "\"}").status())
            .isEqualTo(201);
    }

    @Test
    void aReconnectingClientGetsWhatItMissedThenLiveEventsNoneTwice() throws Exception {
        SseStream first = open(null);
        await(() -> first.text().contains("sentro change stream"), "the stream open");
        post("before the break");
        await(() -> first.text().contains("before the break"), "the first event");
        String last = first.ids().get(0);
        assertThat(last).matches("\\d+");
        first.close();

        post("missed one");
        post("missed two");
        SseStream resumed = open(last);
        try {
            await(() -> resumed.text().contains("missed two"), "the missed events");
        }
        catch (AssertionError ex) {
            throw new AssertionError("resumed after " + last + " (" + app.context().getBean(
                    io.sentro.spring.web.ChangeStreams.class).subscribers() + " streams open) got: "
                    + resumed.text(), ex);
        }
        post("live again");
        await(() -> resumed.text().contains("live again"), "a live event");
        List<String> titles = resumed.lines().stream().filter(line -> line.startsWith("data: "))
                .map(line -> line.replaceAll(".*\"title\":\"([^\"]*)\".*", "$1")).toList();
        assertThat(titles).containsExactly("missed one", "missed two", "live again");
        assertThat(resumed.ids()).doesNotHaveDuplicates().allSatisfy(id -> assertThat(Long.parseLong(id))
                .isGreaterThan(Long.parseLong(last)));
        resumed.close();
        // The heartbeats find the closed streams and free them.
        io.sentro.spring.web.ChangeStreams streams = app.context().getBean(io.sentro.spring.web.ChangeStreams.class);
        await(() -> streams.subscribers() == 0, "closed streams dropped");

        HttpResponse<String> bad = http.send(HttpRequest.newBuilder(URI.create(api.origin()
                + "/api/posts/_changes")).header("Last-Event-ID", "yesterday").build(), HttpResponse.BodyHandlers
                    .ofString());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("Last-Event-ID");
    }

}
