package io.sentro.spring.events;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Set;
import java.util.function.Predicate;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * Delivers change events to a webhook: a POST of the event as JSON, signed so that the receiver can tell it came
 * from this application and is fresh. The signature is {@code Sentro-Signature: v1=<hex>}, the HMAC-SHA256, keyed
 * with the webhook's secret, of {@code <Sentro-Timestamp>.<body>}; the timestamp is Unix seconds, so a receiver
 * refuses one too old (a replay). Any answer but 2xx, or none within the timeout, is a failed delivery: the outbox
 * delivers the event again later.
 */
public final class WebhookChangeEventTarget implements ChangeEventTarget {

    /** The event's id, for receivers that drop duplicates. */
    public static final String EVENT_ID = "Sentro-Event-Id";
    public static final String TIMESTAMP = "Sentro-Timestamp";
    public static final String SIGNATURE = "Sentro-Signature";

    private final String url;
    private final Predicate<ChangeEvent> selects;
    private final @Nullable SecretKeySpec key;
    private final RestClient http;
    private final Clock clock;
    private final ChangeEventJson json = new ChangeEventJson();

    /**
     * @param selects the events this webhook takes (its tables and operations)
     * @param secret the signing secret, or {@code null} to send unsigned
     * @param http the client to post with, its timeouts set
     */
    public WebhookChangeEventTarget(String url, Predicate<ChangeEvent> selects, @Nullable String secret,
            RestClient http, Clock clock) {
        this.url = url;
        this.selects = selects;
        this.key = secret == null || secret.isEmpty() ? null
                : new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.http = http;
        this.clock = clock;
    }

    /** A selection of events by table name and operation; empty sets take every one. */
    public static Predicate<ChangeEvent> selecting(Predicate<String> tables, Set<String> operations) {
        return event -> tables.test(event.table()) && (operations.isEmpty() || operations.contains(event.operation()));
    }

    @Override
    public void deliver(ChangeEvent event) {
        if (!selects.test(event)) {
            return;
        }
        String body = json.write(event);
        String timestamp = String.valueOf(clock.instant().getEpochSecond());
        RestClient.RequestBodySpec request = http.post().uri(url).contentType(MediaType.APPLICATION_JSON)
            .header(EVENT_ID, event.id()).header(TIMESTAMP, timestamp);
        if (key != null) {
            request.header(SIGNATURE, "v1=" + sign(key, timestamp + "." + body));
        }
        // A non-2xx answer throws (RestClient's default status handling): the delivery failed.
        request.body(body).retrieve().toBodilessEntity();
    }

    /** The hex HMAC-SHA256 of a text: what a receiver computes to check {@code Sentro-Signature}. */
    public static String sign(SecretKeySpec key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException | InvalidKeyException ex) {
            throw new IllegalStateException("HmacSHA256 is not available", ex);
        }
    }
}
