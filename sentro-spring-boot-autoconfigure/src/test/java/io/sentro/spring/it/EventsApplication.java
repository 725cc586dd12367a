package io.sentro.spring.it;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.sentro.spring.customize.ModelCustomizer;
import io.sentro.spring.customize.Operation;
import io.sentro.spring.error.SentroException;
import io.sentro.spring.events.ChangeEvent;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The application of the change event scenarios: listeners of both kinds record what they receive; a post titled
 * "rollback" is refused by an after hook, after its row was written; a label named "quiet" makes no event.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class EventsApplication {

    static final List<ChangeEvent> RECEIVED = Collections.synchronizedList(new ArrayList<>());
    static final List<ChangeEvent> AFTER_COMMIT = Collections.synchronizedList(new ArrayList<>());

    @Bean
    Listeners listeners() {
        return new Listeners();
    }

    static class Listeners {

        @EventListener
        void on(ChangeEvent event) {
            RECEIVED.add(event);
        }

        @TransactionalEventListener
        void afterCommit(ChangeEvent event) {
            AFTER_COMMIT.add(event);
        }
    }

    @Bean
    ModelCustomizer eventfulPosts() {
        return new ModelCustomizer("posts").onAfter(Operation.CREATE, (result, ctx) -> {
            if (result.rows().stream().anyMatch(row -> "rollback".equals(row.get("title")))) {
                throw new SentroException(409, "rolled back after the insert");
            }
            return result;
        }).addAction(io.sentro.spring.customize.Action.detail("feature", "Feature", (request, post, db) -> {
            // Writes through db make events too: an update of the post, a new label, and, when asked, a refusal
            // that rolls them back.
            db.update("posts", java.util.Map.of("views", 99), java.util.Map.of("id", post.get("id")));
            db.insert("labels", java.util.Map.of("name", "featured-" + post.get("id")));
            if (Boolean.TRUE.equals(request.param("refuse"))) {
                return io.sentro.spring.customize.ActionResult.failure("refused after writing");
            }
            return io.sentro.spring.customize.ActionResult.success("featured");
        }));
    }

    @Bean
    ModelCustomizer eventfulLabels() {
        return new ModelCustomizer("labels").onChangeEvent(event -> event.after() != null
                && "quiet".equals(event.after().get("name")) ? null : event);
    }
}
