package io.sentro.sample.entities;

import java.util.List;
import java.util.Map;

import io.sentro.sample.integrations.EmailService;
import io.sentro.spring.entities.Embed;
import io.sentro.spring.entities.Page;
import io.sentro.spring.entities.Query;
import io.sentro.spring.entities.Row;
import io.sentro.spring.entities.SentroEntities;
import io.sentro.spring.entities.Sort;

import org.springframework.context.annotation.Profile;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import static io.sentro.spring.query.Operator.EQ;

/**
 * Every hour, the editors get an e-mail listing the comments that wait for approval: a scheduled job reading through
 * the entity API, as the application itself (no user is signed in to a job). The digest shows in
 * {@code GET /sample/integrations}.
 */
@Component
@Profile("seeds")
public class PendingCommentsDigest {

    private final SentroEntities entities;
    private final EmailService email;

    public PendingCommentsDigest(SentroEntities entities, EmailService email) {
        this.entities = entities;
        this.email = email;
    }

    @Scheduled(fixedDelayString = "${sample.digest.interval:PT1H}", initialDelayString = "${sample.digest.interval:PT1H}")
    public int send() {
        Page<Row> pending = entities.asSystem().table("comments").find(Query.where("status", EQ, "pending")
                .sort(Sort.asc("created_at")).embed(Embed.of("post").fields("id", "title")).limit(50));
        if (pending.rows().isEmpty()) {
            return 0;
        }
        List<String> lines = pending.rows().stream().map(comment -> comment.get("author_name") + " on \""
                + ((Row) comment.get("post")).get("title") + "\": " + comment.get("text")).toList();
        email.sendTemplate("editors@example.com", "pending-comments", Map.of("count", lines.size(), "comments", lines));
        return lines.size();
    }
}
