package io.sentro.spring.it;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import io.sentro.spring.it.HttpApi.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTTP contract, one set of scenarios run on every available database: a plain Boot app with the
 * auto-configuration on the fixture schema, driven over real HTTP. Every error scenario asserts the status, the
 * problem+json body naming the parameter, and that nothing was written.
 */
abstract class ApiScenarios extends DatabaseScenarios {

    @Override
    protected Class<?> application() {
        return PlainApplication.class;
    }

    @Override
    protected String[] properties() {
        // The open API, as a user runs it in development; access control has its own scenarios.
        return new String[] { "sentro.page.max-size=100", "sentro.security.access.default=permit-all" };
    }

    // ---- introspection ------------------------------------------------------------------------------------------

    @Test
    void schemaDescribesTablesViewsKeysAndTypes() {
        JsonNode schema = ok(api.get("/api/_schema"));
        assertThat(schema.get("database").asString()).matches(database.dialect().equals("MySQL-family")
                ? "MySQL|MariaDB" : database.dialect());
        assertThat(names(schema.get("tables"), "name")).contains("authors", "posts", "labels", "post_labels",
                "audit_log", "published_posts", "author_stats");
        JsonNode postLabels = table(schema, "post_labels");
        assertThat(names(postLabels.get("primaryKey"), null)).containsExactly("post_id", "label_id");
        assertThat(table(schema, "published_posts").get("kind").asString()).isEqualTo("view");
        assertThat(table(schema, "audit_log").get("insertable").asBoolean()).isFalse();
        JsonNode posts = table(schema, "posts");
        assertThat(posts.get("foreignKeys").get(0).get("references").asString()).isEqualTo("authors");
        assertThat(names(posts.get("foreignKeys").get(0).get("columns"), null)).containsExactly("author_id");
        JsonNode titleLength = column(posts, "title_length");
        assertThat(titleLength.get("generated").asBoolean()).isTrue();
        assertThat(titleLength.get("writable").asBoolean()).isFalse();
        assertThat(column(posts, "id").get("autoIncrement").asBoolean()).isTrue();
        assertThat(column(posts, "title").get("maxLength").asInt()).isEqualTo(200);
        assertThat(column(posts, "title").get("requiredOnCreate").asBoolean()).isTrue();
        assertThat(column(posts, "status").get("requiredOnCreate").asBoolean()).isFalse();
        assertThat(column(posts, "price").get("kind").asString()).isEqualTo("decimal");
        JsonNode authors = table(schema, "authors");
        assertThat(names(authors.get("uniqueConstraints").get(0).get("columns"), null)).containsExactly("email");
        if (database.hasEnums()) {
            assertThat(names(column(authors, "mood").get("enumValues"), null)).containsExactly("happy", "sad", "neutral");
        }
        if (database.hasJson()) {
            assertThat(column(authors, "profile").get("kind").asString()).isEqualTo("json");
        }
        if (!database.isSqlServer()) {
            assertThat(authors.get("comment").asString()).isEqualTo("People who write posts");
            assertThat(column(authors, "email").get("comment").asString()).isEqualTo("Login e-mail address");
        }
    }

    @Test
    void schemaDescribesTheRelationsOfTheForeignKeys() {
        JsonNode schema = ok(api.get("/api/_schema"));
        JsonNode posts = table(schema, "posts");
        assertThat(names(posts.get("relations"), "name")).containsExactly("author", "post_labels", "labels");
        JsonNode author = posts.get("relations").get(0);
        assertThat(author.get("kind").asString()).isEqualTo("many-to-one");
        assertThat(author.get("table").asString()).isEqualTo("authors");
        assertThat(names(author.get("columns"), null)).containsExactly("author_id");
        JsonNode labels = posts.get("relations").get(2);
        assertThat(labels.get("kind").asString()).isEqualTo("many-to-many");
        assertThat(labels.get("through").get("table").asString()).isEqualTo("post_labels");
        JsonNode authors = table(schema, "authors");
        assertThat(authors.get("relations").get(0).get("name").asString()).isEqualTo("posts");
        assertThat(authors.get("relations").get(0).get("kind").asString()).isEqualTo("one-to-many");
        assertThat(names(table(schema, "labels").get("relations"), "name")).containsExactly("post_labels", "posts");
    }

    @Test
    void theBasePathListsTheServedTables() {
        JsonNode index = ok(api.get("/api"));
        assertThat(names(index.get("tables"), "href")).contains("/api/posts", "/api/post_labels", "/api/author_stats");
        assertThat(index.get("schema").asString()).isEqualTo("/api/_schema");
    }

    // ---- reads --------------------------------------------------------------------------------------------------

    @Test
    void listsRowsWithTotalAndPageInPrimaryKeyOrder() {
        JsonNode page = ok(api.get("/api/posts"));
        assertThat(ids(page)).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(page.get("total").asLong()).isEqualTo(5);
        assertThat(page.get("limit").asLong()).isEqualTo(20);
        assertThat(page.get("offset").asLong()).isZero();
    }

    @Test
    void pagesWithLimitAndOffset() {
        JsonNode page = ok(api.get("/api/posts?limit=2&offset=1"));
        assertThat(ids(page)).containsExactly(2L, 3L);
        assertThat(page.get("total").asLong()).isEqualTo(5);
        assertThat(ids(ok(api.get("/api/posts?limit=2&offset=4")))).containsExactly(5L);
        JsonNode empty = ok(api.get("/api/posts?limit=0"));
        assertThat(empty.get("rows").size()).isZero();
        assertThat(empty.get("total").asLong()).isEqualTo(5);
        JsonNode past = ok(api.get("/api/posts?offset=10"));
        assertThat(past.get("rows").size()).isZero();
        assertThat(past.get("total").asLong()).isEqualTo(5);
    }

    @Test
    void sortsAscendingDescendingAndByManyColumns() {
        assertThat(ids(ok(api.get("/api/posts?sort=-id&limit=3")))).containsExactly(5L, 4L, 3L);
        assertThat(ids(ok(api.get("/api/posts?sort=-views")))).containsExactly(3L, 1L, 5L, 4L, 2L);
        assertThat(ids(ok(api.get("/api/posts?sort=author_id,-views")))).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(ids(ok(api.get("/api/posts?sort=status,-id")))).containsExactly(4L, 2L, 5L, 3L, 1L);
    }

    @Test
    void projectsFields() {
        JsonNode row = ok(api.get("/api/posts?fields=id,title&limit=1")).get("rows").get(0);
        assertThat(names(row)).containsExactly("id", "title");
        JsonNode one = ok(api.get("/api/posts/3?fields=title"));
        assertThat(names(one)).containsExactly("title");
        assertThat(one.get("title").asString()).isEqualTo("Computing machinery");
    }

    @Test
    void filtersWithEveryOperator() {
        assertThat(ids(ok(api.get("/api/posts?where.status.eq=published")))).containsExactly(1L, 3L, 5L);
        assertThat(ids(ok(api.get("/api/posts?where.status.neq=published")))).containsExactly(2L, 4L);
        assertThat(ids(ok(api.get("/api/posts?where.views.gt=75")))).containsExactly(1L, 3L);
        assertThat(ids(ok(api.get("/api/posts?where.views.gte=75")))).containsExactly(1L, 3L, 5L);
        assertThat(ids(ok(api.get("/api/posts?where.views.lt=75")))).containsExactly(2L, 4L);
        assertThat(ids(ok(api.get("/api/posts?where.views.lte=75")))).containsExactly(2L, 4L, 5L);
        assertThat(ids(ok(api.get("/api/posts?where.views.gt=10&where.views.lte=100")))).containsExactly(1L, 4L, 5L);
        assertThat(ids(ok(api.get("/api/posts?where.id.in=3,5,7")))).containsExactly(3L, 5L);
        assertThat(ids(ok(api.get("/api/posts?where.status.nin=draft,archived")))).containsExactly(1L, 3L, 5L);
        assertThat(ids(ok(api.get("/api/posts?where.title.in=%22Hello%20again,%2050%25%20off_sale%22,Compilers"))))
                .containsExactly(4L, 5L);
        assertThat(ids(ok(api.get("/api/posts?where.title.like=Hello%25")))).containsExactly(1L, 4L);
        assertThat(ids(ok(api.get("/api/posts?where.title.ilike=%25HELLO%25")))).containsExactly(1L, 4L);
        assertThat(ids(ok(api.get("/api/posts?where.title.ilike=c_mpilers")))).containsExactly(5L);
        assertThat(ids(ok(api.get("/api/posts?where.price.isNull=true")))).containsExactly(2L);
        assertThat(ids(ok(api.get("/api/posts?where.price.isNull=false")))).containsExactly(1L, 3L, 4L, 5L);
        assertThat(ids(ok(api.get("/api/posts?where.price.eq=12345678.91")))).containsExactly(3L);
        assertThat(ids(ok(api.get("/api/posts?where.published_on.gte=2025-02-01")))).containsExactly(3L, 4L);
        assertThat(ids(ok(api.get("/api/posts?where.rating.gt=3.5")))).containsExactly(1L);
        assertThat(ids(ok(api.get("/api/authors?where.active.eq=false")))).containsExactly(3L);
        assertThat(ids(ok(api.get("/api/authors?where.mood.in=happy,sad")))).containsExactly(1L, 2L);
        JsonNode counted = ok(api.get("/api/posts?where.status.eq=published&limit=1"));
        assertThat(ids(counted)).containsExactly(1L);
        assertThat(counted.get("total").asLong()).isEqualTo(3);
    }

    @Test
    void orGroupsAreAlternativesAndedWithTheOtherFilters() {
        assertThat(ids(ok(api.get("/api/posts?or.a.status.eq=draft&or.b.views.gt=200")))).containsExactly(2L, 3L);
        assertThat(ids(ok(api.get("/api/posts?or.a.status.eq=draft&or.b.views.gt=200&where.author_id.eq=2"))))
                .containsExactly(3L);
        assertThat(ids(ok(api.get("/api/posts?or.a.status.eq=archived&or.a.views.eq=30&or.b.id.eq=5"))))
                .containsExactly(4L, 5L);
    }

    @Test
    void searchesTextColumnsCaseInsensitivelyAndLiterally() {
        assertThat(ids(ok(api.get("/api/posts?search=HELLO")))).containsExactly(1L, 4L);
        assertThat(ids(ok(api.get("/api/posts?search=50%25%20off_")))).containsExactly(4L);
        assertThat(ids(ok(api.get("/api/posts?search=%25")))).containsExactly(4L);
        assertThat(ids(ok(api.get("/api/posts?search=_")))).containsExactly(4L);
        assertThat(ids(ok(api.get("/api/posts?search=hello&where.status.eq=published")))).containsExactly(1L);
    }

    @Test
    void countNoneLeavesTheTotalOut() {
        JsonNode page = ok(api.get("/api/posts?count=none&limit=2"));
        assertThat(page.get("rows").size()).isEqualTo(2);
        assertThat(page.get("total").isNull()).isTrue();
    }

    @Test
    void writesDecimalsWithTheirScaleAndDescribesIt() {
        // decimal(12,2): 10.50 stays 10.50 on the wire (in a row and in a page); _schema gives precision and scale
        // for clients whose JSON parser drops the trailing zero.
        assertThat(api.get("/api/posts/1").text()).contains("\"price\":10.50,");
        assertThat(api.get("/api/posts?where.id.eq=1").text()).contains("\"price\":10.50,");
        JsonNode price = column(table(ok(api.get("/api/_schema")), "posts"), "price");
        assertThat(price.get("precision").asInt()).isEqualTo(12);
        assertThat(price.get("scale").asInt()).isEqualTo(2);
        assertThat(column(table(ok(api.get("/api/_schema")), "posts"), "views").has("scale")).isFalse();
    }

    @Test
    void getsOneRowWithTypedValues() {
        JsonNode post = ok(api.get("/api/posts/3"));
        assertThat(post.get("title").asString()).isEqualTo("Computing machinery");
        assertThat(post.get("price").isNumber()).isTrue();
        assertThat(post.get("price").decimalValue()).isEqualByComparingTo("12345678.91");
        assertThat(post.get("rating").doubleValue()).isEqualTo(3.25);
        assertThat(post.get("published_on").asString()).isEqualTo("2025-02-01");
        assertThat(post.get("title_length").asInt()).isEqualTo(19);
        assertThat(post.get("created_at").asString()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}.*");
        JsonNode author = ok(api.get("/api/authors/1"));
        assertThat(author.get("active").isBoolean()).isTrue();
        if (database.hasJson()) {
            assertThat(author.get("profile").isObject()).isTrue();
            assertThat(author.get("profile").get("n").asInt()).isEqualTo(1);
            assertThat(author.get("profile").get("tags").get(0).asString()).isEqualTo("math");
        }
        assertThat(api.get("/api/posts/999").status()).isEqualTo(404);
    }

    @Test
    void getsRowsByCompositeKey() {
        JsonNode row = ok(api.get("/api/post_labels/1,2"));
        assertThat(row.get("post_id").asLong()).isEqualTo(1);
        assertThat(row.get("label_id").asLong()).isEqualTo(2);
        assertThat(api.get("/api/post_labels/2,1").status()).isEqualTo(404);
    }

    @Test
    void readsViewsAndTablesWithoutPrimaryKey() {
        assertThat(ids(ok(api.get("/api/published_posts")))).containsExactly(1L, 3L, 5L);
        JsonNode log = ok(api.get("/api/audit_log?sort=message"));
        assertThat(log.get("total").asLong()).isEqualTo(2);
        assertThat(log.get("rows").get(0).get("message").asString()).isEqualTo("created");
    }

    // ---- writes -------------------------------------------------------------------------------------------------

    @Test
    void createsOneRowReturningItAsStoredWithLocation() {
        Response response = api.post("/api/posts", "{\"author_id\":1,\"title\":\"Fresh\",\"price\":12345678.91}");
        assertThat(response.status()).isEqualTo(201);
        JsonNode created = response.json();
        long id = created.get("id").asLong();
        assertThat(id).isEqualTo(6);
        assertThat(created.get("status").asString()).isEqualTo("draft");
        assertThat(created.get("views").asInt()).isZero();
        assertThat(created.get("title_length").asInt()).isEqualTo(5);
        assertThat(created.get("created_at").isNull()).isFalse();
        assertThat(response.location()).hasValue("/api/posts/6");
        assertThat(jdbc.queryForObject("SELECT price FROM posts WHERE id = 6", BigDecimal.class))
                .isEqualByComparingTo("12345678.91");
        assertThat(ok(api.get(response.location().get())).get("title").asString()).isEqualTo("Fresh");
    }

    @Test
    void createsManyRowsInOneRequest() {
        Response response = api.post("/api/labels", "[{\"name\":\"a1\"},{\"name\":\"a2\"}]");
        assertThat(response.status()).isEqualTo(201);
        assertThat(names(response.json(), "name")).containsExactly("a1", "a2");
        assertThat(count("labels")).isEqualTo(5);
    }

    @Test
    void writesJsonBinaryAndBooleanValues() {
        String profile = database.hasJson() ? "{\"a\":[1,2.5,\"x\"],\"b\":null}" : "\"{}\"";
        Response response = api.post("/api/authors", "{\"name\":\"Bo\",\"email\":\"bo@example.com\",\"active\":false,"
                + "\"avatar\":\"AAEC/w==\",\"profile\":" + profile + "}");
        assertThat(response.status()).isEqualTo(201);
        JsonNode author = ok(api.get(response.location().get()));
        assertThat(author.get("avatar").asString()).isEqualTo("AAEC/w==");
        assertThat(author.get("active").asBoolean()).isFalse();
        if (database.hasJson()) {
            assertThat(author.get("profile").get("a").get(1).decimalValue()).isEqualByComparingTo("2.5");
        }
        if (database.hasEnums()) {
            assertThat(author.get("mood").asString()).isEqualTo("neutral");
        }
    }

    @Test
    void patchesPutsAndDeletes() {
        JsonNode patched = ok(api.patch("/api/posts/2", "{\"title\":\"Renamed\",\"views\":7}"));
        assertThat(patched.get("title").asString()).isEqualTo("Renamed");
        assertThat(patched.get("title_length").asInt()).isEqualTo(7);
        assertThat(jdbc.queryForObject("SELECT views FROM posts WHERE id = 2", Integer.class)).isEqualTo(7);

        JsonNode replaced = ok(api.put("/api/posts/2", "{\"id\":2,\"author_id\":2,\"title\":\"Replaced\"}"));
        assertThat(replaced.get("views").asInt()).isZero();
        assertThat(replaced.get("status").asString()).isEqualTo("draft");
        assertThat(replaced.get("author_id").asLong()).isEqualTo(2);

        assertThat(api.patch("/api/posts/999", "{\"title\":\"x\"}").status()).isEqualTo(404);
        assertThat(api.delete("/api/posts/2").status()).isEqualTo(204);
        assertThat(api.get("/api/posts/2").status()).isEqualTo(404);
        assertThat(api.delete("/api/posts/2").status()).isEqualTo(404);
        assertThat(count("posts")).isEqualTo(4);
    }

    @Test
    void roundTripsCompositeKeysThroughLocation() {
        Response created = api.post("/api/post_labels", "{\"post_id\":4,\"label_id\":2,\"note\":\"n\"}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.location()).hasValue("/api/post_labels/4,2");
        assertThat(ok(api.get(created.location().get())).get("note").asString()).isEqualTo("n");
        assertThat(ok(api.patch(created.location().get(), "{\"note\":\"m\"}")).get("note").asString()).isEqualTo("m");
        assertThat(api.delete(created.location().get()).status()).isEqualTo(204);
        assertThat(count("post_labels")).isEqualTo(3);
    }

    // ---- errors: clear problem+json, nothing written -------------------------------------------------------------

    @Test
    void unknownTableIs404() {
        assertProblem(api.get("/api/no_such_table"), 404, "no_such_table");
        assertProblem(api.post("/api/no_such_table", "{}"), 404, "no_such_table");
    }

    @Test
    void unknownColumnsAre400() {
        assertProblem(api.get("/api/posts?where.nope.eq=1"), 400, "nope");
        assertProblem(api.get("/api/posts?sort=nope"), 400, "nope");
        assertProblem(api.get("/api/posts?fields=id,nope"), 400, "nope");
        assertProblem(api.get("/api/posts/1?fields=nope"), 400, "nope");
        assertProblem(api.get("/api/posts?sort=id;drop%20table%20posts"), 400, "sort");
    }

    @Test
    void badOperatorsAndValuesAre400() {
        assertProblem(api.get("/api/posts?where.views.near=1"), 400, "near");
        assertProblem(api.get("/api/posts?where.views.eq=abc"), 400, "where.views.eq");
        assertProblem(api.get("/api/posts?where.views.eq=99999999999"), 400, "where.views.eq");
        assertProblem(api.get("/api/posts?where.views.in=1,x"), 400, "where.views.in");
        assertProblem(api.get("/api/posts?where.published_on.gt=yesterday"), 400, "where.published_on.gt");
        assertProblem(api.get("/api/posts?where.views.like=1%25"), 400, "like");
        assertProblem(api.get("/api/posts?where.price.isNull=maybe"), 400, "where.price.isNull");
        assertProblem(api.get("/api/authors?where.active.gt=true"), 400, "gt");
        if (database.hasEnums()) {
            assertProblem(api.get("/api/authors?where.mood.eq=angry"), 400, "angry");
        }
        assertProblem(api.get("/api/posts?bogus=1"), 400, "bogus");
        assertProblem(api.get("/api/posts?count=maybe"), 400, "count");
        assertProblem(api.get("/api/posts?limit=1&limit=2"), 400, "limit");
        assertProblem(api.get("/api/posts?search=x&where.title.eq=y&or.a=1"), 400, "or.a");
    }

    @Test
    void pageBoundsAre400NamingTheLimit() {
        assertProblem(api.get("/api/posts?limit=101"), 400, "100");
        assertProblem(api.get("/api/posts?limit=-1"), 400, "limit");
        assertProblem(api.get("/api/posts?offset=-1"), 400, "offset");
        assertProblem(api.get("/api/posts?limit=ten"), 400, "limit");
    }

    @Test
    void badKeysAre400() {
        assertProblem(api.get("/api/posts/abc"), 400, "abc");
        assertProblem(api.get("/api/post_labels/1"), 400, "2 columns");
        assertProblem(api.get("/api/post_labels/1,2,3"), 400, "2 columns");
    }

    @Test
    void badBodiesAre400AndWriteNothing() {
        String before = fingerprint();
        assertProblem(api.post("/api/posts", "{\"title\": "), 400, "JSON");
        assertProblem(api.post("/api/posts", ""), 400, "empty");
        assertProblem(api.post("/api/posts", "{\"title\":\"no author\"}"), 400, "author_id");
        assertProblem(api.post("/api/posts", "{\"author_id\":1,\"title\":\"x\",\"nope\":1}"), 400, "nope");
        assertProblem(api.post("/api/posts", "{\"author_id\":\"abc\",\"title\":\"x\"}"), 400, "author_id");
        assertProblem(api.post("/api/posts", "{\"author_id\":1,\"title\":\"x\",\"views\":1.5}"), 400, "views");
        assertProblem(api.post("/api/posts", "{\"author_id\":1,\"title\":null}"), 400, "title");
        assertProblem(api.post("/api/posts", "{\"author_id\":1,\"title\":\"" + "x".repeat(201) + "\"}"), 400, "200");
        assertProblem(api.post("/api/posts", "{\"author_id\":1,\"title\":\"x\",\"published_on\":\"soon\"}"), 400,
                "published_on");
        assertProblem(api.post("/api/posts", "{\"author_id\":1,\"title\":\"x\",\"title_length\":3}"), 400,
                "title_length");
        assertProblem(api.post("/api/posts", "{\"author_id\":1,\"title\":\"x\",\"id\":99}"), 400, "id");
        assertProblem(api.post("/api/posts", "{\"author_id\":1,\"title\":\"x\",\"title\":\"y\"}"), 400, "title");
        assertProblem(api.post("/api/posts", "[1]"), 400, "object");
        assertProblem(api.post("/api/posts", "[]"), 400, "empty");
        assertProblem(api.post("/api/posts", "42"), 400, "object");
        assertProblem(api.post("/api/authors", "{\"name\":\"x\",\"email\":\"x@example.com\",\"avatar\":\"***\"}"), 400,
                "avatar");
        if (database.hasEnums()) {
            assertProblem(api.post("/api/authors", "{\"name\":\"x\",\"email\":\"x@example.com\",\"mood\":\"angry\"}"),
                    400, "angry");
        }
        assertProblem(api.patch("/api/posts/1", "{}"), 400, "no column");
        assertProblem(api.patch("/api/posts/1", "{\"title_length\":1}"), 400, "title_length");
        assertProblem(api.put("/api/posts/1", "{\"title\":\"no author\"}"), 400, "author_id");
        assertProblem(api.put("/api/posts/1", "{\"id\":2,\"author_id\":1,\"title\":\"x\"}"), 400, "differs");
        assertProblem(api.post("/api/labels", "[{\"name\":\"ok\"},{}]"), 400, "[1].name");
        assertProblem(api.send("POST", "/api/posts", "author_id=1", "application/x-www-form-urlencoded"), 415,
                "JSON");
        assertThat(fingerprint()).isEqualTo(before);
    }

    @Test
    void constraintViolationsAre409OrAre400AndWriteNothing() {
        String before = fingerprint();
        assertProblem(api.post("/api/authors", "{\"name\":\"dup\",\"email\":\"ada@example.com\"}"), 409, "unique");
        assertProblem(api.post("/api/posts", "{\"author_id\":999999,\"title\":\"orphan\"}"), 409, "author_id");
        assertProblem(api.patch("/api/posts/1", "{\"author_id\":999999}"), 409, "foreign key");
        assertProblem(api.delete("/api/authors/1"), 409, "foreign key");
        assertProblem(api.patch("/api/posts/1", "{\"views\":-1}"), 400, "check");
        assertProblem(api.post("/api/labels", "[{\"name\":\"b1\"},{\"name\":\"java\"}]"), 409, "unique");
        assertProblem(api.post("/api/labels", "[{\"name\":\"b1\"},{\"nome\":\"b2\"}]"), 400, "[1].nome");
        assertThat(fingerprint()).isEqualTo(before);
        assertThat(count("labels")).isEqualTo(3);
    }

    @Test
    void constraintViolationsNameTheKeyTheColumnsAndTheReferencingTable() {
        Response duplicate = api.post("/api/authors", "{\"name\":\"dup\",\"email\":\"ada@example.com\"}");
        assertProblem(duplicate, 409, "with the same email already exists");
        assertThat(duplicate.json().get("parameter").asString()).isEqualTo("email");
        assertThat(duplicate.json().get("columns").asString()).isEqualTo("email");
        Response orphan = api.post("/api/posts", "{\"author_id\":999999,\"title\":\"orphan\"}");
        assertProblem(orphan, 409, "must name an existing row of 'authors'");
        assertThat(orphan.json().get("parameter").asString()).isEqualTo("author_id");
        assertThat(orphan.json().get("constraint").asString()).isEqualToIgnoringCase("posts_author_fk");
        Response referenced = api.delete("/api/authors/1");
        assertProblem(referenced, 409, "still referenced by rows of 'posts'");
        assertThat(referenced.json().get("referencingTable").asString()).isEqualTo("posts");
        assertThat(referenced.json().get("referencingColumns").asString()).isEqualTo("author_id");
        assertThat(api.patch("/api/labels/1", "{\"name\":\"spring\"}").json().get("parameter").asString())
                .isEqualTo("name");
    }

    @Test
    void writesToReadOnlyRelationsAre405AndWriteNothing() {
        String before = fingerprint();
        Response toView = api.post("/api/author_stats", "{\"author_id\":1}");
        assertProblem(toView, 405, "author_stats");
        assertThat(toView.allow()).hasValue("GET");
        assertProblem(api.delete("/api/audit_log/1"), 405, "primary key");
        assertProblem(api.post("/api/audit_log", "{\"message\":\"x\"}"), 405, "audit_log");
        assertProblem(api.patch("/api/published_posts/1", "{\"title\":\"x\"}"), 405, "published_posts");
        Response toSchema = api.post("/api/_schema", "{}");
        assertProblem(toSchema, 405, "GET");
        assertThat(toSchema.allow()).hasValue("GET");
        assertThat(fingerprint()).isEqualTo(before);
        assertThat(count("audit_log")).isEqualTo(2);
    }

    @Test
    void tablesConfiguredReadOnlyRefuseWritesWithNothingWritten() {
        String before = fingerprint();
        try (RunningApp readOnly = RunningApp.start(PlainApplication.class, database, "sentro.security.access.default=permit-all",
                "sentro.read-only-tables=post*",
                "sentro.exclude-tables=audit_log")) {
            HttpApi readOnlyApi = readOnly.api();
            assertThat(ok(readOnlyApi.get("/api/posts/1")).get("id").asLong()).isEqualTo(1);
            assertProblem(readOnlyApi.post("/api/posts", "{\"author_id\":1,\"title\":\"x\"}"), 405, "read-only");
            assertProblem(readOnlyApi.patch("/api/posts/1", "{\"title\":\"x\"}"), 405, "read-only");
            assertProblem(readOnlyApi.delete("/api/post_labels/1,1"), 405, "read-only");
            assertProblem(readOnlyApi.get("/api/audit_log"), 404, "audit_log");
            // Nor do they take rows from a nested insert, directly or as a many-to-many's join table.
            assertProblem(readOnlyApi.post("/api/authors", "{\"name\":\"N\",\"email\":\"n@example.com\",\"posts\":"
                    + "[{\"title\":\"x\"}]}"), 400, "read-only");
            assertProblem(readOnlyApi.post("/api/labels", "{\"name\":\"n\",\"posts\":[{\"author_id\":1,"
                    + "\"title\":\"x\"}]}"), 400, "posts");
            assertThat(count("authors")).isEqualTo(3);
            assertThat(readOnlyApi.post("/api/labels", "{\"name\":\"still writable\"}").status()).isEqualTo(201);
        }
        assertThat(fingerprint()).isNotEqualTo(before);
        assertThat(count("posts")).isEqualTo(5);
        assertThat(count("post_labels")).isEqualTo(3);
    }

    @Test
    void valuesAreBoundNeverSpliced() {
        JsonNode page = ok(api.get("/api/posts?where.title.eq=%27%20OR%201%3D1--"));
        assertThat(page.get("rows").size()).isZero();
        Response created = api.post("/api/labels", "{\"name\":\"'); DROP TABLE labels; --\"}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(count("labels")).isEqualTo(4);
    }

    // ---- round trips ----------------------------------------------------------------------------------------------

    @Test
    void aWriteOfOneRowWithoutHooksIsOneStatementInAutoCommit() {
        // MySQL has no RETURNING: its INSERT and UPDATE select the written row again (MariaDB's driver returns an
        // inserted row; an updated one is selected again there too).
        boolean mysql = database.url().startsWith("jdbc:mysql:");
        boolean mysqlFamily = mysql || database.url().startsWith("jdbc:mariadb:");
        int transactions = ConnectionLog.TRANSACTIONS.get();
        int statements = ConnectionLog.STATEMENTS.get();
        JsonNode created = ok(api.post("/api/labels", "{\"name\":\"zig\"}"));
        assertThat(ConnectionLog.STATEMENTS.get() - statements).isEqualTo(mysql ? 2 : 1);
        statements = ConnectionLog.STATEMENTS.get();
        ok(api.patch("/api/posts/1", "{\"views\":7}"));
        assertThat(ConnectionLog.STATEMENTS.get() - statements).isEqualTo(mysqlFamily ? 2 : 1);
        statements = ConnectionLog.STATEMENTS.get();
        assertThat(api.delete("/api/labels/" + created.get("id").asLong()).status()).isEqualTo(204);
        assertThat(ConnectionLog.STATEMENTS.get() - statements).isEqualTo(1);
        assertThat(ConnectionLog.TRANSACTIONS.get() - transactions).isZero();
        assertThat(api.patch("/api/posts/999", "{\"views\":7}").status()).isEqualTo(404);
        assertThat(api.delete("/api/labels/999").status()).isEqualTo(404);
        assertThat(ConnectionLog.TRANSACTIONS.get() - transactions).isZero();
    }

    @Test
    void severalRowsAreCreatedInOneTransaction() {
        int transactions = ConnectionLog.TRANSACTIONS.get();
        assertThat(api.post("/api/labels", "[{\"name\":\"zig\"},{\"name\":\"nim\"}]").status()).isEqualTo(201);
        assertThat(ConnectionLog.TRANSACTIONS.get() - transactions).isEqualTo(1);
        assertThat(count("labels")).isEqualTo(5);
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    static JsonNode ok(Response response) {
        assertThat(response.status()).as(response.text()).isBetween(200, 201);
        assertThat(response.contentType()).startsWith("application/json");
        return response.json();
    }

    static void assertProblem(Response response, int status, String detailMentions) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("type").asString()).startsWith("urn:sentro:problem:");
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("detail").asString() + " " + problem.path("parameter").asString(""))
                .containsIgnoringCase(detailMentions);
        assertThat(response.text()).doesNotContainIgnoringCase("select ").doesNotContainIgnoringCase("insert into")
                .doesNotContain("Exception");
    }

    private static List<Long> ids(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.get("rows").values().forEach(row -> ids.add(row.get("id").asLong()));
        return ids;
    }

    /** The values of {@code field} in each object of {@code array}, as text (the elements themselves when null). */
    static List<String> names(JsonNode array, String field) {
        List<String> names = new ArrayList<>();
        array.values().forEach(node -> names.add(field == null ? node.asString() : node.get(field).asString()));
        return names;
    }

    private static List<String> names(JsonNode object) {
        return new ArrayList<>(object.propertyNames());
    }

    static JsonNode table(JsonNode schema, String name) {
        for (JsonNode table : schema.get("tables").values()) {
            if (table.get("name").asString().equals(name)) {
                return table;
            }
        }
        throw new AssertionError("no table " + name + " in _schema");
    }

    static JsonNode column(JsonNode table, String name) {
        for (JsonNode column : table.get("columns").values()) {
            if (column.get("name").asString().equals(name)) {
                return column;
            }
        }
        throw new AssertionError("no column " + name + " in " + table.get("name"));
    }
}
