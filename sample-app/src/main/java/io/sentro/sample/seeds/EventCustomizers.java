package io.sentro.sample.seeds;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.sentro.sample.integrations.EmailService;
import io.sentro.spring.customize.Action;
import io.sentro.spring.customize.ActionResult;
import io.sentro.spring.customize.Integrations;
import io.sentro.spring.customize.ModelCustomizer;
import io.sentro.spring.customize.Operation;
import io.sentro.spring.error.SentroException;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Seed example 5, the event platform: capacity display fields, a notify action, and registrations that are refused
 * when the event is full, count the attendee and send a confirmation, all in one transaction.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(SeedExamplesCondition.class)
class EventCustomizers {

    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy", Locale.US);

    @Bean
    ModelCustomizer events(Integrations integrations) {
        var c = new ModelCustomizer("events");
        c.rename("Events");
        c.addDisplayField("spotsRemaining", event -> (Integer) event.get("max_attendees")
                - (Integer) event.get("current_attendees"));
        c.addDisplayField("isFull", event -> (Integer) event.get("current_attendees")
                >= (Integer) event.get("max_attendees"));
        c.addDisplayField("formattedDate", event -> LONG_DATE.format((OffsetDateTime) event.get("start_date")));
        c.addAction(Action.detail("notify-attendees", "Notify Attendees", (request, record, db) -> {
            Object message = request.param("message");
            if (!(message instanceof String html) || html.isBlank()) {
                return ActionResult.failure("'message' is required");
            }
            EmailService email = integrations.using("email", EmailService.class);
            if (email == null) {
                return ActionResult.failure("Email not configured");
            }
            List<Map<String, Object>> registrations = db.get("registrations", Map.of("event_id", record.get("id")));
            for (Map<String, Object> registration : registrations) {
                email.send((String) registration.get("email"), "Update: " + record.get("title"), html);
            }
            return ActionResult.success("Notified " + registrations.size() + " attendees")
                    .with("sent", registrations.size());
        }));
        return c;
    }

    @Bean
    ModelCustomizer registrations(Integrations integrations) {
        var c = new ModelCustomizer("registrations");
        c.rename("Event Registrations");
        c.onBefore(Operation.CREATE, (payload, ctx) -> {
            Map<String, Object> event = ctx.db().getSingle("events", Map.of("id", payload.get("event_id")));
            if (event == null) {
                throw new SentroException(404, "No event " + payload.get("event_id"));
            }
            if ((Integer) event.get("current_attendees") >= (Integer) event.get("max_attendees")) {
                throw new SentroException(409, "Event is full");
            }
            payload.put("registered_at", OffsetDateTime.now());
            return payload;
        });
        c.onAfter(Operation.CREATE, (result, ctx) -> {
            Map<String, Object> registration = result.rows().get(0);
            ctx.db().update("events", Map.of("current_attendees", ctx.db().raw("current_attendees + 1")),
                    Map.of("id", registration.get("event_id")));
            return result;
        });
        // The confirmation goes once the registration is committed: not for one the request then rolled back.
        c.onCommitted(Operation.CREATE, committed -> {
            Map<String, Object> registration = committed.rows().get(0);
            Map<String, Object> event = committed.db().getSingle("events", Map.of("id", registration.get("event_id")));
            EmailService email = integrations.using("email", EmailService.class);
            if (email != null && event != null) {
                email.sendTemplate((String) registration.get("email"), "event-confirmation", Map.of(
                        "eventName", event.get("title"),
                        "eventDate", String.valueOf(event.get("start_date")),
                        "attendeeName", registration.get("name")));
            }
        });
        return c;
    }
}
