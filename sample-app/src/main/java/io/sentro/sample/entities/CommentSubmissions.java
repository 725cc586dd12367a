package io.sentro.sample.entities;

import java.util.Map;

import io.sentro.spring.entities.SentroEntities;

import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Comments that arrive as messages (from a broker's listener; here an application event stands in for it): each
 * becomes a comment through the entity API, as the application itself, with the comments' hooks: the moderation
 * hook approves it, or holds it as pending when it looks like spam.
 */
@Component
@Profile("seeds")
public class CommentSubmissions {

    /** A comment as a message carries it. */
    public record CommentSubmitted(long postId, String author, String text) {
    }

    private final SentroEntities entities;

    public CommentSubmissions(SentroEntities entities) {
        this.entities = entities;
    }

    @EventListener
    public void on(CommentSubmitted message) {
        entities.asSystem().table("comments").insert(Map.of("post_id", message.postId(),
                "author_name", message.author(), "text", message.text()));
    }
}
