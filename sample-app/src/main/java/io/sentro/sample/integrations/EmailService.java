package io.sentro.sample.integrations;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.sentro.spring.customize.SentroIntegration;

/**
 * The seeds' e-mail service, in process: nothing leaves the machine; every message is kept in an outbox that
 * {@code GET /sample/outbox} shows. Registered in Sentro's integrations as {@code email}.
 */
public class EmailService implements SentroIntegration {

    /** One message the application asked to send. */
    public record Email(String to, String subject, String template, Map<String, Object> variables, Instant at) {
    }

    private final List<Email> outbox = new ArrayList<>();

    public synchronized void sendTemplate(String to, String template, Map<String, Object> variables) {
        outbox.add(new Email(to, template, template, Map.copyOf(variables), Instant.now()));
    }

    public synchronized void send(String to, String subject, String html) {
        outbox.add(new Email(to, subject, "", Map.of("html", html), Instant.now()));
    }

    public synchronized List<Email> outbox() {
        return List.copyOf(outbox);
    }
}
