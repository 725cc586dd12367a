package io.sentro.spring.it;

import java.util.List;

import io.sentro.spring.it.HttpApi.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.sentro.spring.it.ApiScenarios.assertProblem;
import static io.sentro.spring.it.ApiScenarios.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Row scopes on every available database: {@code posts} scoped by {@code author_id} to the caller's {@code author}
 * attribute (properties; an API key attribute or a JWT claim), {@code authors} scoped by a customizer. Every escape
 * attempt answers as if the foreign rows did not exist, or with 403 for a write that would leave the scope, and
 * writes nothing.
 */
abstract class RowScopeScenarios extends SecuredScenarios {

    static final String ADA = "ada-key-0123456789";
    static final String ALAN = "alan-key-0123456789";
    static final String NOBODY = "nobody-key-0123456789";
    static final String ADMIN = "admin-key-0123456789";

    @Override
    protected String[] securityProperties() {
        return new String[] {
                "sentro.security.api-keys[0].name=ada", "sentro.security.api-keys[0].key=" + ADA,
                "sentro.security.api-keys[0].roles=EDITOR", "sentro.security.api-keys[0].attributes.author=1",
                "sentro.security.api-keys[1].name=alan", "sentro.security.api-keys[1].key=" + ALAN,
                "sentro.security.api-keys[1].roles=EDITOR", "sentro.security.api-keys[1].attributes.author=2",
                "sentro.security.api-keys[2].name=nobody", "sentro.security.api-keys[2].key=" + NOBODY,
                "sentro.security.api-keys[2].roles=EDITOR",
                "sentro.security.api-keys[3].name=admin", "sentro.security.api-keys[3].key=" + ADMIN,
                "sentro.security.api-keys[3].roles=ADMIN",
                "sentro.security.access.tables.posts.row-scope.author_id=author",
                "test.scope-authors=true" };
    }

    @Test
    void listsCountsAndSearchesSeeOnlyTheCallersRows() {
        JsonNode page = ok(as(ADA, "GET", "/api/posts?count=exact&limit=1"));
        assertThat(page.get("total").asLong()).isEqualTo(2);
        assertThat(ids(ok(as(ADA, "GET", "/api/posts")))).containsExactly(1L, 2L);
        assertThat(ids(ok(as(ALAN, "GET", "/api/posts")))).containsExactly(3L, 4L);
        assertThat(ok(as(ADA, "GET", "/api/posts?search=Computing")).get("rows").size()).isZero();
        assertThat(ok(as(ADA, "GET", "/api/posts?where.author_id.eq=2&count=exact")).get("total").asLong()).isZero();
    }

    @Test
    void exportsStreamOnlyTheCallersRows() {
        HttpApi.Response csv = as(ADA, "GET", "/api/posts?format=csv&fields=id,author_id&or.a.author_id.eq=2&or.b.id.gt=0");
        assertThat(csv.status()).as(csv.text()).isEqualTo(200);
        assertThat(csv.text()).isEqualTo("id,author_id\r\n1,1\r\n2,1\r\n");
        assertThat(as(ALAN, "GET", "/api/posts?format=ndjson&fields=id").text()).isEqualTo("{\"id\":3}\n{\"id\":4}\n");
    }

    @Test
    void orGroupsCannotWidenTheScope() {
        assertThat(ids(ok(as(ADA, "GET", "/api/posts?or.a.author_id.eq=2&or.b.id.gt=0")))).containsExactly(1L, 2L);
        assertThat(ids(ok(as(ADA, "GET", "/api/posts?or.a.author_id.in=1,2,3&or.b.title.like=%25")))).containsExactly(1L,
                2L);
    }

    @Test
    void foreignRowsDoNotExistForTheCaller() {
        String before = fingerprint();
        assertProblem(as(ADA, "GET", "/api/posts/3"), 404, "posts");
        assertProblem(as(ADA, "PATCH", "/api/posts/3", "{\"title\":\"taken over\"}"), 404, "posts");
        assertProblem(as(ADA, "PUT", "/api/posts/3", "{\"author_id\":1,\"title\":\"taken over\"}"), 404, "posts");
        assertProblem(as(ADA, "DELETE", "/api/posts/3"), 404, "posts");
        assertProblem(as(ADA, "POST", "/api/posts/3/_actions/publish", "{}"), 404, "posts");
        assertProblem(as(ADA, "POST", "/api/posts/_actions/archive", "{\"ids\":[3]}"), 404, "ids");
        assertThat(fingerprint()).isEqualTo(before);
        assertThat(ok(as(ADA, "GET", "/api/posts/1")).get("title").asString()).isEqualTo("Hello world");
    }

    @Test
    void bulkWritesChangeOnlyTheCallersRows() {
        JsonNode updated = ok(as(ADA, "PATCH", "/api/posts?where.views.gte=0", "{\"views\":9}"));
        assertThat(updated.get("count").asLong()).isEqualTo(2);
        assertThat(ids(updated)).containsExactlyInAnyOrder(1L, 2L);
        assertThat(jdbc.queryForList("SELECT id FROM posts WHERE views = 9 ORDER BY id", Long.class))
                .containsExactly(1L, 2L);
        String before = fingerprint();
        // A scoped column may not leave the scope, and a caller scoped to nothing writes nothing.
        assertProblem(as(ADA, "PATCH", "/api/posts?where.id.gte=1", "{\"author_id\":2}"), 403, "author_id");
        assertProblem(as(NOBODY, "PATCH", "/api/posts?where.id.gte=1", "{\"views\":1}"), 403, "posts");
        assertThat(ok(as(ADA, "DELETE", "/api/posts?where.id.in=3,4")).get("count").asLong()).isZero();
        assertThat(fingerprint()).isEqualTo(before);
    }

    @Test
    void tableActionsSeeOnlyTheCallersRows() {
        String before = fingerprint();
        assertProblem(as(ADA, "POST", "/api/posts/_actions/titles", "{\"ids\":[1,3]}"), 404, "ids");
        assertThat(fingerprint()).isEqualTo(before);
        assertThat(ok(as(ADA, "POST", "/api/posts/_actions/titles", "{}")).get("message").asString())
                .isEqualTo("Hello world, Second post");
        ok(as(ADA, "POST", "/api/posts/2/_actions/publish", "{}"));
        assertThat(jdbc.queryForObject("SELECT status FROM posts WHERE id = 2", String.class)).isEqualTo("published");
    }

    @Test
    void writesCannotLeaveTheScope() {
        String before = fingerprint();
        Response moved = as(ADA, "PATCH", "/api/posts/1", "{\"author_id\":2}");
        assertProblem(moved, 403, "author_id");
        assertThat(moved.json().get("parameter").asString()).isEqualTo("author_id");
        assertProblem(as(ADA, "PUT", "/api/posts/1", "{\"author_id\":2,\"title\":\"moved\"}"), 403, "author_id");
        assertProblem(as(ADA, "POST", "/api/posts", "{\"author_id\":2,\"title\":\"as alan\"}"), 403, "author_id");
        Response bulk = as(ADA, "POST", "/api/posts", "[{\"title\":\"mine\"},{\"author_id\":2,\"title\":\"his\"}]");
        assertProblem(bulk, 403, "[1].author_id");
        assertThat(fingerprint()).isEqualTo(before);
    }

    @Test
    void createsAreFilledFromTheCallerAndReplacementsKeepTheScope() {
        JsonNode created = ok(as(ALAN, "POST", "/api/posts", "{\"title\":\"filled in\"}"));
        assertThat(created.get("author_id").asLong()).isEqualTo(2);
        JsonNode many = ok(as(ALAN, "POST", "/api/posts", "[{\"title\":\"a\"},{\"title\":\"b\",\"author_id\":2}]"));
        assertThat(many.get(0).get("author_id").asLong()).isEqualTo(2);
        assertThat(many.get(1).get("author_id").asLong()).isEqualTo(2);
        JsonNode replaced = ok(as(ADA, "PUT", "/api/posts/2", "{\"title\":\"replaced\"}"));
        assertThat(replaced.get("author_id").asLong()).isEqualTo(1);
        assertThat(ok(as(ADA, "PATCH", "/api/posts/1", "{\"title\":\"still mine\"}")).get("title").asString())
                .isEqualTo("still mine");
    }

    @Test
    void aCallerWithoutTheAttributeGetsNoRowsAndWritesNothing() {
        String before = fingerprint();
        JsonNode page = ok(as(NOBODY, "GET", "/api/posts?count=exact"));
        assertThat(page.get("rows").size()).isZero();
        assertThat(page.get("total").asLong()).isZero();
        assertProblem(as(NOBODY, "GET", "/api/posts/1"), 404, "posts");
        assertProblem(as(NOBODY, "POST", "/api/posts", "{\"author_id\":1,\"title\":\"x\"}"), 403, "posts");
        assertProblem(as(NOBODY, "DELETE", "/api/posts/1"), 404, "posts");
        assertThat(fingerprint()).isEqualTo(before);
    }

    @Test
    void aCustomizerScopeAndItsExemptAdministrator() {
        assertThat(ids(ok(as(ALAN, "GET", "/api/authors")))).containsExactly(2L);
        assertProblem(as(ALAN, "GET", "/api/authors/1"), 404, "authors");
        assertThat(ids(ok(as(ADMIN, "GET", "/api/authors")))).containsExactly(1L, 2L, 3L);
    }

    @Test
    void jwtClaimsScopeRowsToo() {
        String token = issuer.token("alan", List.of("EDITOR"), "author", 2);
        Response page = api.send("GET", "/api/posts", null, "application/json", "Authorization", "Bearer " + token);
        assertThat(ids(ok(page))).containsExactly(3L, 4L);
        String noClaim = issuer.token("someone", List.of("EDITOR"));
        Response none = api.send("GET", "/api/posts", null, "application/json", "Authorization", "Bearer " + noClaim);
        assertThat(ok(none).get("rows").size()).isZero();
    }

    @Test
    void embeddedRowsAndRelatedFiltersStayInsideTheScope() {
        // posts are scoped to the caller's author, authors (by a customizer) to the caller's own row
        JsonNode ada = ok(as(ADA, "GET", "/api/authors/1?embed=posts&posts.sort=id"));
        assertThat(ada.get("posts")).hasSize(2);
        JsonNode labels = ok(as(ADA, "GET", "/api/labels?embed=posts&sort=id"));
        assertThat(labels.get("rows").get(0).get("posts")).hasSize(1);
        assertThat(labels.get("rows").get(2).get("posts")).as("post 3 is Alan's").isEmpty();
        JsonNode alanPosts = ok(as(ALAN, "GET", "/api/posts?embed=author&sort=id"));
        assertThat(ids(alanPosts)).containsExactly(3L, 4L);
        alanPosts.get("rows").forEach(post -> assertThat(post.get("author").get("name").asString())
                .isEqualTo("Alan"));
        // post_labels are not scoped, posts are: the row of Alan's post 3 embeds its post as null for Ada
        JsonNode links = ok(as(ADA, "GET", "/api/post_labels?embed=post&sort=post_id,label_id"));
        assertThat(links.get("rows").get(0).get("post").get("title").asString()).isEqualTo("Hello world");
        assertThat(links.get("rows").get(2).get("post").isNull()).isTrue();
        assertThat(ok(as(ALAN, "GET", "/api/post_labels/3,3?embed=post")).get("post").get("id").asLong())
                .isEqualTo(3);
        // related filters cannot probe rows outside the scope
        assertThat(ok(as(ADA, "GET", "/api/labels?where.posts.id.eq=3")).get("rows").size()).isZero();
        assertThat(ok(as(ALAN, "GET", "/api/labels?where.posts.id.eq=3")).get("rows").size()).isEqualTo(1);
        JsonNode nobody = ok(as(NOBODY, "GET", "/api/labels?embed=posts"));
        nobody.get("rows").forEach(label -> assertThat(label.get("posts")).isEmpty());
    }

    @Test
    void cursorsPageInsideTheScope() {
        JsonNode first = ok(as(ADA, "GET", "/api/posts?limit=1&count=exact"));
        assertThat(ids(first)).containsExactly(1L);
        assertThat(first.get("total").asLong()).isEqualTo(2);
        JsonNode second = ok(as(ADA, "GET", "/api/posts?limit=1&after=" + first.get("next").asString()));
        assertThat(ids(second)).containsExactly(2L);
        assertThat(second.get("next").isNull()).isTrue();
        // Alan's cursor continues in Alan's rows, whoever sends it.
        JsonNode alan = ok(as(ALAN, "GET", "/api/posts?limit=1"));
        assertThat(ids(ok(as(ADA, "GET", "/api/posts?limit=5&after=" + alan.get("next").asString())))).isEmpty();
    }

    @Test
    void aggregatesCountOnlyTheCallersRows() {
        JsonNode ada = ok(as(ADA, "GET", "/api/posts?agg=count,sum:views")).get("rows").get(0);
        assertThat(ada.get("count").asLong()).isEqualTo(2);
        assertThat(ada.get("sum_views").asLong()).isEqualTo(100);
        assertThat(ok(as(ALAN, "GET", "/api/posts?group=author_id&agg=count")).get("rows")).hasSize(1);
        assertThat(ok(as(NOBODY, "GET", "/api/posts?agg=count")).get("rows").get(0).get("count").asLong()).isZero();
    }

    private Response as(String key, String method, String path) {
        return as(key, method, path, null);
    }

    private Response as(String key, String method, String path, String body) {
        return api.send(method, path, body, "application/json", "X-API-Key", key);
    }

    private static List<Long> ids(JsonNode page) {
        List<Long> ids = new java.util.ArrayList<>();
        page.get("rows").forEach(row -> ids.add(row.get("id").asLong()));
        return ids;
    }
}
