package io.sentro.sample.seeds;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

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
        // Display fields get null, never an exception, for a row without the columns they need.
        c.addDisplayField("spotsRemaining", event -> {
            Long max = Fields.wholeNumber(event.get("max_attendees"));
            Long current = Fields.wholeNumber(event.get("current_attendees"));
            return max == null || current == null ? null : max - current;
        });
        c.addDisplayField("isFull", event -> {
            Long max = Fields.wholeNumber(event.get("max_attendees"));
            Long current = Fields.wholeNumber(event.get("current_attendees"));
            return max == null || current == null ? null : current >= max;
        });
        c.addDisplayField("formattedDate", event -> event.get("start_date") instanceof OffsetDateTime start
                ? LONG_DATE.format(start) : null);
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
                if (registration.get("email") instanceof String to) {
                    email.send(to, "Update: " + record.get("title"), html);
                }
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
            // The hook sees the payload before Sentro checks it against the table: event_id may be missing, null or
            // (put by another hook) not a number. Then there is nothing to check here, and the API answers 400
            // naming event_id once the hooks ran.
            Long eventId = Fields.wholeNumber(payload.get("event_id"));
            if (eventId != null) {
                Map<String, Object> event = ctx.db().getSingle("events", Map.of("id", eventId));
                if (event == null) {
                    throw new SentroException(422, "'event_id' " + eventId + " names no event");
                }
                Long max = Fields.wholeNumber(event.get("max_attendees"));
                Long current = Fields.wholeNumber(event.get("current_attendees"));
                if (max != null && current != null && current >= max) {
                    throw new SentroException(409, "Event is full");
                }
            }
            payload.put("registered_at", OffsetDateTime.now());
            return payload;
        });
        c.onAfter(Operation.CREATE, (result, ctx) -> {
            for (Map<String, Object> registration : result.rows()) {
                Long eventId = Fields.wholeNumber(registration.get("event_id"));
                if (eventId != null) {
                    ctx.db().update("events", Map.of("current_attendees", ctx.db().raw("current_attendees + 1")),
                            Map.of("id", eventId));
                }
            }
            return result;
        });
        // The confirmation goes once the registration is committed: not for one the request then rolled back.
        c.onCommitted(Operation.CREATE, committed -> {
            EmailService email = integrations.using("email", EmailService.class);
            for (Map<String, Object> registration : committed.rows()) {
                Long eventId = Fields.wholeNumber(registration.get("event_id"));
                Map<String, Object> event = eventId == null ? null
                        : committed.db().getSingle("events", Map.of("id", eventId));
                if (email != null && event != null && registration.get("email") instanceof String to) {
                    email.sendTemplate(to, "event-confirmation", Map.of(
                            "eventName", Objects.toString(event.get("title"), ""),
                            "eventDate", Objects.toString(event.get("start_date"), ""),
                            "attendeeName", Objects.toString(registration.get("name"), "")));
                }
            }
        });
        return c;
    }
}
