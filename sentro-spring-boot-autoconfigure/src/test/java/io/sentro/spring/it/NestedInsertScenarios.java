package io.sentro.spring.it;

import io.sentro.spring.it.HttpApi.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.jdbc.core.JdbcTemplate;

import static io.sentro.spring.it.ApiScenarios.assertProblem;
import static io.sentro.spring.it.ApiScenarios.names;
import static io.sentro.spring.it.ApiScenarios.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nested inserts on every database: {@code POST} with related rows inline under relation names, a many-to-one
 * ({@code author}) created first and its key filled in, one-to-many rows ({@code posts}, {@code comments}) with their
 * foreign keys filled, many-to-many rows ({@code labels}) linked through the join table, two levels deep; all in one
 * transaction, and the answer embeds what was created. A bad row at any depth writes nothing and is named by its path.
 * The scenarios add a {@code comments} table whose key the database assigns.
 */
abstract class NestedInsertScenarios extends OpenApiScenarios {

    @BeforeAll
    @Override
    void start() {
        FixtureDatabase database = database();
        JdbcTemplate jdbc = new JdbcTemplate(database.dataSource());
        dropComments(jdbc);
        database.resetRows();
        createComments(jdbc, database.dialect());
        super.start();
    }

    @AfterAll
    void dropComments() {
        dropComments(jdbc);
    }

    @BeforeEach
    @Override
    void resetRows() {
        dropComments(jdbc);
        database.resetRows();
        createComments(jdbc, database.dialect());
    }

    private static void dropComments(JdbcTemplate jdbc) {
        jdbc.execute("DROP TABLE IF EXISTS comments");
    }

    private static void createComments(JdbcTemplate jdbc, String dialect) {
        String id = dialect.startsWith("PostgreSQL") ? "id SERIAL PRIMARY KEY"
                : dialect.startsWith("SQL Server") ? "id INT IDENTITY PRIMARY KEY" : "id INT AUTO_INCREMENT PRIMARY KEY";
        jdbc.execute("CREATE TABLE comments (" + id + ", post_id BIGINT NOT NULL, body VARCHAR(200) NOT NULL, "
                + "status VARCHAR(20) NOT NULL, CONSTRAINT comments_post_fk FOREIGN KEY (post_id) REFERENCES posts (id))");
    }

    private String everything() {
        return fingerprint() + ":" + count("comments");
    }

    @Test
    void aManyToOneRowIsCreatedFirstAndItsKeyFilledIn() {
        Response created = api.post("/api/posts", "{\"title\": \"Nested\", \"author\": {\"name\": \"Neo\", "
                + "\"email\": \"neo@example.com\"}}");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        JsonNode post = created.json();
        long authorId = post.get("author").get("id").asLong();
        assertThat(post.get("author_id").asLong()).isEqualTo(authorId);
        assertThat(post.get("author").get("email").asString()).isEqualTo("neo@example.com");
        assertThat(created.location()).hasValue("/api/posts/" + post.get("id").asLong());
        assertThat(jdbc.queryForObject("SELECT a.name FROM posts p JOIN authors a ON a.id = p.author_id WHERE p.id = ?",
                String.class, post.get("id").asLong())).isEqualTo("Neo");
    }

    @Test
    void childrenAndGrandchildrenGetTheirForeignKeysFilledAndAreEmbeddedInTheAnswer() {
        JsonNode author = ok(api.post("/api/authors", "{\"name\": \"Neo\", \"email\": \"neo@example.com\", "
                + "\"posts\": [{\"title\": \"First\", \"comments\": [{\"body\": \"Nice\", \"status\": \"approved\"}, "
                + "{\"body\": \"Spam\", \"status\": \"spam\"}]}, {\"title\": \"Second\", \"labels\": [{\"name\": "
                + "\"kotlin\"}, {\"name\": \"rust\"}]}]}"));
        long authorId = author.get("id").asLong();
        JsonNode posts = author.get("posts");
        assertThat(names(posts, "title")).containsExactly("First", "Second");
        assertThat(posts.get(0).get("author_id").asLong()).isEqualTo(authorId);
        long first = posts.get(0).get("id").asLong();
        assertThat(names(posts.get(0).get("comments"), "body")).containsExactly("Nice", "Spam");
        assertThat(posts.get(0).get("comments").get(1).get("post_id").asLong()).isEqualTo(first);
        assertThat(names(posts.get(1).get("labels"), "name")).containsExactly("kotlin", "rust");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM comments WHERE post_id = ?", Long.class, first))
                .isEqualTo(2);
        assertThat(jdbc.queryForList("SELECT l.name FROM post_labels pl JOIN labels l ON l.id = pl.label_id "
                + "WHERE pl.post_id = ? ORDER BY l.name", String.class, posts.get(1).get("id").asLong()))
                .containsExactly("kotlin", "rust");
        // What was created reads back the same way with embed.
        JsonNode read = ok(api.get("/api/authors/" + authorId + "?embed=posts.comments"));
        assertThat(read.get("posts").get(0).get("comments")).hasSize(2);
    }

    @Test
    void anArrayOfNestedRowsIsOneTransaction() {
        JsonNode created = ok(api.post("/api/posts", "[{\"title\": \"A\", \"author_id\": 1, \"comments\": [{\"body\": "
                + "\"x\", \"status\": \"new\"}]}, {\"title\": \"B\", \"author\": {\"name\": \"Bo\", \"email\": "
                + "\"bo@example.com\"}}]"));
        assertThat(created).hasSize(2);
        assertThat(created.get(0).get("comments").get(0).get("body").asString()).isEqualTo("x");
        assertThat(created.get(1).get("author").get("name").asString()).isEqualTo("Bo");
        String before = everything();
        // The second item's grandchild is bad: the first item is rolled back with it.
        Response bad = api.post("/api/posts", "[{\"title\": \"C\", \"author_id\": 1}, {\"title\": \"D\", "
                + "\"author_id\": 1, \"comments\": [{\"body\": \"ok\", \"status\": \"new\"}, {\"body\": \"no status\"}]}]");
        assertProblem(bad, 400, "[1].comments[1].status");
        assertThat(bad.json().get("parameter").asString()).isEqualTo("[1].comments[1].status");
        assertThat(everything()).isEqualTo(before);
    }

    @Test
    void aBadGrandchildWritesNothingAndIsNamedByItsPath() {
        String before = everything();
        String good = "{\"body\": \"ok\", \"status\": \"new\"}";
        // Refused while reading the body: a value that does not convert, an unknown field.
        Response unconvertible = api.post("/api/authors", "{\"name\": \"N\", \"email\": \"n@example.com\", \"posts\": "
                + "[{\"title\": \"T\", \"views\": \"many\"}]}");
        assertProblem(unconvertible, 400, "posts[0].views");
        Response unknown = api.post("/api/authors", "{\"name\": \"N\", \"email\": \"n@example.com\", \"posts\": "
                + "[{\"title\": \"T\", \"comments\": [" + good + ", {\"body\": \"b\", \"status\": \"s\", \"mood\": 1}]}]}");
        assertProblem(unknown, 400, "posts[0].comments[1].mood");
        assertThat(unknown.json().get("detail").asString()).contains("relations");
        // Refused after the parents were written: a missing value, then the database's own refusals.
        Response missing = api.post("/api/authors", "{\"name\": \"N\", \"email\": \"n@example.com\", \"posts\": "
                + "[{\"title\": \"T\", \"comments\": [" + good + ", {\"body\": \"no status\"}]}]}");
        assertProblem(missing, 400, "posts[0].comments[1].status");
        assertThat(missing.json().get("parameter").asString()).isEqualTo("posts[0].comments[1].status");
        Response tooLong = api.post("/api/authors", "{\"name\": \"N\", \"email\": \"n@example.com\", \"posts\": "
                + "[{\"title\": \"T\", \"comments\": [" + good + ", {\"body\": \"b\", \"status\": \""
                + "x".repeat(30) + "\"}]}]}");
        assertThat(tooLong.status()).as(tooLong.text()).isEqualTo(400);
        assertThat(tooLong.json().get("parameter").asString()).isEqualTo("posts[0].comments[1].status");
        Response duplicate = api.post("/api/authors", "{\"name\": \"N\", \"email\": \"n@example.com\", \"posts\": "
                + "[{\"title\": \"T\", \"labels\": [{\"name\": \"fresh\"}, {\"name\": \"java\"}]}]}");
        assertProblem(duplicate, 409, "posts[0].labels[1].name");
        assertThat(duplicate.json().get("parameter").asString()).isEqualTo("posts[0].labels[1].name");
        Response negative = api.post("/api/authors", "{\"name\": \"N\", \"email\": \"n@example.com\", \"posts\": "
                + "[{\"title\": \"T\"}, {\"title\": \"U\", \"views\": -1}]}");
        assertThat(negative.status()).as(negative.text()).isEqualTo(400);
        assertThat(negative.json().get("detail").asString()).contains("posts[1]");
        assertThat(everything()).isEqualTo(before);
    }

    @Test
    void foreignKeysSentroFillsAndMisshapenRelationsAreRefused() {
        String before = everything();
        assertProblem(api.post("/api/posts", "{\"title\": \"T\", \"author_id\": 1, \"author\": {\"name\": \"N\", "
                + "\"email\": \"n@example.com\"}}"), 400, "author_id");
        assertProblem(api.post("/api/posts", "{\"title\": \"T\", \"author_id\": 1, \"comments\": [{\"post_id\": 2, "
                + "\"body\": \"b\", \"status\": \"s\"}]}"), 400, "comments[0].post_id");
        assertProblem(api.post("/api/posts", "{\"title\": \"T\", \"author\": [{\"name\": \"N\"}]}"), 400, "author");
        assertProblem(api.post("/api/posts", "{\"title\": \"T\", \"author_id\": 1, \"comments\": {\"body\": \"b\"}}"),
                400, "comments");
        assertProblem(api.post("/api/posts", "{\"title\": \"T\", \"author_id\": 1, \"comments\": [1]}"), 400,
                "comments[0]");
        // Upserts write one table.
        assertProblem(api.send("POST", "/api/posts", "{\"title\": \"T\", \"author\": {\"name\": \"N\"}}",
                "application/json", "Prefer", "resolution=merge-duplicates"), 400, "related rows");
        assertThat(everything()).isEqualTo(before);
    }

    @Test
    void relationsThatCarryNoRowsAreAsIfAbsent() {
        // As generated clients send them: every property of the create schema, empty or null.
        JsonNode post = ok(api.post("/api/posts", "{\"title\": \"Alone\", \"author_id\": 1, \"author\": null, "
                + "\"comments\": [], \"labels\": []}"));
        assertThat(post.get("author_id").asLong()).isEqualTo(1);
        assertThat(post.path("comments").size()).isZero();
        Response upserted = api.send("POST", "/api/authors?on_conflict=email", "{\"email\": \"ada@example.com\", "
                + "\"name\": \"Ada L.\", \"posts\": []}", "application/json", "Prefer", "resolution=merge-duplicates");
        assertThat(upserted.status()).as(upserted.text()).isEqualTo(200);
        assertProblem(api.post("/api/posts", "{\"title\": \"T\", \"author\": null}"), 400, "author_id");
    }

    @Test
    void returnMinimalAnswersWithTheLocationAlone() {
        Response created = api.send("POST", "/api/posts", "{\"title\": \"M\", \"author\": {\"name\": \"Min\", "
                + "\"email\": \"min@example.com\"}}", "application/json", "Prefer", "return=minimal");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.text()).isEmpty();
        assertThat(created.location()).isPresent();
        assertThat(count("authors")).isEqualTo(4);
    }
}
