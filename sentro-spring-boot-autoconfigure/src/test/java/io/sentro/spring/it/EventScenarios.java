package io.sentro.spring.it;

import java.util.List;

import io.sentro.spring.events.ChangeEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Change events on every database: one per row written (create, update, delete, bulk, upsert, nested), with the row
 * before and after and columns hidden from everyone left out, published after the commit to {@code @EventListener}
 * and {@code @TransactionalEventListener} methods, never for a write rolled back, shaped or dropped by customizers,
 * and only for the tables configured.
 */
abstract class EventScenarios extends DatabaseScenarios {

    @Override
    protected Class<?> application() {
        return EventsApplication.class;
    }

    @Override
    protected String[] properties() {
        return new String[] { "sentro.security.access.default=permit-all", "sentro.events.enabled=true",
                "sentro.events.exclude-tables=post_labels,audit_log",
                "sentro.security.access.tables.authors.hidden-columns=avatar" };
    }

    @BeforeEach
    void forget() {
        EventsApplication.RECEIVED.clear();
        EventsApplication.AFTER_COMMIT.clear();
    }

    private static List<ChangeEvent> received() {
        synchronized (EventsApplication.RECEIVED) {
            return List.copyOf(EventsApplication.RECEIVED);
        }
    }

    @Test
    void eachWrittenRowIsOneEventWithItsRowBeforeAndAfter() {
        JsonNode created = api.post("/api/posts", "{\"author_id\": 1, \"title\": \"Evented\"}").json();
        long id = created.get("id").asLong();
        assertThat(api.patch("/api/posts/" + id, "{\"title\": \"Evented again\"}").status()).isEqualTo(200);
        assertThat(api.delete("/api/posts/" + id).status()).isEqualTo(204);

        List<ChangeEvent> events = received();
        assertThat(events).extracting(ChangeEvent::operation).containsExactly("create", "update", "delete");
        assertThat(events).allSatisfy(event -> {
            assertThat(event.table()).isEqualTo("posts");
            assertThat(((Number) event.key().get("id")).longValue()).isEqualTo(id);
            assertThat(event.id()).isNotBlank();
            assertThat(event.timestamp()).isNotNull();
            assertThat(event.principal()).isNull(); // an anonymous caller (permit-all)
        });
        assertThat(events.get(0).before()).isNull();
        assertThat(events.get(0).after()).containsEntry("title", "Evented");
        assertThat(events.get(1).before()).containsEntry("title", "Evented");
        assertThat(events.get(1).after()).containsEntry("title", "Evented again");
        assertThat(events.get(2).before()).containsEntry("title", "Evented again");
        assertThat(events.get(2).after()).isNull();
        // Three requests, three transactions.
        assertThat(events).extracting(ChangeEvent::transaction).doesNotHaveDuplicates();
        // Transactional listeners get them too, after the commit.
        assertThat(EventsApplication.AFTER_COMMIT).extracting(ChangeEvent::id)
            .containsExactlyElementsOf(events.stream().map(ChangeEvent::id).toList());
    }

    @Test
    void aBulkWriteIsOneEventPerRowInOneTransaction() {
        assertThat(api.patch("/api/posts?where.author_id.eq=1", "{\"views\": 7}").status()).isEqualTo(200);
        List<ChangeEvent> events = received();
        long rows = jdbc.queryForObject("SELECT COUNT(*) FROM posts WHERE author_id = 1", Long.class);
        assertThat(events).hasSize((int) rows).allSatisfy(event -> {
            assertThat(event.operation()).isEqualTo("update");
            assertThat(((Number) event.after().get("views")).intValue()).isEqualTo(7);
            assertThat(event.before()).isNotNull();
        });
        assertThat(events).extracting(ChangeEvent::transaction).containsOnly(events.get(0).transaction());
    }

    @Test
    void anUpsertIsAnUpdateEventForARowThatExistedAndACreateForANewOne() {
        String ada = jdbc.queryForObject("SELECT email FROM authors WHERE id = 1", String.class);
        assertThat(api.send("POST", "/api/authors?on_conflict=email", "[{\"email\": \"" + ada + "\", \"name\": "
                + "\"Renamed\"}, {\"email\": \"new@example.com\", \"name\": \"Newcomer\"}]", "application/json",
                "Prefer", "resolution=merge-duplicates").status()).isEqualTo(200);
        List<ChangeEvent> events = received();
        assertThat(events).extracting(ChangeEvent::operation).containsExactly("update", "create");
        assertThat(events.get(0).before()).containsKey("name").doesNotContainEntry("name", "Renamed");
        assertThat(events.get(0).after()).containsEntry("name", "Renamed");
        assertThat(events.get(1).after()).containsEntry("name", "Newcomer");
    }

    @Test
    void aNestedInsertIsAnEventPerRowOfEachTableWithEvents() {
        assertThat(api.post("/api/posts", "{\"author_id\": 2, \"title\": \"Nested\", \"labels\": [{\"name\": \"n1\"}]}")
                .status()).isEqualTo(201);
        // The join row's table is excluded (sentro.events.exclude-tables).
        assertThat(received()).extracting(ChangeEvent::table).containsExactlyInAnyOrder("labels", "posts");
    }

    @Test
    void aWriteRolledBackMakesNoEvent() {
        assertThat(api.post("/api/posts", "[{\"author_id\": 1, \"title\": \"kept?\"}, {\"author_id\": 1, "
                + "\"title\": \"rollback\"}]").status()).isEqualTo(409);
        assertThat(received()).isEmpty();
        assertThat(EventsApplication.AFTER_COMMIT).isEmpty();
        assertThat(api.post("/api/posts", "{\"author_id\": 1, \"title\": \"kept\"}").status()).isEqualTo(201);
        assertThat(received()).extracting(event -> event.after().get("title")).containsExactly("kept");
    }

    @Test
    void hiddenColumnsAreLeftOutAndCustomizersShapeOrDropEvents() {
        assertThat(api.patch("/api/authors/1", "{\"name\": \"Ada L.\"}").status()).isEqualTo(200);
        ChangeEvent author = received().get(0);
        assertThat(author.after()).containsKey("name").containsKey("email").doesNotContainKey("avatar");
        assertThat(author.before()).doesNotContainKey("avatar");
        assertThat(api.post("/api/labels", "[{\"name\": \"quiet\"}, {\"name\": \"loud\"}]").status()).isEqualTo(201);
        assertThat(received()).extracting(event -> event.after().get("name")).containsExactly("Ada L.", "loud");
    }

    @Test
    void anActionsWritesThroughDbAreEventsTooAndRollBackWithIt() {
        assertThat(api.post("/api/posts/2/_actions/feature", "{\"refuse\": true}").status()).isEqualTo(400);
        assertThat(received()).isEmpty();
        assertThat(api.post("/api/posts/2/_actions/feature", "{}").status()).isEqualTo(200);
        List<ChangeEvent> events = received();
        assertThat(events).extracting(ChangeEvent::table, ChangeEvent::operation)
            .containsExactly(org.assertj.core.groups.Tuple.tuple("posts", "update"),
                    org.assertj.core.groups.Tuple.tuple("labels", "create"));
        assertThat(((Number) events.get(0).after().get("views")).intValue()).isEqualTo(99);
        assertThat(((Number) events.get(0).before().get("views")).intValue()).isNotEqualTo(99);
        assertThat(events.get(1).after()).containsEntry("name", "featured-2");
        assertThat(events).extracting(ChangeEvent::transaction).containsOnly(events.get(0).transaction());
    }

    @Test
    void aDbUpdateOfManyRowsIsAnEventPerRowWithItsRowBeforeAndAfter() {
        List<Long> ids = jdbc.queryForList("SELECT id FROM posts WHERE author_id = 2 ORDER BY id", Long.class);
        assertThat(ids).hasSizeGreaterThan(1);
        io.sentro.spring.customize.SentroDb db = app.context().getBean(io.sentro.spring.customize.SentroDb.class);
        assertThat(db.update("posts", java.util.Map.of("views", 4242), java.util.Map.of("author_id", 2)))
            .isEqualTo(ids.size());
        List<ChangeEvent> events = received();
        assertThat(events).extracting(event -> ((Number) event.key().get("id")).longValue())
            .containsExactlyInAnyOrderElementsOf(ids);
        assertThat(events).allSatisfy(event -> {
            assertThat(event.operation()).isEqualTo("update");
            assertThat(((Number) event.after().get("views")).intValue()).isEqualTo(4242);
            assertThat(((Number) event.before().get("views")).intValue()).isNotEqualTo(4242);
            assertThat(event.after().get("id")).isEqualTo(event.before().get("id"));
            assertThat(event.after().get("title")).isEqualTo(event.before().get("title"));
        });
        assertThat(events).extracting(ChangeEvent::transaction).containsOnly(events.get(0).transaction());
    }
}
