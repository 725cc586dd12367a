package io.sentro.spring.it;

import java.util.List;
import java.util.Map;

import io.sentro.spring.customize.Origin;
import io.sentro.spring.entities.Changes;
import io.sentro.spring.entities.Conflict;
import io.sentro.spring.entities.Entity;
import io.sentro.spring.entities.Query;
import io.sentro.spring.entities.Row;
import io.sentro.spring.entities.SentroEntities;
import io.sentro.spring.entities.Upserted;
import io.sentro.spring.error.ErrorCode;
import io.sentro.spring.error.SentroException;
import io.sentro.spring.events.ChangeEvent;
import io.sentro.spring.security.ApiKeyAuthentication;
import io.sentro.spring.security.SentroCredentials;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.security.core.Authentication;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static io.sentro.spring.query.Operator.EQ;
import static io.sentro.spring.query.Operator.IN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The entity API's writes on every available database, mirroring the HTTP scenarios: creates (one, several, nested,
 * typed records), updates and deletes by key and by query with their guard, upserts, actions; hooks and field writers
 * running for entity calls; the caller's rules; composition in the application's transaction (a failure in a second
 * call leaves the first unwritten); change events after commit only; bad input refused before anything is written.
 */
abstract class EntityWriteScenarios extends SecuredScenarios {

    static final String READER = "reader-key-0123456789";
    static final String EDITOR = "editor-key-0123456789";

    /** A post as the application's own record: columns by name, camelCase. */
    record Post(Long id, Long authorId, String title, String status, Integer views) {
    }

    private SentroEntities entities;
    private TransactionTemplate transactions;

    @Override
    protected String[] securityProperties() {
        return new String[] {
                "sentro.security.api-keys[0].name=reader", "sentro.security.api-keys[0].key=" + READER,
                "sentro.security.api-keys[0].roles=READER",
                "sentro.security.api-keys[1].name=editor", "sentro.security.api-keys[1].key=" + EDITOR,
                "sentro.security.api-keys[1].roles=EDITOR",
                "sentro.events.enabled=true", "sentro.events.tables=labels" };
    }

    @BeforeEach
    void entities() {
        entities = app.context().getBean(SentroEntities.class);
        transactions = new TransactionTemplate(app.context().getBean(PlatformTransactionManager.class));
        SecuredApplication.COMMITTED.clear();
    }

    @Test
    void createsOneSeveralNestedAndTypedRowsThroughTheHooks() {
        Entity posts = entities.asSystem().table("posts");
        int hooks = SecuredApplication.POSTS_HOOKS.get();
        Row created = posts.insert(Map.of("author_id", 1, "title", "By the entity API"));
        assertThat(created.get("id")).isNotNull();
        assertThat(created.get("slug")).as("the title's field writer ran").isEqualTo("by-the-entity-api");
        assertThat(posts.update(created.get("id"), Map.of("title", "Renamed Once")).get("slug"))
                .isEqualTo("renamed-once");
        assertThat(created.get("status")).isEqualTo("draft");
        assertThat(SecuredApplication.POSTS_HOOKS.get()).as("the CREATE hooks ran").isGreaterThan(hooks);
        assertThat(SecuredApplication.LAST_ORIGIN.get()).isEqualTo(Origin.ENTITY_API);
        List<Row> two = entities.asSystem().table("labels").insert(List.of(Map.of("name", "one"), Map.of("name", "two")));
        assertThat(two).extracting(row -> row.get("name")).containsExactly("one", "two");
        Row author = entities.asSystem().table("authors").insert(Map.of("name", "Nested", "email", "nested@example.com",
                "posts", List.of(Map.of("title", "Nested one"), Map.of("title", "Nested two"))));
        assertThat((List<?>) author.get("posts")).hasSize(2);
        assertThat(count("posts")).isEqualTo(8);

        Post typed = posts.insert(new Post(null, 2L, "A record", null, null));
        assertThat(typed.id()).isNotNull();
        assertThat(typed.status()).isEqualTo("draft");
        assertThat(typed.authorId()).isEqualTo(2L);
        assertThat(posts.find(Query.where("id", EQ, typed.id()), Post.class).rows()).containsExactly(typed);
    }

    @Test
    void updatesAndDeletesByKeyAndByQueryWithTheGuard() {
        Entity posts = entities.asSystem().table("posts");
        assertThat(posts.update(2L, Map.of("title", "Renamed")).get("title")).isEqualTo("Renamed");
        String before = fingerprint();
        SentroException tooMany = catchSentro(() -> posts.update(Query.where("status", EQ, "published"),
                Map.of("views", 1), 2));
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(fingerprint()).as("a refused bulk write changes nothing").isEqualTo(before);
        Changes changed = posts.update(Query.where("status", EQ, "published"), Map.of("views", 1), 3);
        assertThat(changed.count()).isEqualTo(3);
        assertThat(changed.rows()).extracting(row -> ((Number) row.get("views")).intValue()).containsOnly(1);
        Entity labels = entities.asSystem().table("labels");
        Row label = labels.insert(Map.of("name", "short-lived"));
        labels.delete(label.get("id"));
        assertThat(labels.findOne(label.get("id"))).isEmpty();
        assertThat(catchSentro(() -> labels.delete(label.get("id"))).code()).isEqualTo(ErrorCode.ROW_NOT_FOUND);
        labels.insert(List.of(Map.of("name", "tmp-a"), Map.of("name", "tmp-b")));
        assertThat(catchSentro(() -> labels.delete(Query.where("name", IN, List.of("tmp-a", "tmp-b")), 1)).status())
                .isEqualTo(400);
        assertThat(labels.delete(Query.where("name", IN, List.of("tmp-a", "tmp-b"))).count()).isEqualTo(2);
        assertThat(catchSentro(() -> labels.delete(Query.where("name", EQ, "java").limit(1))).parameter())
                .isEqualTo("where");
    }

    @Test
    void upsertsMergeOrIgnore() {
        Entity labels = entities.asSystem().table("labels");
        Upserted existing = labels.upsert(Map.of("name", "java"), Conflict.ignore().on("name"));
        assertThat(existing.created()).isFalse();
        assertThat(((Number) existing.row().get("id")).longValue()).isEqualTo(1);
        Upserted created = labels.upsert(Map.of("name", "kotlin"), Conflict.merge().on("name"));
        assertThat(created.created()).isTrue();
        assertThat(count("labels")).isEqualTo(4);
    }

    @Test
    void actionsRunWithTheirRules() {
        Map<String, Object> published = entities.as(authenticate(EDITOR)).table("posts").action("publish")
                .run(2, Map.of());
        assertThat(published.get("success")).isEqualTo(true);
        assertThat(jdbc.queryForObject("SELECT status FROM posts WHERE id = 2", String.class)).isEqualTo("published");
        Map<String, Object> titles = entities.asSystem().table("posts").action("titles")
                .run(Query.where("id", IN, List.of(1, 2)), Map.of());
        assertThat(titles.get("message")).isEqualTo("Hello world, Second post");
        SentroException refused = catchSentro(() -> entities.as(authenticate(READER)).table("posts").action("publish")
                .run(1, Map.of()));
        assertThat(refused.code()).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(catchSentro(() -> entities.asSystem().table("posts").action("nope")).code())
                .isEqualTo(ErrorCode.NO_ROUTE);
    }

    @Test
    void theCallersRulesDecideAndARefusalWritesNothing() {
        String before = fingerprint();
        int hooks = SecuredApplication.POSTS_HOOKS.get();
        SentroException refused = catchSentro(() -> entities.as(authenticate(READER)).table("posts")
                .insert(Map.of("author_id", 1, "title", "not allowed")));
        assertThat(refused.code()).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(catchSentro(() -> entities.table("labels").insert(Map.of("name", "anonymous"))).code())
                .isEqualTo(ErrorCode.UNAUTHENTICATED);
        assertThat(fingerprint()).isEqualTo(before);
        assertThat(SecuredApplication.POSTS_HOOKS.get()).as("hooks run on refused calls").isEqualTo(hooks);
        Row byEditor = entities.as(authenticate(EDITOR)).table("posts").insert(Map.of("author_id", 1, "title", "ok"));
        assertThat(byEditor.get("title")).isEqualTo("ok");
        assertThat(SecuredApplication.LAST_PRINCIPAL.get()).isEqualTo("editor");
    }

    @Test
    void badInputIsRefusedBeforeAnySql() {
        String before = fingerprint();
        int statements = ConnectionLog.STATEMENTS.get();
        int hooks = SecuredApplication.POSTS_HOOKS.get();
        Entity posts = entities.asSystem().table("posts");
        SentroException unknown = catchSentro(() -> posts.insert(Map.of("author_id", 1, "title", "x", "nope", 1)));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.parameter()).isEqualTo("nope");
        SentroException wrongType = catchSentro(() -> posts.insert(Map.of("author_id", 1, "title", "x",
                "views", "many")));
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.parameter()).isEqualTo("views");
        assertThat(catchSentro(() -> posts.update(List.of(1, 2), Map.of("title", "x"))).parameter()).isEqualTo("key");
        assertThat(catchSentro(() -> posts.update(Query.where("nope", EQ, 1), Map.of("title", "x"))).parameter())
                .isEqualTo("where.nope.eq");
        assertThat(ConnectionLog.STATEMENTS.get()).as("statements prepared for bad input").isEqualTo(statements);
        assertThat(SecuredApplication.POSTS_HOOKS.get()).as("hooks run for bad input").isEqualTo(hooks);
        assertThat(fingerprint()).isEqualTo(before);
    }

    @Test
    void callsComposeInTheApplicationsTransaction() {
        Entity labels = entities.asSystem().table("labels");
        Throwable failed = catchThrowable(() -> transactions.executeWithoutResult(status -> {
            labels.insert(Map.of("name", "first of two"));
            labels.insert(Map.of("name", "java")); // a duplicate name: refused
        }));
        assertThat(failed).isInstanceOf(SentroException.class);
        assertThat(count("labels")).as("the first insert was rolled back with the second").isEqualTo(3);
        assertThat(SecuredApplication.COMMITTED).as("no event for a rolled-back write").isEmpty();
        transactions.executeWithoutResult(status -> {
            labels.insert(Map.of("name", "third"));
            labels.insert(Map.of("name", "fourth"));
            assertThat(SecuredApplication.COMMITTED).as("events wait for the commit").isEmpty();
        });
        assertThat(count("labels")).isEqualTo(5);
        List<String> names = SecuredApplication.COMMITTED.stream().map(ChangeEvent::after)
                .map(row -> String.valueOf(row.get("name"))).toList();
        assertThat(names).containsExactly("third", "fourth");
    }

    private Authentication authenticate(String key) {
        return app.context().getBean(SentroCredentials.class).apiKeys()
                .authenticate(ApiKeyAuthentication.unauthenticated(key));
    }

    private static SentroException catchSentro(Runnable call) {
        Throwable thrown = catchThrowable(call::run);
        assertThat(thrown).isInstanceOf(SentroException.class);
        return (SentroException) thrown;
    }
}
