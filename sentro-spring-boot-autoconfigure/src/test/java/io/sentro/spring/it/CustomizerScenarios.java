package io.sentro.spring.it;

import java.util.List;

import io.sentro.spring.it.HttpApi.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.sentro.spring.it.ApiScenarios.assertProblem;
import static io.sentro.spring.it.ApiScenarios.column;
import static io.sentro.spring.it.ApiScenarios.names;
import static io.sentro.spring.it.ApiScenarios.ok;
import static io.sentro.spring.it.ApiScenarios.table;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every customizer capability through the HTTP API, on every available database: the customizers of
 * {@link CustomizedApplication} on the fixture schema.
 */
abstract class CustomizerScenarios extends DatabaseScenarios {

    @Override
    protected Class<?> application() {
        return CustomizedApplication.class;
    }

    @Override
    protected String[] properties() {
        return new String[] { "sentro.security.access.default=permit-all", "sentro.events.committed.delay=20ms" };
    }

    @BeforeEach
    void clearTrace() {
        CustomizedApplication.AROUND_TRACE.clear();
    }

    @Test
    void displayNamesShowInTheSchemaOnly() {
        JsonNode schema = ok(api.get("/api/_schema"));
        JsonNode authors = table(schema, "authors");
        assertThat(authors.get("displayName").asString()).isEqualTo("Writers");
        assertThat(column(authors, "email").get("displayName").asString()).isEqualTo("E-mail Address");
        assertThat(column(authors, "name").get("displayName").asString()).isEqualTo("name");
        assertThat(table(schema, "posts").get("displayName").asString()).isEqualTo("Blog Posts");
        assertThat(table(schema, "labels").get("displayName").asString()).isEqualTo("labels");
        assertThat(ok(api.get("/api/authors/1")).has("email")).isTrue();
    }

    @Test
    void displayFieldsAreComputedForEveryRowAndReadOnly() {
        JsonNode author = ok(api.get("/api/authors/1"));
        assertThat(author.get("label").asString()).isEqualTo("Ada <ada@example.com>");
        assertThat(author.get("initial").asString()).isEqualTo("A");
        JsonNode page = ok(api.get("/api/authors?sort=-id"));
        assertThat(page.get("rows").get(0).get("label").asString()).isEqualTo("Grace <grace@example.com>");
        JsonNode projected = ok(api.get("/api/authors?fields=id,label&limit=1")).get("rows").get(0);
        assertThat(projected.propertyNames()).containsExactly("id", "label");
        assertThat(ok(api.get("/api/authors/2?fields=initial")).propertyNames()).containsExactly("initial");
        JsonNode schema = ok(api.get("/api/_schema"));
        assertThat(table(schema, "authors").get("displayFields").get(0).asString()).isEqualTo("label");

        String before = fingerprint();
        assertProblem(api.get("/api/authors?where.label.eq=x"), 400, "display field");
        assertProblem(api.get("/api/authors?sort=label"), 400, "display field");
        assertProblem(api.post("/api/authors", "{\"name\":\"x\",\"email\":\"x@x\",\"label\":\"y\"}"), 400, "label");
        assertProblem(api.patch("/api/authors/1", "{\"label\":\"y\"}"), 400, "label");
        assertThat(fingerprint()).isEqualTo(before);
    }

    @Test
    void afterReadHooksChangeWhatIsReturned() {
        assertThat(ok(api.get("/api/authors/1")).has("avatar")).isFalse();
        assertThat(ok(api.get("/api/authors")).get("rows").get(0).has("avatar")).isFalse();
    }

    @Test
    void embeddedRowsGoThroughTheirTablesReadPipeline() {
        JsonNode post = ok(api.get("/api/posts/1?embed=author,labels&labels.sort=name"));
        // after-READ hook of authors (avatar removed), display fields of authors, before-READ hook of labels (no sql)
        assertThat(post.get("author").has("avatar")).isFalse();
        assertThat(post.get("author").get("label").asString()).isEqualTo("Ada <ada@example.com>");
        assertThat(post.get("author").get("initial").asString()).isEqualTo("A");
        assertThat(post.get("labels")).hasSize(2);
        assertThat(ok(api.get("/api/posts/3?embed=labels")).get("labels")).isEmpty();
        // around-READ hooks of posts wrap the embedded posts too
        JsonNode ada = ok(api.get("/api/authors/1?embed=posts&posts.sort=id"));
        assertThat(ada.get("posts")).hasSize(2);
        assertThat(ada.get("posts").get(0).get("wrapped").asBoolean()).isTrue();
        // display fields may be asked for by name, and computed from the whole row
        JsonNode named = ok(api.get("/api/posts/1?embed=author&author.fields=initial,id"));
        assertThat(named.get("author").propertyNames()).containsExactly("initial", "id");
        assertProblem(api.get("/api/posts?embed=author&author.where.label.eq=x"), 400, "display field");
    }

    @Test
    void customizersRenameRelations() {
        JsonNode java = ok(api.get("/api/labels/1?embed=tagged_posts&tagged_posts.fields=id"));
        assertThat(java.get("tagged_posts").get(0).get("id").asLong()).isEqualTo(1);
        assertProblem(api.get("/api/labels/1?embed=posts"), 400, "tagged_posts");
        assertThat(ok(api.get("/api/labels?where.tagged_posts.id.eq=1")).get("rows")).hasSize(2);
        assertThat(ok(api.get("/api/_schema")).toString()).contains("\"tagged_posts\"");
    }

    @Test
    void readHooksNarrowAggregatesToo() {
        // The before-READ hook of labels leaves 'sql' out of every read, aggregates included.
        JsonNode labels = ok(api.get("/api/labels?agg=count,min:name,max:name")).get("rows").get(0);
        assertThat(labels.get("count").asLong()).isEqualTo(2);
        assertThat(labels.get("max_name").asString()).isEqualTo("spring");
    }

    @Test
    void beforeReadHooksNarrowTheQuery() {
        JsonNode page = ok(api.get("/api/labels"));
        assertThat(page.get("total").asLong()).isEqualTo(2);
        assertThat(page.get("rows").values()).noneMatch(row -> row.get("name").asString().equals("sql"));
        assertThat(ok(api.get("/api/labels?where.name.eq=sql")).get("rows").size()).isZero();
    }

    @Test
    void beforeReadHooksNarrowGetsAndActionRecordsToo() {
        assertThat(ok(api.get("/api/labels/1")).get("name").asString()).isEqualTo("java");
        assertThat(api.get("/api/labels/3").status()).isEqualTo(404);
        assertThat(ok(api.post("/api/labels/_actions/names", "")).get("message").asString()).isEqualTo("java,spring");
        assertProblem(api.post("/api/labels/_actions/names", "{\"ids\":[1,3]}"), 404, "3");
    }

    @Test
    void anActionThatReportsFailureWritesNothing() {
        long audit = count("audit_log");
        assertProblem(api.post("/api/labels/_actions/fail-after-write", ""), 400, "Nothing to do");
        assertThat(count("audit_log")).isEqualTo(audit);
    }

    @Test
    void beforeCreateHooksRunInOrderAndFieldWritersOnce() {
        CustomizedApplication.TITLE_WRITES.set(0);
        Response created = api.post("/api/posts", "{\"author_id\":1,\"title\":\"Hello, Hooks World\"}");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        JsonNode post = created.json();
        assertThat(post.get("slug").asString()).isEqualTo("hello-hooks-world");
        assertThat(post.get("status").asString()).isEqualTo("draft|1|2");
        assertThat(post.get("views").asInt()).isEqualTo(1);
        assertThat(CustomizedApplication.TITLE_WRITES.get()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT slug FROM posts WHERE id = 6", String.class))
                .isEqualTo("hello-hooks-world");
    }

    @Test
    void hooksRunPerRowOfABulkCreate() {
        Response created = api.post("/api/posts", "[{\"author_id\":1,\"title\":\"One\"},{\"author_id\":2,\"title\":\"Two\"}]");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.json().get(1).get("slug").asString()).isEqualTo("two");
        String before = fingerprint();
        assertProblem(api.post("/api/posts", "[{\"author_id\":1,\"title\":\"Fine\"},{\"author_id\":2,\"title\":\"Casino\"}]"),
                422, "Spam");
        assertThat(fingerprint()).isEqualTo(before);
    }

    @Test
    void beforeUpdateHooksChangeThePatch() {
        JsonNode post = ok(api.patch("/api/posts/1", "{\"title\":\"Renamed Post\"}"));
        assertThat(post.get("status").asString()).isEqualTo("edited");
        assertThat(post.get("slug").asString()).isEqualTo("renamed-post");
    }

    @Test
    void aHookThatThrowsRefusesWithItsStatusAndWritesNothing() {
        String before = fingerprint();
        assertProblem(api.post("/api/posts", "{\"author_id\":1,\"title\":\"Cheap casino deals\"}"), 422, "Spam");
        assertProblem(api.post("/api/posts", "{\"author_id\":1,\"title\":\"rollback\"}"), 409, "Rolled back");
        assertProblem(api.post("/api/labels", "{\"name\":\"boom\"}"), 400, "boom refused");
        assertProblem(api.delete("/api/labels/1"), 403, "java label");
        assertThat(fingerprint()).isEqualTo(before);
        Response created = api.post("/api/labels", "{\"name\":\"temporary\"}");
        assertThat(api.delete(created.location().get()).status()).isEqualTo(204);
    }

    @Test
    void aroundHooksWrapInPipelineOrderAndHitTheDatabaseOnce() {
        int before = ConnectionLog.STATEMENTS.get();
        JsonNode post = ok(api.get("/api/posts/3"));
        assertThat(ConnectionLog.STATEMENTS.get() - before).isEqualTo(1);
        assertThat(post.get("wrapped").asBoolean()).isTrue();
        assertThat(CustomizedApplication.AROUND_TRACE).containsExactly("outer", "inner");
        assertThat(ok(api.get("/api/posts")).get("rows").get(0).get("wrapped").asBoolean()).isTrue();
    }

    @Test
    void aWriteWithHooksRunsInOneTransactionWithWhatTheHooksWrite() {
        int transactions = ConnectionLog.TRANSACTIONS.get();
        assertThat(api.post("/api/labels", "{\"name\":\"zig\"}").status()).isEqualTo(201);
        assertThat(ConnectionLog.TRANSACTIONS.get() - transactions).isEqualTo(1);
    }

    @Test
    void contextGivesTheRequestTheDbHelperAndItsTransaction() {
        long audit = count("audit_log");
        Response created = api.send("POST", "/api/labels", "{\"name\":\"kotlin\"}", "application/json");
        assertThat(created.status()).isEqualTo(201);
        assertThat(count("audit_log")).isEqualTo(audit + 1);
        HttpApi.Response withUser = api.sendWithHeader("POST", "/api/labels", "{\"name\":\"go\"}", "X-User", "ann");
        assertThat(withUser.json().get("name").asString()).isEqualTo("go@ann");
        HttpApi.Response tagged = api.sendWithHeader("POST", "/api/labels", "{\"name\":\"rust\"}", "X-Tag", "t1");
        assertThat(tagged.json().get("name").asString()).isEqualTo("rust#t1");
        assertProblem(api.post("/api/labels", "{\"name\":\"boom\"}"), 400, "boom");
        assertThat(count("audit_log")).isEqualTo(audit + 3);
    }

    @Test
    void theDbHelperDeletesAndReads() {
        JsonNode result = ok(api.post("/api/labels/_actions/purge-log", "{\"message\":\"seeded\"}"));
        assertThat(result.get("purged").asInt()).isEqualTo(1);
        assertThat(result.get("left").asInt()).isEqualTo(1);
        assertThat(count("audit_log")).isEqualTo(1);
    }

    @Test
    void theDbHelperIncrementsWithRawExpressions() {
        int views = jdbc.queryForObject("SELECT views FROM posts WHERE id = 4", Integer.class);
        assertThat(api.post("/api/post_labels", "{\"post_id\":4,\"label_id\":1}").status()).isEqualTo(201);
        assertThat(jdbc.queryForObject("SELECT views FROM posts WHERE id = 4", Integer.class)).isEqualTo(views + 1);
    }

    @Test
    void eachRowOfANestedInsertGoesThroughItsTablesCreatePipeline() {
        CustomizedApplication.Outbox outbox = app.context().getBean(CustomizedApplication.Outbox.class);
        outbox.sent.clear();
        JsonNode author = ok(api.post("/api/authors", "{\"name\":\"Bo\",\"email\":\"bo@example.com\",\"posts\":["
                + "{\"title\":\"Hello World\"},{\"title\":\"Second One\",\"status\":\"published\"}]}"));
        // The author's after hook, its display fields; each post's field writer and before hooks, in order.
        assertThat(outbox.sent).containsExactly("welcome:bo@example.com");
        assertThat(author.get("label").asString()).isEqualTo("Bo <bo@example.com>");
        JsonNode posts = author.get("posts");
        assertThat(posts.get(0).get("slug").asString()).isEqualTo("hello-world");
        assertThat(posts.get(0).get("status").asString()).isEqualTo("draft|1|2");
        assertThat(posts.get(1).get("status").asString()).isEqualTo("published|1|2");
        assertThat(posts.get(1).get("author_id").asLong()).isEqualTo(author.get("id").asLong());
        // A hook that refuses a nested row, before or after its insert, rolls back the rows written before it.
        String before = fingerprint();
        assertProblem(api.post("/api/authors", "{\"name\":\"Cy\",\"email\":\"cy@example.com\",\"posts\":["
                + "{\"title\":\"Fine\"},{\"title\":\"Casino\"}]}"), 422, "Spam");
        assertProblem(api.post("/api/authors", "{\"name\":\"Cy\",\"email\":\"cy@example.com\",\"posts\":["
                + "{\"title\":\"rollback\"}]}"), 409, "Rolled back");
        assertProblem(api.post("/api/authors", "{\"name\":\"Cy\",\"email\":\"cy@example.com\",\"label\":\"x\"}"),
                400, "label");
        assertThat(fingerprint()).isEqualTo(before);
    }

    @Test
    void exportsRunTheReadAfterHooksAndDisplayFieldsOnEveryRow() {
        Response ndjson = api.send("GET", "/api/authors?sort=id", null, null, "Accept", "application/x-ndjson");
        assertThat(ndjson.status()).as(ndjson.text()).isEqualTo(200);
        List<String> lines = ndjson.text().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).contains("\"label\":\"Ada <ada@example.com>\"", "\"initial\":\"A\"")
                .doesNotContain("avatar");
        Response csv = api.get("/api/authors?format=csv&fields=id,label&sort=id");
        assertThat(csv.text()).startsWith("id,label\r\n1,Ada <ada@example.com>\r\n");
        assertProblem(api.get("/api/authors?format=csv&where.label.eq=x"), 400, "label");
        // An around hook wraps one whole result, which an export never has.
        assertProblem(api.get("/api/posts?format=ndjson"), 400, "around");
    }

    @Test
    void integrationsAreLookedUpByNameAndMissingOnesAreNull() {
        CustomizedApplication.Outbox outbox = app.context().getBean(CustomizedApplication.Outbox.class);
        outbox.sent.clear();
        assertThat(api.post("/api/authors", "{\"name\":\"Bo\",\"email\":\"bo@example.com\"}").status()).isEqualTo(201);
        assertThat(outbox.sent).containsExactly("welcome:bo@example.com");
    }

    @Test
    void tableActionsExportTheSelectedRecordsAsAFile() {
        Response byIds = api.post("/api/posts/_actions/export-markdown", "{\"ids\":[3,1]}");
        assertThat(byIds.status()).as(byIds.text()).isEqualTo(200);
        assertThat(byIds.contentType()).startsWith("text/markdown");
        assertThat(byIds.header("Content-Disposition")).contains("attachment").contains("posts.md");
        assertThat(byIds.text()).isEqualTo("# Computing machinery\n\n# Hello world\n");
        Response byQuery = api.post("/api/posts/_actions/export-markdown?where.status.eq=draft", "");
        assertThat(byQuery.text()).isEqualTo("# Second post\n");
        assertProblem(api.post("/api/posts/_actions/export-markdown", "{\"ids\":[999]}"), 404, "999");
        assertProblem(api.post("/api/posts/_actions/export-markdown?group=status&agg=count", ""), 400, "group");
        assertProblem(api.post("/api/posts/_actions/nope", "{}"), 404, "export-markdown");
        JsonNode actions = table(ok(api.get("/api/_schema")), "posts").get("actions");
        assertThat(actions.get(0).get("label").asString()).isEqualTo("Export to Markdown");
        assertThat(actions.get(1).get("path").asString()).isEqualTo("/api/posts/{key}/_actions/publish");
    }

    @Test
    void detailActionsRunOnOneRecord() {
        JsonNode result = ok(api.post("/api/posts/2/_actions/publish", "{\"views\":5}"));
        assertThat(result.get("success").asBoolean()).isTrue();
        assertThat(result.get("post").get("status").asString()).isEqualTo("published");
        assertThat(jdbc.queryForObject("SELECT views FROM posts WHERE id = 2", Integer.class)).isEqualTo(5);
        assertProblem(api.post("/api/posts/2/_actions/publish", "{}"), 400, "already published");
        assertProblem(api.post("/api/posts/999/_actions/publish", "{}"), 404, "posts");
    }

    @Test
    void bulkWritesTakeEachRowThroughTheHooksWithTheRowAsItWas() {
        CustomizedApplication.TITLE_WRITES.set(0);
        JsonNode updated = ok(api.patch("/api/posts?where.id.in=1,2", "{\"title\": \"Bulk Title\"}"));
        assertThat(updated.get("count").asLong()).isEqualTo(2);
        updated.get("rows").values().forEach(row -> {
            assertThat(row.get("status").asString()).isEqualTo("edited"); // the before hook, per row
            assertThat(row.get("slug").asString()).isEqualTo("bulk-title"); // the field writer
        });
        assertThat(CustomizedApplication.TITLE_WRITES.get()).isEqualTo(2);
        // Hooks see each row as stored before the write (Payload.previous), only in bulk writes.
        ok(api.patch("/api/authors?where.id.in=1,2", "{\"name\": \"Anon\"}"));
        ok(api.patch("/api/authors/3", "{\"name\": \"Hopper\"}"));
        assertThat(jdbc.queryForList("SELECT message FROM audit_log WHERE message LIKE 'renamed%' ORDER BY message",
                String.class)).containsExactly("renamed Ada to Anon", "renamed Alan to Anon");
        // Display fields are computed on the rows a bulk write answers with.
        JsonNode authors = ok(api.patch("/api/authors?where.id.eq=3", "{\"active\": true}"));
        assertThat(authors.get("rows").get(0).get("initial").asString()).isEqualTo("H");
    }

    @Test
    void aHookRefusingOneRowOfABulkWriteWritesNothing() {
        String before = fingerprint();
        // The DELETE hook of labels keeps label 1; the rows are read in key order, so it refuses before any delete.
        assertProblem(api.delete("/api/labels?where.id.in=1,2"), 403, "java label stays");
        assertProblem(api.delete("/api/labels?where.id.in=2,1"), 403, "java label stays");
        assertThat(fingerprint()).isEqualTo(before);
        // Row by row through the hooks: the second row's unique violation rolls back the first one's update (and
        // what its hook wrote).
        assertProblem(api.patch("/api/authors?where.id.in=1,2", "{\"email\": \"same@example.com\", \"name\": \"X\"}"),
                409, "unique");
        assertThat(fingerprint()).isEqualTo(before);
    }

    @Test
    void upsertsTakeNewRowsThroughCreateHooksAndMergedOnesThroughUpdateHooks() {
        // labels' CREATE hook writes to audit_log; an ignored row runs no hook.
        JsonNode labels = ok(api.send("POST", "/api/labels?on_conflict=name", "[{\"name\": \"java\"}, "
                + "{\"name\": \"rust\"}]", "application/json", "Prefer", "resolution=ignore-duplicates"));
        assertThat(names(labels.get("outcomes"), null)).containsExactly("ignored", "created");
        assertThat(jdbc.queryForList("SELECT message FROM audit_log WHERE message LIKE 'label %'", String.class))
                .containsExactly("label rust");
        // authors' UPDATE hook sees the row as it was in previous().
        JsonNode authors = ok(api.send("POST", "/api/authors?on_conflict=email", "[{\"email\": \"ada@example.com\", "
                + "\"name\": \"Countess\"}]", "application/json", "Prefer", "resolution=merge-duplicates"));
        assertThat(names(authors.get("outcomes"), null)).containsExactly("updated");
        assertThat(authors.get("rows").get(0).get("label").asString()).isEqualTo("Countess <ada@example.com>");
        assertThat(jdbc.queryForList("SELECT message FROM audit_log WHERE message LIKE 'renamed%'", String.class))
                .containsExactly("renamed Ada to Countess");
    }

    @Test
    void committedHooksRunOnlyAfterTheirWriteCommittedAndAgainWhenTheyFail() throws Exception {
        CustomizedApplication.COMMITTED.clear();
        CustomizedApplication.COMMITTED_RUNS.clear();
        // The second row's after hook fails: both rows are rolled back, and neither row's committed hook runs.
        assertThat(api.post("/api/labels", "[{\"name\": \"kept-first\"}, {\"name\": \"rolled-back\"}]").status())
            .isEqualTo(409);
        assertThat(api.post("/api/labels", "{\"name\": \"flaky-one\"}").status()).isEqualTo(201);
        JsonNode created = ok(api.post("/api/labels", "{\"name\": \"committed\"}"));
        assertThat(api.delete("/api/labels/" + created.get("id").asLong()).status()).isEqualTo(204);
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
        while (CustomizedApplication.COMMITTED.size() < 3 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        // The delete's hook sees the row as it was, not only its key.
        assertThat(CustomizedApplication.COMMITTED).containsExactlyInAnyOrder("CREATE flaky-one", "CREATE committed",
                "DELETE committed");
        assertThat(CustomizedApplication.COMMITTED_RUNS.get("flaky-one")).isEqualTo(2);
        assertThat(CustomizedApplication.COMMITTED_RUNS).doesNotContainKeys("kept-first", "rolled-back");
    }
}
