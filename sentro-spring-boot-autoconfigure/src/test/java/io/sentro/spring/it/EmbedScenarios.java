package io.sentro.spring.it;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.jdbc.core.JdbcTemplate;

import static io.sentro.spring.it.ApiScenarios.assertProblem;
import static io.sentro.spring.it.ApiScenarios.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Related rows embedded in responses and filters on related rows, on every database: many-to-one
 * ({@code posts.author}), one-to-many ({@code authors.posts}), many-to-many through {@code post_labels}
 * ({@code posts.labels}), nested three deep, each level with its own fields, sort, limit and filters; parents kept by
 * their children ({@code where.posts.status.eq}); one statement per relation level, whatever the number of parents.
 * The scenarios add a {@code comments} table with two foreign keys to {@code authors} (one nullable), whose relation
 * names need the clash rule.
 */
abstract class EmbedScenarios extends OpenApiScenarios {

    @BeforeAll
    @Override
    void start() {
        FixtureDatabase database = database();
        JdbcTemplate jdbc = new JdbcTemplate(database.dataSource());
        dropComments(jdbc);
        database.resetRows();
        createComments(jdbc);
        super.start();
    }

    @AfterAll
    void dropComments() {
        dropComments(jdbc);
    }

    @BeforeEach
    @Override
    void resetRows() {
        // Some databases' fixture resets recreate the tables, which a foreign key to them would block.
        dropComments(jdbc);
        database.resetRows();
        createComments(jdbc);
    }

    private static void dropComments(JdbcTemplate jdbc) {
        jdbc.execute("DROP TABLE IF EXISTS comments");
    }

    private static void createComments(JdbcTemplate jdbc) {
        jdbc.execute("CREATE TABLE comments (id INT NOT NULL PRIMARY KEY, post_id BIGINT NOT NULL, "
                + "author_id BIGINT NULL, reviewer_id BIGINT NULL, body VARCHAR(200) NOT NULL, "
                + "status VARCHAR(20) NOT NULL, "
                + "CONSTRAINT comments_post_fk FOREIGN KEY (post_id) REFERENCES posts (id), "
                + "CONSTRAINT comments_author_fk FOREIGN KEY (author_id) REFERENCES authors (id), "
                + "CONSTRAINT comments_reviewer_fk FOREIGN KEY (reviewer_id) REFERENCES authors (id))");
        jdbc.update("INSERT INTO comments (id, post_id, author_id, reviewer_id, body, status) VALUES "
                + "(1, 1, 2, 3, 'Nice', 'approved'), (2, 1, 3, NULL, 'Agreed', 'approved'), "
                + "(3, 1, NULL, NULL, 'Anonymous spam', 'spam'), (4, 3, 1, 3, 'Classic', 'approved'), "
                + "(5, 1, 1, NULL, 'Thanks all', 'approved')");
    }

    // ---- many-to-one ---------------------------------------------------------------------------------------------

    @Test
    void eachRowEmbedsItsManyToOneRowOrNull() {
        JsonNode posts = ok(api.get("/api/posts?embed=author&sort=id")).get("rows");
        assertThat(posts).hasSize(5);
        for (JsonNode post : posts) {
            assertThat(post.get("author").get("id").asLong()).isEqualTo(post.get("author_id").asLong());
        }
        assertThat(posts.get(4).get("author").get("name").asString()).isEqualTo("Grace");
        assertThat(posts.get(0).get("author").get("email").asString()).isEqualTo("ada@example.com");

        JsonNode comments = ok(api.get("/api/comments?embed=author,reviewer&sort=id")).get("rows");
        assertThat(comments.get(0).get("author").get("name").asString()).isEqualTo("Alan");
        assertThat(comments.get(0).get("reviewer").get("name").asString()).isEqualTo("Grace");
        assertThat(comments.get(2).get("author").isNull()).as("a NULL foreign key embeds null").isTrue();
        assertThat(comments.get(1).get("reviewer").isNull()).isTrue();

        // A filter of a many-to-one relation leaves it null where the related row does not match, the row kept.
        JsonNode filtered = ok(api.get("/api/comments?embed=author&author.where.name.eq=Ada&sort=id")).get("rows");
        assertThat(filtered).hasSize(5);
        assertThat(filtered.get(0).get("author").isNull()).isTrue();
        assertThat(filtered.get(3).get("author").get("name").asString()).isEqualTo("Ada");
        JsonNode related = ok(api.get("/api/comments?embed=author&author.where.posts.views.gt=200&sort=id"))
                .get("rows");
        assertThat(related.get(0).get("author").get("name").asString()).isEqualTo("Alan");
        assertThat(related.get(3).get("author").isNull()).isTrue();
    }

    @Test
    void fieldsOfTheParentAndOfTheEmbeddedRowAreThoseAskedFor() {
        JsonNode post = ok(api.get("/api/posts?fields=title&embed=author&author.fields=name&sort=id")).get("rows")
                .get(0);
        assertThat(post.propertyNames()).containsExactly("title", "author");
        assertThat(post.get("author").propertyNames()).containsExactly("name");
        assertThat(post.get("author").get("name").asString()).isEqualTo("Ada");
    }

    // ---- one-to-many and many-to-many ----------------------------------------------------------------------------

    @Test
    void oneToManyTakesItsOwnSortLimitAndFilters() {
        JsonNode authors = ok(api.get("/api/authors?embed=posts&posts.sort=-views&posts.limit=1&posts.fields=title"
                + "&sort=id")).get("rows");
        assertThat(authors).hasSize(3);
        assertThat(titles(authors.get(0).get("posts"))).containsExactly("Hello world");
        assertThat(titles(authors.get(1).get("posts"))).containsExactly("Computing machinery");
        assertThat(titles(authors.get(2).get("posts"))).containsExactly("Compilers");
        assertThat(authors.get(0).get("posts").get(0).propertyNames()).containsExactly("title");

        JsonNode filtered = ok(api.get("/api/authors?embed=posts&posts.where.status.eq=published&posts.sort=title"
                + "&sort=id")).get("rows");
        assertThat(titles(filtered.get(0).get("posts"))).containsExactly("Hello world");
        assertThat(titles(filtered.get(1).get("posts"))).containsExactly("Computing machinery");

        JsonNode all = ok(api.get("/api/authors?embed=posts&posts.sort=id&sort=id")).get("rows");
        assertThat(titles(all.get(0).get("posts"))).containsExactly("Hello world", "Second post");
        assertThat(titles(all.get(1).get("posts"))).containsExactly("Computing machinery",
                "Hello again, 50% off_sale");
    }

    @Test
    void noRelatedRowsWantedIsNoStatement() {
        int before = ConnectionLog.STATEMENTS.get();
        JsonNode authors = ok(api.get("/api/authors?embed=posts&posts.limit=0&count=none")).get("rows");
        assertThat(ConnectionLog.STATEMENTS.get() - before).isEqualTo(1);
        authors.forEach(author -> assertThat(author.get("posts")).isEmpty());
        assertThat(ok(api.get("/api/authors/1?embed=posts&posts.limit=0")).get("posts")).isEmpty();
    }

    @Test
    void aParentWithoutRelatedRowsEmbedsAnEmptyArray() {
        JsonNode authors = ok(api.get("/api/authors?embed=posts&posts.where.status.eq=archived&sort=id"))
                .get("rows");
        assertThat(authors.get(0).get("posts").isArray()).isTrue();
        assertThat(authors.get(0).get("posts")).isEmpty();
        assertThat(authors.get(1).get("posts")).hasSize(1);
    }

    @Test
    void manyToManyEmbedsTheFarRowsThroughTheJoinTable() {
        JsonNode posts = ok(api.get("/api/posts?embed=labels&labels.sort=name&sort=id")).get("rows");
        assertThat(names(posts.get(0).get("labels"))).containsExactly("java", "spring");
        assertThat(posts.get(1).get("labels")).isEmpty();
        assertThat(names(posts.get(2).get("labels"))).containsExactly("sql");
        assertThat(posts.get(0).get("labels").get(0).has("post_id")).as("join columns stay out").isFalse();

        JsonNode labels = ok(api.get("/api/labels?embed=posts&posts.fields=id&sort=id")).get("rows");
        assertThat(labels.get(0).get("posts").get(0).get("id").asLong()).isEqualTo(1);
        assertThat(labels.get(2).get("posts").get(0).get("id").asLong()).isEqualTo(3);
    }

    @Test
    void clashingRelationsHaveTheDocumentedNames() {
        JsonNode ada = ok(api.get("/api/authors/1?embed=comments_by_author_id,comments_by_reviewer_id"));
        assertThat(ada.get("comments_by_author_id")).hasSize(2);
        assertThat(ada.get("comments_by_reviewer_id")).isEmpty();
        JsonNode grace = ok(api.get("/api/authors/3?embed=comments_by_reviewer_id"));
        assertThat(grace.get("comments_by_reviewer_id")).hasSize(2);
        assertProblem(api.get("/api/authors/1?embed=comments"), 400, "comments_by_author_id");
    }

    // ---- nesting -------------------------------------------------------------------------------------------------

    @Test
    void relationsNestThreeLevelsWithParametersAtEachLevel() {
        JsonNode ada = ok(api.get("/api/authors/1?embed=posts.comments.author&posts.sort=id&posts.fields=title"
                + "&posts.comments.where.status.eq=approved&posts.comments.sort=id&posts.comments.fields=body"
                + "&posts.comments.author.fields=name"));
        JsonNode posts = ada.get("posts");
        assertThat(titles(posts)).containsExactly("Hello world", "Second post");
        assertThat(posts.get(0).propertyNames()).containsExactly("title", "comments");
        JsonNode comments = posts.get(0).get("comments");
        assertThat(comments).hasSize(3);
        assertThat(comments.get(0).get("body").asString()).isEqualTo("Nice");
        assertThat(comments.get(0).get("author").get("name").asString()).isEqualTo("Alan");
        assertThat(comments.get(2).get("author").get("name").asString()).isEqualTo("Ada");
        assertThat(comments.get(0).propertyNames()).containsExactly("body", "author");
        assertThat(posts.get(1).get("comments")).isEmpty();

        JsonNode deep = ok(api.get("/api/posts/3?embed=labels.posts.author&labels.posts.fields=title"));
        assertThat(deep.get("labels").get(0).get("posts").get(0).get("author").get("name").asString())
                .isEqualTo("Alan");
    }

    @Test
    void eachRelationLevelIsOneStatementWhateverTheNumberOfParents() {
        int before = ConnectionLog.STATEMENTS.get();
        ok(api.get("/api/posts?embed=author,labels,comments.author&count=none"));
        assertThat(ConnectionLog.STATEMENTS.get() - before)
                .as("posts with their author (joined), labels, comments, comments.author").isEqualTo(4);
        before = ConnectionLog.STATEMENTS.get();
        ok(api.get("/api/comments?embed=author,reviewer,post&count=none"));
        assertThat(ConnectionLog.STATEMENTS.get() - before).as("many-to-one relations are joined").isEqualTo(1);
        before = ConnectionLog.STATEMENTS.get();
        ok(api.get("/api/authors?embed=posts.labels&count=none"));
        assertThat(ConnectionLog.STATEMENTS.get() - before).isEqualTo(3);
        before = ConnectionLog.STATEMENTS.get();
        ok(api.get("/api/authors/1?embed=posts"));
        assertThat(ConnectionLog.STATEMENTS.get() - before).isEqualTo(2);
        before = ConnectionLog.STATEMENTS.get();
        // No parent has a reviewer: no statement for the relation at all.
        ok(api.get("/api/comments/2?embed=reviewer"));
        assertThat(ConnectionLog.STATEMENTS.get() - before).isEqualTo(1);
    }

    // ---- filtering parents by related rows -----------------------------------------------------------------------

    @Test
    void parentsAreKeptByTheirRelatedRowsWithoutFilteringTheEmbeddedOnes() {
        assertThat(names(ok(api.get("/api/authors?where.posts.status.eq=archived")).get("rows")))
                .containsExactly("Alan");
        JsonNode page = ok(api.get("/api/authors?where.posts.status.eq=published&sort=id&count=exact"
                + "&embed=posts&posts.sort=id"));
        assertThat(names(page.get("rows"))).containsExactly("Ada", "Alan", "Grace");
        assertThat(page.get("total").asLong()).isEqualTo(3);
        assertThat(page.get("rows").get(0).get("posts")).as("embedded rows are not filtered").hasSize(2);
        assertThat(titles(ok(api.get("/api/posts?where.author.name.eq=Grace")).get("rows")))
                .containsExactly("Compilers");
        assertThat(names(ok(api.get("/api/authors?where.posts.labels.name.eq=sql")).get("rows")))
                .containsExactly("Alan");
        assertThat(names(ok(api.get("/api/labels?where.posts.author.name.eq=Ada&sort=name")).get("rows")))
                .containsExactly("java", "spring");
        assertThat(names(ok(api.get("/api/authors?where.posts.views.gt=90&where.name.neq=Alan&sort=id"))
                .get("rows"))).containsExactly("Ada");
        assertThat(ok(api.get("/api/authors?where.comments_by_reviewer_id.status.eq=spam")).get("rows")).isEmpty();
        assertThat(names(ok(api.get("/api/authors?where.posts.title.ilike=%25MACHINERY%25")).get("rows")))
                .containsExactly("Alan");
        // Filters of embedded rows take related rows too.
        JsonNode authors = ok(api.get("/api/authors?embed=posts&posts.where.labels.name.eq=java&sort=id"))
                .get("rows");
        assertThat(titles(authors.get(0).get("posts"))).containsExactly("Hello world");
        assertThat(authors.get(1).get("posts")).isEmpty();
    }

    // ---- bad input -----------------------------------------------------------------------------------------------

    @Test
    void badEmbeddingsAreRefusedNamingTheParameter() {
        String before = fingerprint();
        assertProblem(api.get("/api/posts?embed=nope"), 400, "nope");
        assertThat(api.get("/api/posts?embed=nope").json().get("parameter").asString()).isEqualTo("embed");
        assertProblem(api.get("/api/posts?embed=author."), 400, "embed");
        assertProblem(api.get("/api/authors?embed=posts.labels.posts.author"), 400, "sentro.embed.max-depth");
        assertProblem(api.get("/api/posts?author.fields=name"), 400, "author.fields");
        assertProblem(api.get("/api/posts?embed=author&author.sort=name"), 400, "author.sort");
        assertProblem(api.get("/api/posts?embed=author&author.limit=1"), 400, "author.limit");
        assertProblem(api.get("/api/authors?embed=posts&posts.limit=5000"), 400, "posts.limit");
        assertProblem(api.get("/api/authors?embed=posts&posts.where.nope.eq=1"), 400, "posts.where.nope.eq");
        assertProblem(api.get("/api/authors?embed=posts&posts.fields=nope"), 400, "posts.fields");
        assertProblem(api.get("/api/authors?embed=posts&posts.sort=nope"), 400, "posts.sort");
        assertProblem(api.get("/api/authors?embed=posts&posts.where.views.eq=many"), 400, "posts.where.views.eq");
        assertProblem(api.get("/api/authors?embed=posts&posts.offset=2"), 400, "posts.offset");
        assertProblem(api.get("/api/authors?where.nope.status.eq=x"), 400, "where.nope.status.eq");
        assertProblem(api.get("/api/authors?where.posts.nope.eq=x"), 400, "where.posts.nope.eq");
        assertProblem(api.get("/api/authors?or.a.posts.status.eq=x"), 400, "or.a.posts.status.eq");
        assertProblem(api.get("/api/authors?where.posts.labels.posts.author.name.eq=x"), 400,
                "sentro.embed.max-depth");
        assertProblem(api.get("/api/posts/1?embed=author&limit=3"), 400, "limit");
        assertThat(api.get("/api/posts/999?embed=author").status()).isEqualTo(404);
        assertThat(fingerprint()).isEqualTo(before);
    }

    private static List<String> titles(JsonNode rows) {
        return ApiScenarios.names(rows, "title");
    }

    private static List<String> names(JsonNode rows) {
        return ApiScenarios.names(rows, "name");
    }
}
