package io.sentro.spring.it;

import io.sentro.spring.it.HttpApi.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.sentro.spring.it.ApiScenarios.assertProblem;
import static io.sentro.spring.it.ApiScenarios.names;
import static io.sentro.spring.it.ApiScenarios.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Upserts on every database: {@code POST} with {@code Prefer: resolution=merge-duplicates} or
 * {@code ignore-duplicates}, on the primary key or the unique key {@code on_conflict} names; one object answers 201
 * or 200, an array its rows and their outcomes; a bad row writes nothing.
 */
abstract class UpsertScenarios extends OpenApiScenarios {

    private Response upsert(String path, String body, String resolution) {
        return api.send("POST", path, body, "application/json", "Prefer", "resolution=" + resolution);
    }

    @Test
    void mergeUpdatesTheRowWithTheKeyOrCreatesIt() {
        Response merged = upsert("/api/authors?on_conflict=email", "{\"email\": \"ada@example.com\", \"name\": "
                + "\"Ada L.\"}", "merge-duplicates");
        assertThat(merged.status()).as(merged.text()).isEqualTo(200);
        assertThat(merged.json().get("id").asLong()).isEqualTo(1);
        assertThat(merged.json().get("name").asString()).isEqualTo("Ada L.");
        assertThat(merged.header("Preference-Applied")).isEqualTo("resolution=merge-duplicates");
        assertThat(merged.location()).hasValue("/api/authors/1");
        assertThat(count("authors")).isEqualTo(3);
        Response created = upsert("/api/authors?on_conflict=email", "{\"email\": \"neo@example.com\", \"name\": "
                + "\"Neo\"}", "merge-duplicates");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.location()).hasValue("/api/authors/" + created.json().get("id").asLong());
        assertThat(count("authors")).isEqualTo(4);
    }

    @Test
    void anArrayAnswersWithEachRowsOutcomeInOneTransaction() {
        JsonNode answer = ok(upsert("/api/authors?on_conflict=email", "[{\"email\": \"alan@example.com\", \"name\": "
                + "\"Turing\"}, {\"email\": \"new@example.com\", \"name\": \"New\"}]", "merge-duplicates"));
        assertThat(names(answer.get("outcomes"), null)).containsExactly("updated", "created");
        assertThat(names(answer.get("rows"), "name")).containsExactly("Turing", "New");
        assertThat(answer.get("count").asLong()).isEqualTo(2);
        // On the primary key, here of two columns.
        JsonNode labels = ok(upsert("/api/post_labels", "[{\"post_id\": 1, \"label_id\": 1, \"note\": \"changed\"}, "
                + "{\"post_id\": 3, \"label_id\": 1, \"note\": \"new\"}]", "merge-duplicates"));
        assertThat(names(labels.get("outcomes"), null)).containsExactly("updated", "created");
        assertThat(jdbc.queryForObject("SELECT note FROM post_labels WHERE post_id = 1 AND label_id = 1",
                String.class)).isEqualTo("changed");
    }

    @Test
    void ignoreKeepsTheExistingRowAndAnswersWithIt() {
        Response ignored = upsert("/api/authors?on_conflict=email", "{\"email\": \"alan@example.com\", \"name\": "
                + "\"Changed\"}", "ignore-duplicates");
        assertThat(ignored.status()).as(ignored.text()).isEqualTo(200);
        assertThat(ignored.json().get("name").asString()).isEqualTo("Alan");
        JsonNode answer = ok(upsert("/api/labels?on_conflict=name", "[{\"name\": \"java\"}, {\"name\": \"go\"}]",
                "ignore-duplicates"));
        assertThat(names(answer.get("outcomes"), null)).containsExactly("ignored", "created");
        assertThat(count("labels")).isEqualTo(4);
        // A merge that gives nothing but the key has nothing to merge: the row is left as it is.
        JsonNode keyOnly = ok(upsert("/api/labels?on_conflict=name", "[{\"name\": \"sql\"}]", "merge-duplicates"));
        assertThat(names(keyOnly.get("outcomes"), null)).containsExactly("ignored");
    }

    @Test
    void returnMinimalAnswersWithTheOutcomesAlone() {
        Response minimal = api.send("POST", "/api/authors?on_conflict=email", "[{\"email\": \"ada@example.com\", "
                + "\"name\": \"A\"}]", "application/json", "Prefer", "resolution=merge-duplicates, return=minimal");
        assertThat(ok(minimal).toString()).isEqualTo("{\"outcomes\":[\"updated\"],\"count\":1}");
        assertThat(minimal.header("Preference-Applied")).isEqualTo("return=minimal, resolution=merge-duplicates");
    }

    @Test
    void badUpsertsWriteNothing() {
        String before = fingerprint();
        assertProblem(upsert("/api/authors?on_conflict=name", "{\"email\": \"a@b.c\", \"name\": \"A\"}",
                "merge-duplicates"), 400, "on_conflict");
        assertProblem(upsert("/api/authors?on_conflict=email", "{\"name\": \"A\"}", "merge-duplicates"), 400,
                "email");
        assertProblem(api.post("/api/authors?on_conflict=email", "{\"email\": \"a@b.c\", \"name\": \"A\"}"), 400,
                "resolution");
        assertProblem(upsert("/api/authors?on_conflict=email&x=1", "{\"email\": \"a@b.c\", \"name\": \"A\"}",
                "merge-duplicates"), 400, "x");
        assertProblem(upsert("/api/authors", "{\"email\": \"a@b.c\", \"name\": \"A\"}", "sometimes"), 400, "Prefer");
        // The second row is bad: the first one's merge is rolled back.
        assertProblem(upsert("/api/authors?on_conflict=email", "[{\"email\": \"ada@example.com\", \"name\": \"Z\"}, "
                + "{\"email\": \"b@example.com\", \"name\": null}]", "merge-duplicates"), 400, "[1].name");
        assertThat(fingerprint()).isEqualTo(before);
    }
}
