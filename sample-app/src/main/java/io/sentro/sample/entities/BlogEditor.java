package io.sentro.sample.entities;

import java.util.Map;

import io.sentro.spring.entities.Changes;
import io.sentro.spring.entities.SentroEntities;
import io.sentro.spring.entities.Query;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static io.sentro.spring.query.Operator.EQ;

/**
 * An editor's "publish with its comments": two writes through the entity API, as the signed-in caller (their rules
 * and row scope apply, and the posts' hooks run), in one transaction: if the second fails, the first is rolled back.
 */
@Service
@Profile("seeds")
public class BlogEditor {

    private final SentroEntities entities;

    public BlogEditor(SentroEntities entities) {
        this.entities = entities;
    }

    @Transactional
    public long publishWithComments(long postId) {
        entities.table("posts").update(postId, Map.of("status", "published"));
        Changes approved = entities.table("comments").update(
                Query.where("post_id", EQ, postId).and("status", EQ, "pending"), Map.of("status", "approved"));
        return approved.count();
    }
}
