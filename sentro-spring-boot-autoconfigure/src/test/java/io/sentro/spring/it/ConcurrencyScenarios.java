package io.sentro.spring.it;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.sentro.spring.it.HttpApi.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;

import static io.sentro.spring.it.ApiScenarios.assertProblem;
import static io.sentro.spring.it.ApiScenarios.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Optimistic concurrency on every database: a GET's {@code ETag}, {@code If-None-Match} (304), and {@code If-Match} on
 * PATCH, PUT and DELETE checked under a row lock (412 and nothing written when the row changed), with
 * {@code sentro.concurrency.require-if-match=true} (428 without it). Rows of the fixture are tagged by a hash of their
 * values; the scenarios' own table has the version column ({@code sentro.concurrency.version-column=version}).
 */
abstract class ConcurrencyScenarios extends OpenApiScenarios {

    @Override
    protected String[] properties() {
        return new String[] { "sentro.security.access.default=permit-all",
            "sentro.concurrency.version-column=version", "sentro.concurrency.require-if-match=true" };
    }

    @BeforeAll
    @Override
    void start() {
        JdbcTemplate jdbc = new JdbcTemplate(database().dataSource());
        dropNotes(jdbc);
        jdbc.execute("CREATE TABLE versioned_notes (id INT NOT NULL PRIMARY KEY, body VARCHAR(50) NOT NULL, "
                + "version INT NOT NULL)");
        super.start();
    }

    @AfterAll
    void dropNotes() {
        dropNotes(jdbc);
    }

    private static void dropNotes(JdbcTemplate jdbc) {
        jdbc.execute("DROP TABLE IF EXISTS versioned_notes");
    }

    private String etag(String path) {
        Response response = api.get(path);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        String tag = response.header("ETag");
        assertThat(tag).matches("\"[A-Za-z0-9_-]+\"");
        return tag;
    }

    private Response send(String method, String path, String body, String... headers) {
        return api.send(method, path, body, "application/json", headers);
    }

    @Test
    void aGetCarriesTheStoredRowsTagWhichEveryChangeMoves() {
        String tag = etag("/api/posts/1");
        assertThat(etag("/api/posts/1")).isEqualTo(tag);
        assertThat(etag("/api/posts/2")).isNotEqualTo(tag);
        // Embedding does not change the row's tag; a projection that leaves columns out has none.
        assertThat(api.get("/api/posts/1?embed=author").header("ETag")).isEqualTo(tag);
        assertThat(api.get("/api/posts/1?fields=title").headers().firstValue("ETag")).isEmpty();
        Response patched = send("PATCH", "/api/posts/1", "{\"views\": 101}", "If-Match", tag);
        assertThat(ok(patched).get("views").asInt()).isEqualTo(101);
        assertThat(patched.header("ETag")).isNotEqualTo(tag).isEqualTo(etag("/api/posts/1"));
    }

    @Test
    void ifNoneMatchAnswersNotModified() {
        String tag = etag("/api/posts/3");
        Response notModified = api.sendWithHeader("GET", "/api/posts/3", null, "If-None-Match", tag);
        assertThat(notModified.status()).isEqualTo(304);
        assertThat(notModified.text()).isEmpty();
        assertThat(notModified.header("ETag")).isEqualTo(tag);
        assertThat(api.sendWithHeader("GET", "/api/posts/3", null, "If-None-Match", "\"x\", W/" + tag).status())
                .isEqualTo(304);
        assertThat(api.sendWithHeader("GET", "/api/posts/3", null, "If-None-Match", "\"stale\"").status())
                .isEqualTo(200);
        assertProblem(api.sendWithHeader("GET", "/api/posts/3", null, "If-None-Match", "stale"), 400,
                "If-None-Match");
    }

    @Test
    void ifMatchWritesOnlyTheVersionItNames() {
        String tag = etag("/api/posts/2");
        ok(send("PATCH", "/api/posts/2", "{\"views\": 5}", "If-Match", tag));
        String before = fingerprint();
        // The tag read before that update is stale now: 412 with the current tag, nothing written.
        Response stale = send("PATCH", "/api/posts/2", "{\"views\": 6}", "If-Match", tag);
        assertProblem(stale, 412, "has changed");
        assertThat(stale.json().get("code").asString()).isEqualTo("SENTRO-403");
        assertThat(stale.header("ETag")).isEqualTo(etag("/api/posts/2"));
        assertProblem(send("PUT", "/api/posts/2", "{\"author_id\": 1, \"title\": \"x\"}", "If-Match", tag), 412,
                "If-Match");
        assertProblem(send("DELETE", "/api/post_labels/1,1", null, "If-Match", "\"nope\""), 412, "If-Match");
        // A weak tag never matches If-Match (strong comparison).
        assertProblem(send("PATCH", "/api/posts/2", "{\"views\": 6}", "If-Match", "W/" + etag("/api/posts/2")), 412,
                "If-Match");
        assertThat(fingerprint()).isEqualTo(before);
        // One of several tags, or *, matches.
        ok(send("PATCH", "/api/posts/2", "{\"views\": 7}", "If-Match", "\"a\", " + etag("/api/posts/2")));
        ok(send("PATCH", "/api/posts/2", "{\"views\": 8}", "If-Match", "*"));
        String labelTag = etag("/api/post_labels/1,2");
        assertThat(send("DELETE", "/api/post_labels/1,2", null, "If-Match", labelTag).status()).isEqualTo(204);
        assertProblem(send("DELETE", "/api/post_labels/1,2", null, "If-Match", labelTag), 404, "post_labels");
    }

    @Test
    void writesOfOneRowWithoutIfMatchAreRefusedWhenItIsRequired() {
        String before = fingerprint();
        Response refused = api.patch("/api/posts/1", "{\"views\": 1}");
        assertProblem(refused, 428, "If-Match");
        assertThat(refused.json().get("code").asString()).isEqualTo("SENTRO-116");
        assertProblem(api.put("/api/posts/1", "{\"author_id\": 1, \"title\": \"x\"}"), 428, "If-Match");
        assertProblem(api.delete("/api/post_labels/1,1"), 428, "If-Match");
        assertProblem(send("PATCH", "/api/posts/1", "{\"views\": 1}", "If-Match", "no-quotes"), 400, "If-Match");
        // Bulk writes select rows by filter, not one row by version: they take no If-Match.
        assertProblem(send("PATCH", "/api/posts?where.id.eq=1", "{\"views\": 1}", "If-Match", "*"), 400, "If-Match");
        assertThat(fingerprint()).isEqualTo(before);
        // Creates are not updates: they need none.
        assertThat(api.post("/api/labels", "{\"name\": \"go\"}").status()).isEqualTo(201);
    }

    @Test
    void ofConcurrentUpdatesWithTheSameTagExactlyOneWins() throws Exception {
        String tag = etag("/api/posts/4");
        int writers = 6;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                int views = 1000 + i;
                answers.add(pool.submit(() -> {
                    go.await();
                    return send("PATCH", "/api/posts/4", "{\"views\": " + views + "}", "If-Match", tag);
                }));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            int winner = -1;
            for (Future<Response> answer : answers) {
                Response response = answer.get();
                statuses.add(response.status());
                if (response.status() == 200) {
                    winner = response.json().get("views").asInt();
                }
            }
            assertThat(statuses).as(statuses.toString()).containsOnly(200, 412);
            assertThat(statuses.stream().filter(status -> status == 200).count()).isEqualTo(1);
            assertThat(jdbc.queryForObject("SELECT views FROM posts WHERE id = 4", Integer.class)).isEqualTo(winner);
        }
        finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aVersionColumnIsTheTagAndEveryUpdateMovesIt() {
        jdbc.update("DELETE FROM versioned_notes");
        Response created = api.post("/api/versioned_notes", "{\"id\": 1, \"body\": \"first\"}");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.json().get("version").asInt()).isEqualTo(1);
        assertThat(created.header("ETag")).isEqualTo("\"v1\"");
        assertThat(etag("/api/versioned_notes/1")).isEqualTo("\"v1\"");
        Response patched = send("PATCH", "/api/versioned_notes/1", "{\"body\": \"second\"}", "If-Match", "\"v1\"");
        assertThat(ok(patched).get("version").asInt()).isEqualTo(2);
        assertThat(patched.header("ETag")).isEqualTo("\"v2\"");
        assertProblem(send("PATCH", "/api/versioned_notes/1", "{\"body\": \"third\"}", "If-Match", "\"v1\""), 412,
                "\"v2\"");
        ok(send("PUT", "/api/versioned_notes/1", "{\"body\": \"replaced\"}", "If-Match", "\"v2\""));
        // Bulk writes move it too; clients never write it.
        ok(api.patch("/api/versioned_notes?where.id.eq=1", "{\"body\": \"bulk\"}"));
        assertThat(jdbc.queryForObject("SELECT version FROM versioned_notes WHERE id = 1", Integer.class))
                .isEqualTo(4);
        assertProblem(send("PATCH", "/api/versioned_notes/1", "{\"version\": 9}", "If-Match", "\"v4\""), 400,
                "version");
        assertProblem(api.post("/api/versioned_notes", "{\"id\": 2, \"body\": \"b\", \"version\": 5}"), 400,
                "version");
        // An upsert that merges moves it too.
        Response merged = api.send("POST", "/api/versioned_notes", "{\"id\": 1, \"body\": \"merged\"}",
                "application/json", "Prefer", "resolution=merge-duplicates");
        assertThat(merged.status()).as(merged.text()).isEqualTo(200);
        assertThat(merged.header("ETag")).isEqualTo("\"v5\"");
        jdbc.update("UPDATE versioned_notes SET version = 4 WHERE id = 1");
        // _schema, and so OpenAPI and TypeScript, show it as the server's to write.
        tools.jackson.databind.JsonNode version = ApiScenarios.column(ApiScenarios.table(ok(api.get("/api/_schema")),
                "versioned_notes"), "version");
        assertThat(version.get("writable").asBoolean()).isFalse();
        assertThat(version.get("requiredOnCreate").asBoolean()).isFalse();
        assertThat(api.get("/api/_types.ts").text()).contains("readonly version: number;");
        // With the version column read, a projection keeps its tag.
        assertThat(api.get("/api/versioned_notes/1?fields=body,version").header("ETag")).isEqualTo("\"v4\"");
    }
}
