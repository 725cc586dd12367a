package io.sentro.spring.it;

import java.util.List;

import io.sentro.spring.it.HttpApi.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.sentro.spring.it.ApiScenarios.assertProblem;
import static io.sentro.spring.it.ApiScenarios.names;
import static io.sentro.spring.it.ApiScenarios.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bulk writes and {@code Prefer} on every database: PATCH and DELETE on a table with filters change every row they
 * select in one transaction; no filter, too many rows or a bad row writes nothing; PATCH with an array of keyed
 * objects gives each row its own values. The API allows at most 4 rows per bulk write here
 * ({@code sentro.writes.max-affected=4}), so that the fixture's 5 posts exceed it, bodies of 64 KB and arrays of 1,500
 * rows.
 */
abstract class BulkWriteScenarios extends OpenApiScenarios {

    @Override
    protected String[] properties() {
        return new String[] { "sentro.security.access.default=permit-all", "sentro.writes.max-affected=4",
            "sentro.writes.max-rows=1500", "sentro.writes.max-body-size=64KB" };
    }

    @Test
    void aFilterThatReachesBackIntoTheChangedTableWorksOnEveryDatabase() {
        // Posts of authors who have a post with more than 200 views: authors 2's posts (MySQL needs a derived table).
        JsonNode updated = ok(api.patch("/api/posts?where.author.posts.views.gt=200", "{\"views\": 7}"));
        assertThat(updated.get("count").asLong()).isEqualTo(2);
        assertThat(jdbc.queryForList("SELECT id FROM posts WHERE views = 7 ORDER BY id", Long.class))
                .containsExactly(3L, 4L);
        Response deleted = api.delete("/api/post_labels?where.post.author.posts.views.eq=7");
        assertThat(deleted.status()).as(deleted.text()).isEqualTo(200);
    }

    @Test
    void aMultiRowInsertThatTheDatabaseRefusesNamesTheRow() {
        String before = fingerprint();
        Response duplicate = api.post("/api/authors", "[{\"name\": \"A\", \"email\": \"a@example.com\"}, "
                + "{\"name\": \"B\", \"email\": \"b@example.com\"}, {\"name\": \"C\", \"email\": \"alan@example.com\"}]");
        assertProblem(duplicate, 409, "[2].email");
        assertThat(duplicate.json().get("parameter").asString()).isEqualTo("[2].email");
        Response twice = api.post("/api/labels", "[{\"name\": \"x\"}, {\"name\": \"y\"}, {\"name\": \"x\"}]");
        assertThat(twice.json().get("parameter").asString()).as(twice.text()).isEqualTo("[2].name");
        Response orphan = api.post("/api/posts", "[{\"author_id\": 1, \"title\": \"ok\"}, {\"author_id\": 999, "
                + "\"title\": \"orphan\"}]");
        assertProblem(orphan, 409, "[1].author_id");
        Response negative = api.post("/api/posts", "[{\"author_id\": 1, \"title\": \"ok\"}, {\"author_id\": 1, "
                + "\"title\": \"t\", \"views\": -5}]");
        assertThat(negative.status()).as(negative.text()).isEqualTo(400);
        assertThat(negative.json().get("detail").asString()).contains("[1]");
        assertThat(fingerprint()).isEqualTo(before);
    }

    @Test
    void patchWithFiltersUpdatesEveryRowTheySelectAndAnswersWithThem() {
        JsonNode answer = ok(api.patch("/api/posts?where.status.eq=published&where.views.gte=80", "{\"views\": 7}"));
        assertThat(answer.get("count").asLong()).isEqualTo(2);
        assertThat(names(answer.get("rows"), "title")).containsExactlyInAnyOrder("Hello world", "Computing machinery");
        answer.get("rows").values().forEach(row -> assertThat(row.get("views").asInt()).isEqualTo(7));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM posts WHERE views = 7", Long.class)).isEqualTo(2);
        // Rows the filters do not select are untouched.
        assertThat(jdbc.queryForObject("SELECT views FROM posts WHERE id = 5", Integer.class)).isEqualTo(75);
    }

    @Test
    void bulkWritesTakeOrGroupsSearchAndRelatedRowFilters() {
        JsonNode answer = ok(api.patch("/api/posts?or.a.status.eq=draft&or.b.views.eq=30", "{\"rating\": 2.5}"));
        assertThat(answer.get("count").asLong()).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM posts WHERE rating = 2.5", Long.class)).isEqualTo(2);
        assertThat(ok(api.patch("/api/posts?search=hello", "{\"slug\": \"hi\"}")).get("count").asLong()).isEqualTo(2);
        JsonNode authors = ok(api.patch("/api/authors?where.posts.status.eq=archived", "{\"active\": false}"));
        assertThat(names(authors.get("rows"), "name")).containsExactly("Alan");
    }

    @Test
    void deleteWithFiltersDeletesEveryRowTheySelectAndAnswersWithThemAsTheyWere() {
        JsonNode answer = ok(api.delete("/api/post_labels?where.note.isNull=false"));
        assertThat(answer.get("count").asLong()).isEqualTo(2);
        assertThat(names(answer.get("rows"), "note")).containsExactlyInAnyOrder("first", "classic");
        assertThat(count("post_labels")).isEqualTo(1);
    }

    @Test
    void aBulkWriteWithoutFiltersIsRefusedAndWritesNothing() {
        String before = fingerprint();
        assertProblem(api.patch("/api/posts", "{\"views\": 1}"), 400, "where");
        assertThat(api.patch("/api/posts", "{\"views\": 1}").json().get("code").asString()).isEqualTo("SENTRO-114");
        assertProblem(api.delete("/api/post_labels"), 400, "filters");
        assertThat(fingerprint()).isEqualTo(before);
    }

    @Test
    void moreRowsThanMaxAffectedWritesNothing() {
        String before = fingerprint();
        // Five posts match; the API allows four.
        Response tooMany = api.patch("/api/posts?where.views.gte=0", "{\"views\": 1}");
        assertProblem(tooMany, 400, "more than 4 rows");
        assertThat(tooMany.json().get("code").asString()).isEqualTo("SENTRO-115");
        assertThat(tooMany.json().get("parameter").asString()).isEqualTo("where");
        assertProblem(api.delete("/api/posts?where.views.gte=0"), 400, "sentro.writes.max-affected");
        // A request may ask for fewer, and then three of the four published-or-archived posts are too many.
        Response asked = api.send("PATCH", "/api/posts?where.status.neq=draft", "{\"views\": 1}", "application/json",
                "Prefer", "max-affected=2");
        assertProblem(asked, 400, "max-affected");
        assertThat(asked.json().get("parameter").asString()).isEqualTo("Prefer");
        Response deleteAsked = api.send("DELETE", "/api/post_labels?where.label_id.gte=1", null, "application/json",
                "Prefer", "max-affected=2");
        assertProblem(deleteAsked, 400, "max-affected");
        // Not more than the server allows.
        assertProblem(api.send("PATCH", "/api/posts?where.id.eq=1", "{\"views\": 1}", "application/json", "Prefer",
                "max-affected=10"), 400, "sentro.writes.max-affected");
        assertThat(fingerprint()).isEqualTo(before);
        // Within it, the write happens and the preference is reported as applied.
        Response within = api.send("PATCH", "/api/posts?where.status.eq=archived", "{\"views\": 1}",
                "application/json", "Prefer", "max-affected=1");
        assertThat(ok(within).get("count").asLong()).isEqualTo(1);
        assertThat(within.header("Preference-Applied")).isEqualTo("max-affected=1");
    }

    @Test
    void returnMinimalAnswersWithTheCountAlone() {
        Response minimal = api.send("DELETE", "/api/post_labels?where.post_id.eq=1", null, "application/json",
                "Prefer", "return=minimal");
        JsonNode answer = ok(minimal);
        assertThat(answer.get("count").asLong()).isEqualTo(2);
        assertThat(answer.has("rows")).isFalse();
        assertThat(minimal.header("Preference-Applied")).isEqualTo("return=minimal");
        assertThat(count("post_labels")).isEqualTo(1);
        Response patch = api.send("PATCH", "/api/posts?where.id.in=1,2", "{\"views\": 3}", "application/json",
                "Prefer", "return=minimal, max-affected=3, x-unknown=1");
        assertThat(ok(patch).toString()).isEqualTo("{\"count\":2}");
        assertThat(patch.header("Preference-Applied")).isEqualTo("return=minimal, max-affected=3");
    }

    @Test
    void patchWithAnArrayGivesEachRowItsOwnValuesInOneTransaction() {
        JsonNode answer = ok(api.patch("/api/posts", "[{\"id\": 1, \"views\": 11}, {\"id\": 2, \"views\": 22, "
                + "\"status\": \"published\"}]"));
        assertThat(answer.get("count").asLong()).isEqualTo(2);
        assertThat(jdbc.queryForList("SELECT views FROM posts WHERE id IN (1, 2) ORDER BY id", Integer.class))
                .containsExactly(11, 22);
        assertThat(jdbc.queryForObject("SELECT status FROM posts WHERE id = 2", String.class)).isEqualTo("published");
        // Composite keys name their row by every key column.
        ok(api.patch("/api/post_labels", "[{\"post_id\": 1, \"label_id\": 2, \"note\": \"second\"}]"));
        assertThat(jdbc.queryForObject("SELECT note FROM post_labels WHERE post_id = 1 AND label_id = 2",
                String.class)).isEqualTo("second");
    }

    @Test
    void aBadItemOfAnArrayPatchNamesItselfAndWritesNothing() {
        String before = fingerprint();
        Response missing = api.patch("/api/posts", "[{\"id\": 1, \"views\": 5}, {\"id\": 999, \"views\": 6}]");
        assertProblem(missing, 404, "[1]");
        assertThat(missing.json().get("parameter").asString()).isEqualTo("[1].id");
        assertProblem(api.patch("/api/posts", "[{\"id\": 1, \"views\": 5}, {\"views\": 6}]"), 400, "[1].id");
        assertProblem(api.patch("/api/posts", "[{\"id\": 1, \"views\": 5}, {\"id\": 2, \"views\": \"many\"}]"), 400,
                "[1].views");
        assertProblem(api.patch("/api/posts", "[{\"id\": 1, \"views\": 5}, {\"id\": 2, \"nope\": 1}]"), 400,
                "[1].nope");
        // A check constraint failing on the second row rolls back the first.
        assertProblem(api.patch("/api/posts", "[{\"id\": 1, \"views\": 5}, {\"id\": 2, \"views\": -1}]"), 400,
                "check");
        assertProblem(api.patch("/api/posts", "[]"), 400, "empty");
        assertProblem(api.patch("/api/posts?where.id.eq=1", "[{\"id\": 1, \"views\": 5}]"), 400, "where.id.eq");
        assertProblem(api.patch("/api/posts", "[{\"id\": 1}]"), 400, "names no column");
        assertThat(fingerprint()).isEqualTo(before);
    }

    @Test
    void aFailingRowOfAFilteredWriteRollsBackEveryRow() {
        String before = fingerprint();
        // Every matched post would move to an author that does not exist.
        assertProblem(api.patch("/api/posts?where.views.gte=100", "{\"author_id\": 999}"), 409, "foreign key");
        // Every label is still referenced by post_labels.
        assertProblem(api.delete("/api/labels?where.id.gte=1"), 409, "foreign key");
        assertThat(fingerprint()).isEqualTo(before);
    }

    @Test
    void bulkWritesRefuseWhatTheyDoNotTake() {
        String before = fingerprint();
        assertProblem(api.patch("/api/posts?where.id.eq=1&sort=id", "{\"views\": 1}"), 400, "sort");
        assertProblem(api.delete("/api/posts?where.id.eq=1&limit=1"), 400, "limit");
        assertProblem(api.patch("/api/posts?where.nope.eq=1", "{\"views\": 1}"), 400, "nope");
        assertProblem(api.patch("/api/posts?where.id.eq=1", "{\"title_length\": 1}"), 400, "title_length");
        assertProblem(api.patch("/api/posts?where.id.eq=1", "{}"), 400, "no column");
        assertProblem(api.patch("/api/posts?where.id.eq=1", "\"views\""), 400, "body");
        // A table without a primary key takes no bulk writes, as it takes no writes by key.
        Response log = api.delete("/api/audit_log?where.message.eq=created");
        assertThat(log.status()).isEqualTo(405);
        assertThat(log.allow()).hasValueSatisfying(allow -> assertThat(allow).startsWith("GET").doesNotContain("DELETE"));
        assertThat(fingerprint()).isEqualTo(before);
    }

    @Test
    void preferIsParsedAsRfc7240Says() {
        String before = fingerprint();
        for (String malformed : List.of("return=", "return=maybe", "=minimal", "return=\"minimal",
                "max-affected=-1", "max-affected=many", "return minimal")) {
            Response response = api.send("PATCH", "/api/posts?where.id.eq=1", "{\"views\": 9}", "application/json",
                    "Prefer", malformed);
            assertProblem(response, 400, "Prefer");
            assertThat(response.json().get("code").asString()).as(malformed).isEqualTo("SENTRO-113");
        }
        assertThat(fingerprint()).isEqualTo(before);
        // Unknown preferences are ignored; the first of a preference given twice counts; a quoted value is a value.
        Response ignored = api.send("PATCH", "/api/posts?where.id.eq=1", "{\"views\": 9}", "application/json",
                "Prefer", "handling=lenient, timezone=UTC; x=1, return=\"minimal\", return=representation");
        assertThat(ok(ignored).has("rows")).isFalse();
    }

    @Test
    void returnMinimalOnWritesOfOneRow() {
        Response created = api.send("POST", "/api/labels", "{\"name\": \"kotlin\"}", "application/json", "Prefer",
                "return=minimal");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.text()).isEmpty();
        assertThat(created.location()).hasValueSatisfying(location -> assertThat(location).matches("/api/labels/\\d+"));
        assertThat(created.header("Preference-Applied")).isEqualTo("return=minimal");
        Response patched = api.send("PATCH", "/api/labels/1", "{\"name\": \"jvm\"}", "application/json", "Prefer",
                "return=minimal");
        assertThat(patched.status()).isEqualTo(204);
        assertThat(patched.text()).isEmpty();
        assertThat(jdbc.queryForObject("SELECT name FROM labels WHERE id = 1", String.class)).isEqualTo("jvm");
        Response represented = api.send("PUT", "/api/labels/1", "{\"name\": \"java\"}", "application/json", "Prefer",
                "return=representation");
        assertThat(ok(represented).get("name").asString()).isEqualTo("java");
        assertThat(represented.header("Preference-Applied")).isEqualTo("return=representation");
        assertProblem(api.send("DELETE", "/api/labels/1", null, "application/json", "Prefer", "return=nothing"), 400,
                "Prefer");
    }

    @Test
    void anArrayPostIsOneMultiRowInsertPerThousandRows() {
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; i < 1200; i++) {
            body.append(i == 0 ? "" : ",").append("{\"name\":\"bulk-").append(i).append("\"}");
        }
        int before = ConnectionLog.STATEMENTS.get();
        Response created = api.post("/api/labels", body.append(']').toString());
        int statements = ConnectionLog.STATEMENTS.get() - before;
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(names(created.json(), "name")).hasSize(1200).startsWith("bulk-0", "bulk-1").endsWith("bulk-1199");
        List<Long> ids = new java.util.ArrayList<>();
        created.json().values().forEach(row -> ids.add(row.get("id").asLong()));
        assertThat(ids).isSorted().doesNotHaveDuplicates();
        assertThat(count("labels")).isEqualTo(1203);
        // Two INSERTs (1,000 rows, then 200), and where the database cannot return the rows from them (MySQL),
        // the rows selected again 500 at a time.
        assertThat(statements).isBetween(2, 6);
    }

    @Test
    void aBodyTooLargeOrWithTooManyRowsIsRefusedAndWritesNothing() {
        String before = fingerprint();
        StringBuilder rows = new StringBuilder("[");
        for (int i = 0; i < 1501; i++) {
            rows.append(i == 0 ? "" : ",").append("{\"name\":\"r").append(i).append("\"}");
        }
        Response tooMany = api.post("/api/labels", rows.append(']').toString());
        assertProblem(tooMany, 413, "sentro.writes.max-rows");
        assertThat(tooMany.json().get("code").asString()).isEqualTo("SENTRO-206");
        assertProblem(api.patch("/api/posts", rows.toString()), 413, "1501 rows");
        String big = "{\"name\":\"" + "x".repeat(70_000) + "\"}";
        assertProblem(api.post("/api/labels", big), 413, "sentro.writes.max-body-size");
        assertThat(fingerprint()).isEqualTo(before);
    }

    @Test
    void textADatabaseCannotStoreIsRefusedNamingTheField() {
        String before = fingerprint();
        Response nul = api.post("/api/labels", "{\"name\": \"a\\u0000b\"}");
        assertProblem(nul, 400, "NUL");
        assertThat(nul.json().get("parameter").asString()).isEqualTo("name");
        Response surrogate = api.post("/api/labels", "[{\"name\": \"ok \\ud83d\\ude00\"}, {\"name\": \"x\\ud800y\"}]");
        assertProblem(surrogate, 400, "surrogate");
        assertThat(surrogate.json().get("parameter").asString()).isEqualTo("[1].name");
        assertProblem(api.get("/api/labels?where.name.eq=a%00b"), 400, "where.name.eq");
        assertThat(fingerprint()).isEqualTo(before);
        // A paired surrogate is a character like any other.
        assertThat(ok(api.post("/api/labels", "{\"name\": \"smile \\ud83d\\ude00\"}")).get("name").asString())
                .isEqualTo("smile \ud83d\ude00");
    }

    @Test
    void everyPathUnderTheBasePathAnswersProblemJson() {
        Response slash = api.get("/api/");
        assertProblem(slash, 404, "trailing slash");
        assertThat(slash.json().get("code").asString()).isEqualTo("SENTRO-205");
        // What Tomcat refuses before any servlet runs: an encoded '/' in a key, a request line too long to read.
        Response encodedSlash = api.get("/api/labels/a%2Fb");
        assertProblem(encodedSlash, 400, "where.{key}.eq");
        assertThat(encodedSlash.json().get("code").asString()).isEqualTo("SENTRO-207");
        StringBuilder groups = new StringBuilder("/api/posts?limit=1");
        for (int i = 0; i < 1000; i++) {
            groups.append("&or.g").append(i).append(".id.eq=").append(i);
        }
        Response tooLong = api.get(groups.toString());
        assertProblem(tooLong, 400, "max-http-request-header-size");
        // More parameters than the container reads (1,000 by default), in a request line it can read.
        StringBuilder many = new StringBuilder("/api/posts?limit=1");
        for (int i = 0; i < 1100; i++) {
            many.append("&x=").append(i);
        }
        Response tooMany = api.get(many.toString());
        assertProblem(tooMany, 400, "max-parameter-count");
        assertThat(tooMany.json().get("parameter").asString()).isEqualTo("query");
        // Outside the base path, the application's own error pages are left alone.
        assertThat(api.get("/elsewhere/a%2Fb").contentType()).doesNotContain("problem");
    }

    @Test
    void aDecimalWithMorePlacesOrDigitsThanItsColumnIsRefusedNamingTheField() {
        String before = fingerprint();
        Response places = api.patch("/api/posts/1", "{\"price\": 1.234}");
        assertProblem(places, 400, "3 decimal places");
        assertThat(places.json().get("parameter").asString()).isEqualTo("price");
        assertProblem(api.post("/api/posts", "[{\"author_id\": 1, \"title\": \"a\", \"price\": 1}, {\"author_id\": 1, "
                + "\"title\": \"b\", \"price\": 123456789012.5}]"), 400, "[1].price");
        assertThat(fingerprint()).isEqualTo(before);
        // Trailing zeros are no places: 1.230 is 1.23.
        assertThat(ok(api.patch("/api/posts/1", "{\"price\": 1.230}")).get("price").decimalValue())
                .isEqualByComparingTo("1.23");
    }
}
