package io.sentro.spring.it;

import java.util.List;

import io.sentro.spring.it.HttpApi.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import static io.sentro.spring.it.ApiScenarios.assertProblem;
import static io.sentro.spring.it.ApiScenarios.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Access control over HTTP on every available database: API keys (plain, {noop} and bcrypt-hashed), JWTs signed
 * here and served as a JWK set, rules per table, operation and action from properties and customizers, hidden
 * columns. Every refusal is checked to write nothing.
 */
abstract class AccessScenarios extends SecuredScenarios {

    static final String READER = "reader-key-0123456789";
    static final String EDITOR = "editor-key-0123456789";
    static final String ADMIN = "admin-key-0123456789";

    @Override
    protected String[] securityProperties() {
        return new String[] {
                "springdoc.api-docs.enabled=true",
                "sentro.security.api-keys[0].name=reader", "sentro.security.api-keys[0].key=" + READER,
                "sentro.security.api-keys[0].roles=READER",
                "sentro.security.api-keys[1].name=editor",
                "sentro.security.api-keys[1].key={bcrypt}" + new BCryptPasswordEncoder(4).encode(EDITOR),
                "sentro.security.api-keys[1].roles=EDITOR",
                "sentro.security.api-keys[2].name=admin", "sentro.security.api-keys[2].key={noop}" + ADMIN,
                "sentro.security.api-keys[2].roles=ADMIN,EDITOR",
                "sentro.security.access.tables.labels.read=permit-all",
                "sentro.security.access.tables.labels.update=ADMIN",
                "sentro.security.access.tables.posts.delete=ADMIN",
                "sentro.security.access.tables.posts.actions.archive=ADMIN",
                "sentro.security.access.tables.audit_log.read=deny-all",
                "sentro.security.access.tables.authors.hidden-columns=email",
                "sentro.security.access.tables.post_labels.read=ADMIN",
                "spring.security.oauth2.resourceserver.jwt.issuer-uri=" + JwtIssuer.ISSUER,
                "spring.security.oauth2.resourceserver.jwt.audiences=" + JwtIssuer.AUDIENCE };
    }

    // ---- authentication ------------------------------------------------------------------------------------------

    @Test
    void anonymousCallersAreAskedToAuthenticateAndWriteNothing() {
        String before = fingerprint();
        int hooks = SecuredApplication.POSTS_HOOKS.get();
        Response list = api.get("/api/posts");
        assertUnauthenticated(list);
        assertThat(list.json().get("table").asString()).isEqualTo("posts");
        assertThat(list.json().get("operation").asString()).isEqualTo("read");
        assertUnauthenticated(api.get("/api/posts/1"));
        assertUnauthenticated(api.post("/api/posts", "{\"author_id\":1,\"title\":\"anonymous\"}"));
        assertUnauthenticated(api.patch("/api/posts/1", "{\"title\":\"anonymous\"}"));
        assertUnauthenticated(api.delete("/api/posts/2"));
        assertUnauthenticated(api.post("/api/posts/1/_actions/publish", "{}"));
        assertUnauthenticated(api.post("/api/labels", "{\"name\":\"anonymous\"}"));
        assertThat(fingerprint()).isEqualTo(before);
        assertThat(SecuredApplication.POSTS_HOOKS.get()).as("hooks run on refused requests").isEqualTo(hooks);
    }

    @Test
    void aWrongKeyIs401EvenWhereAnonymousCallersMayRead() {
        String before = fingerprint();
        assertUnauthenticated(as("not-a-key", "GET", "/api/labels", null));
        assertUnauthenticated(as("", "GET", "/api/posts", null));
        assertUnauthenticated(as(READER + "x", "POST", "/api/posts", "{\"author_id\":1,\"title\":\"x\"}"));
        assertUnauthenticated(as(EDITOR.substring(1), "POST", "/api/posts", "{\"author_id\":1,\"title\":\"x\"}"));
        assertThat(fingerprint()).isEqualTo(before);
    }

    @Test
    void cursorsPageATableWithReadHooks() {
        // posts have a before-READ hook (SecuredApplication): the hooks' view of "no offset" must stay no offset.
        JsonNode first = ok(as(READER, "GET", "/api/posts?limit=2&sort=id", null));
        assertThat(first.get("next").isString()).isTrue();
        JsonNode second = ok(as(READER, "GET", "/api/posts?limit=2&sort=id&after=" + first.get("next").asString(),
                null));
        assertThat(second.get("rows").get(0).get("id").asLong()).isEqualTo(3);
    }

    @Test
    void plainNoopAndHashedKeysAuthenticate() {
        assertThat(ok(as(READER, "GET", "/api/posts", null)).get("rows").size()).isEqualTo(5);
        assertThat(ok(as(EDITOR, "GET", "/api/posts/1", null)).get("title").asString()).isEqualTo("Hello world");
        // The bcrypt check is remembered: a second request with the same key is served the same way.
        assertThat(ok(as(EDITOR, "GET", "/api/posts/1", null)).get("id").asLong()).isEqualTo(1);
        assertThat(ok(as(ADMIN, "GET", "/api/posts/2", null)).get("id").asLong()).isEqualTo(2);
    }

    @Test
    void tablesPermittedToAllAreReadableWithoutCredentials() {
        assertThat(ok(api.get("/api/labels")).get("rows").size()).isEqualTo(3);
        assertThat(ok(api.get("/api/labels/1")).get("name").asString()).isEqualTo("java");
    }

    // ---- rules per operation and action ------------------------------------------------------------------------

    @Test
    void operationRulesFromCustomizersAndProperties() {
        String before = fingerprint();
        int hooks = SecuredApplication.POSTS_HOOKS.get();
        Response refused = as(READER, "POST", "/api/posts", "{\"author_id\":1,\"title\":\"by a reader\"}");
        assertForbidden(refused, "create");
        assertForbidden(as(READER, "PATCH", "/api/posts/1", "{\"title\":\"by a reader\"}"), "update");
        assertForbidden(as(READER, "PUT", "/api/posts/1", "{\"author_id\":1,\"title\":\"by a reader\"}"), "update");
        assertForbidden(as(EDITOR, "DELETE", "/api/posts/2", null), "delete");
        assertForbidden(as(ADMIN, "GET", "/api/audit_log", null), "read");
        assertForbidden(as(EDITOR, "DELETE", "/api/labels/3", null), "delete");
        assertThat(fingerprint()).isEqualTo(before);
        assertThat(SecuredApplication.POSTS_HOOKS.get()).as("hooks run on refused requests").isEqualTo(hooks);

        assertThat(as(EDITOR, "POST", "/api/posts", "{\"author_id\":1,\"title\":\"by an editor\"}").status())
                .isEqualTo(201);
        assertThat(SecuredApplication.LAST_PRINCIPAL.get()).as("the principal hooks see").isEqualTo("editor");
        assertThat(ok(as(EDITOR, "PATCH", "/api/posts/1", "{\"views\":7}")).get("views").asInt()).isEqualTo(7);
        assertThat(as(ADMIN, "DELETE", "/api/posts/2", null).status()).isEqualTo(204);
        assertThat(count("posts")).isEqualTo(5);
    }

    @Test
    void anUpsertThatMergesNeedsTheUpdateRuleToo() {
        String before = fingerprint();
        // An editor may create labels, not update them: a merge is refused, whether or not the row exists.
        for (String name : List.of("java", "kotlin")) {
            assertForbidden(api.send("POST", "/api/labels?on_conflict=name", "{\"name\":\"" + name + "\"}",
                    "application/json", "X-API-Key", EDITOR, "Prefer", "resolution=merge-duplicates"), "update");
        }
        assertThat(fingerprint()).isEqualTo(before);
        Response ignored = api.send("POST", "/api/labels?on_conflict=name", "{\"name\":\"java\"}",
                "application/json", "X-API-Key", EDITOR, "Prefer", "resolution=ignore-duplicates");
        assertThat(ignored.status()).as(ignored.text()).isEqualTo(200);
        assertThat(api.send("POST", "/api/labels?on_conflict=name", "{\"name\":\"java\"}", "application/json",
                "X-API-Key", ADMIN, "Prefer", "resolution=merge-duplicates").status()).isEqualTo(200);
    }

    @Test
    void aNestedInsertNeedsTheRightToCreateInEveryTableItReaches() {
        String before = fingerprint();
        // A reader may create authors (no rule on them) but not posts: refused before anything is written.
        Response refused = as(READER, "POST", "/api/authors", "{\"name\":\"N\",\"posts\":[{\"title\":\"T\"}]}");
        assertForbidden(refused, "create");
        assertThat(refused.json().get("table").asString()).isEqualTo("posts");
        // A hidden column is as unknown in a nested row as at the top.
        assertProblem(as(EDITOR, "POST", "/api/posts", "{\"title\":\"T\",\"author\":{\"name\":\"N\","
                + "\"email\":\"n@example.com\"}}"), 400, "author.email");
        assertThat(fingerprint()).isEqualTo(before);
        Response created = as(EDITOR, "POST", "/api/posts", "{\"author_id\":1,\"title\":\"T\",\"labels\":[{\"name\":"
                + "\"nested\"}]}");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.json().get("labels").get(0).get("name").asString()).isEqualTo("nested");
    }

    @Test
    void anAuthorizationManagerOfTheApplicationDecides() {
        assertThat(as(ADMIN, "POST", "/api/labels", "{\"name\":\"temporary\"}").status()).isEqualTo(201);
        long id = jdbc.queryForObject("SELECT id FROM labels WHERE name = 'temporary'", Long.class);
        assertForbidden(as(EDITOR, "DELETE", "/api/labels/" + id, null), "delete");
        assertThat(as(ADMIN, "DELETE", "/api/labels/" + id, null).status()).isEqualTo(204);
    }

    @Test
    void actionsFollowTheirOwnRuleOrTheirOperations() {
        String before = fingerprint();
        // A detail action without a rule follows UPDATE (EDITOR, ADMIN).
        assertForbidden(as(READER, "POST", "/api/posts/2/_actions/publish", "{}"), "action:publish");
        // A table action with a rule of its own (ADMIN).
        assertForbidden(as(EDITOR, "POST", "/api/posts/_actions/archive", "{\"ids\":[1]}"), "action:archive");
        assertThat(fingerprint()).isEqualTo(before);
        // A table action without a rule follows UPDATE too.
        assertForbidden(as(READER, "POST", "/api/posts/_actions/titles", "{\"ids\":[1,2]}"), "action:titles");
        assertThat(ok(as(EDITOR, "POST", "/api/posts/_actions/titles", "{\"ids\":[1,2]}")).get("message").asString())
                .isEqualTo("Hello world, Second post");
        ok(as(EDITOR, "POST", "/api/posts/2/_actions/publish", "{}"));
        assertThat(jdbc.queryForObject("SELECT status FROM posts WHERE id = 2", String.class)).isEqualTo("published");
        ok(as(ADMIN, "POST", "/api/posts/_actions/archive", "{\"ids\":[1]}"));
        assertThat(jdbc.queryForObject("SELECT status FROM posts WHERE id = 1", String.class)).isEqualTo("archived");
    }

    // ---- embedded tables -----------------------------------------------------------------------------------------

    @Test
    void embeddingOrFilteringByATableNeedsTheRightToReadIt() {
        // labels are public, posts are not: an anonymous caller is asked to authenticate, naming posts
        Response anonymous = api.get("/api/labels?embed=posts");
        assertUnauthenticated(anonymous);
        assertThat(anonymous.json().get("table").asString()).isEqualTo("posts");
        assertUnauthenticated(api.get("/api/labels?where.posts.status.eq=published"));
        assertThat(ok(api.get("/api/labels")).get("rows").size()).isEqualTo(3);
        // the join table of posts.labels is for administrators only
        Response refused = as(READER, "GET", "/api/posts?embed=labels", null);
        assertProblem(refused, 403, "post_labels");
        assertThat(refused.json().get("table").asString()).isEqualTo("post_labels");
        assertProblem(as(READER, "GET", "/api/posts/1?embed=labels", null), 403, "post_labels");
        assertProblem(as(READER, "GET", "/api/posts?where.labels.name.eq=java", null), 403, "post_labels");
        JsonNode post = ok(as(ADMIN, "GET", "/api/posts/1?embed=labels", null));
        assertThat(post.get("labels")).hasSize(2);
    }

    @Test
    void hiddenColumnsOfEmbeddedTablesStayHidden() {
        JsonNode post = ok(as(READER, "GET", "/api/posts/1?embed=author", null));
        assertThat(post.get("author").get("name").asString()).isEqualTo("Ada");
        assertThat(post.get("author").has("email")).isFalse();
        assertThat(post.get("author").has("profile")).as("hidden except for ADMIN").isFalse();
        assertThat(ok(as(ADMIN, "GET", "/api/posts/1?embed=author", null)).get("author").has("profile")).isTrue();
        for (String path : List.of("/api/posts?embed=author&author.fields=email",
                "/api/posts?where.author.email.eq=ada@example.com", "/api/authors?embed=posts&posts.where.author.email.eq=x")) {
            Response hidden = as(READER, "GET", path, null);
            assertProblem(hidden, 400, "email");
            assertThat(hidden.json().get("code").asString()).isEqualTo("SENTRO-102");
        }
    }

    @Test
    void aggregatesFollowTheReadRuleAndHiddenColumns() {
        assertUnauthenticated(api.get("/api/posts?agg=count"));
        assertThat(ok(as(READER, "GET", "/api/posts?agg=count", null)).get("rows").get(0).get("count").asLong())
                .isEqualTo(5);
        for (String path : List.of("/api/authors?group=email&agg=count", "/api/authors?agg=min:email",
                "/api/authors?agg=count:email")) {
            Response hidden = as(ADMIN, "GET", path, null);
            assertProblem(hidden, 400, "email");
            assertThat(hidden.json().get("code").asString()).isEqualTo("SENTRO-102");
        }
    }

    // ---- hidden columns ------------------------------------------------------------------------------------------

    @Test
    void hiddenColumnsAreNeverReturned() {
        JsonNode author = ok(as(ADMIN, "GET", "/api/authors/1", null));
        assertThat(author.has("email")).isFalse();
        assertThat(author.get("name").asString()).isEqualTo("Ada");
        JsonNode page = ok(as(ADMIN, "GET", "/api/authors", null));
        page.get("rows").forEach(row -> assertThat(row.has("email")).isFalse());
        // Exports leave them out too, and need the read rule.
        Response csv = as(ADMIN, "GET", "/api/authors?format=csv&sort=id", null);
        assertThat(csv.text()).startsWith("id,name,mood,").doesNotContain("email").doesNotContain("example.com");
        assertThat(as(ADMIN, "GET", "/api/authors?format=ndjson", null).text()).doesNotContain("email");
        assertProblem(as(ADMIN, "GET", "/api/authors?format=csv&fields=email", null), 400, "email");
        assertForbidden(as(ADMIN, "GET", "/api/audit_log?format=csv", null), "read");
        // Rows a write returns (RETURNING, or read back) are stripped too.
        JsonNode updated = ok(as(ADMIN, "PATCH", "/api/authors/1", "{\"name\":\"Ada L.\"}"));
        assertThat(updated.get("name").asString()).isEqualTo("Ada L.");
        assertThat(updated.has("email")).isFalse();
    }

    @Test
    void hiddenColumnsAreAsUnknownAsMissingOnesAndWriteNothing() {
        String before = fingerprint();
        for (String path : List.of("/api/authors?fields=id,email", "/api/authors?sort=email",
                "/api/authors?where.email.eq=ada@example.com", "/api/authors?or.a.email.like=a%25",
                "/api/authors/1?fields=email")) {
            Response hidden = as(ADMIN, "GET", path, null);
            Response missing = as(ADMIN, "GET", path.replace("email", "nosuch"), null);
            assertProblem(hidden, 400, "email");
            assertThat(hidden.json().get("code").asString()).isEqualTo("SENTRO-102");
            // The same answer as for a column that does not exist: no oracle.
            assertThat(hidden.json().get("detail").asString().replace("email", "nosuch"))
                    .isEqualTo(missing.json().get("detail").asString());
            assertThat(hidden.json().get("detail").asString()).doesNotContain("columns id, name, email");
        }
        assertThat(ok(as(ADMIN, "GET", "/api/authors?search=ada@example", null)).get("rows").size()).isZero();
        assertThat(ok(as(ADMIN, "GET", "/api/authors?search=Ada", null)).get("rows").size()).isEqualTo(1);
        assertProblem(as(ADMIN, "POST", "/api/authors", "{\"name\":\"Edsger\",\"email\":\"e@example.com\"}"), 400,
                "email");
        assertProblem(as(ADMIN, "PATCH", "/api/authors/1", "{\"email\":\"changed@example.com\"}"), 400, "email");
        assertProblem(as(ADMIN, "PUT", "/api/authors/1", "{\"name\":\"Ada\",\"email\":\"changed@example.com\"}"), 400,
                "email");
        assertThat(fingerprint()).isEqualTo(before);
    }

    @Test
    void columnsHiddenExceptForARoleShowToThatRoleOnly() {
        assertThat(ok(as(READER, "GET", "/api/authors/1", null)).has("profile")).isFalse();
        assertProblem(as(READER, "GET", "/api/authors?fields=profile", null), 400, "profile");
        assertThat(ok(as(ADMIN, "GET", "/api/authors/1", null)).get("profile").get("n").asInt()).isEqualTo(1);
        assertThat(ok(as(ADMIN, "GET", "/api/authors?fields=id,profile&limit=1", null)).get("rows").get(0)
                .propertyNames()).containsExactly("id", "profile");
    }

    @Test
    void theOpenApiDocumentsSecurityIsWhatTheApiEnforces() {
        // Rows are reset before each scenario: what an allowed write with {} does is not this scenario's business.
        JsonNode document = ok(api.get("/v3/api-docs"));
        assertThat(DocumentedSecurity.mismatches(api, document, "/api", READER)).isEmpty();
    }

    // ---- what the caller may see of the API --------------------------------------------------------------------

    @Test
    void theIndexSchemaAndTypesListOnlyWhatTheCallerMayRead() {
        JsonNode index = ok(api.get("/api"));
        assertThat(names(index.get("tables"))).containsExactly("labels");
        JsonNode readerIndex = ok(as(READER, "GET", "/api", null));
        assertThat(names(readerIndex.get("tables"))).contains("posts", "authors", "labels")
                .doesNotContain("audit_log");
        // Each table says what this caller may do there: what a client such as the console offers them.
        JsonNode readerPosts = entry(readerIndex.get("tables"), "posts");
        assertThat(readerPosts.get("operations").values()).extracting(JsonNode::asString).containsExactly("read");
        assertThat(readerPosts.get("actions").values()).as("actions follow update, which the reader may not")
                .isEmpty();
        JsonNode adminPosts = entry(ok(as(ADMIN, "GET", "/api", null)).get("tables"), "posts");
        assertThat(adminPosts.get("operations").values()).extracting(JsonNode::asString)
                .containsExactly("read", "create", "update", "delete");
        assertThat(adminPosts.get("actions").values()).extracting(JsonNode::asString)
                .contains("publish", "archive", "titles");
        JsonNode editorPosts = entry(ok(as(EDITOR, "GET", "/api", null)).get("tables"), "posts");
        assertThat(editorPosts.get("operations").values()).extracting(JsonNode::asString)
                .containsExactly("read", "create", "update");
        JsonNode schema = ok(as(READER, "GET", "/api/_schema", null));
        assertThat(names(schema.get("tables"))).doesNotContain("audit_log");
        JsonNode authors = ApiScenarios.table(schema, "authors");
        assertThat(names(authors.get("columns"))).contains("name").doesNotContain("email");
        Response types = as(READER, "GET", "/api/_types.ts", null);
        assertThat(types.status()).isEqualTo(200);
        assertThat(types.text()).contains("export interface Posts").doesNotContain("AuditLog").doesNotContain("email");
        Response unknown = api.get("/api/audit_log");
        assertProblem(unknown, 401, "authentication");
        assertProblem(as(READER, "GET", "/api/nosuch", null), 404, "nosuch");
        assertThat(as(READER, "GET", "/api/nosuch", null).json().get("detail").asString()).doesNotContain("audit_log");
    }

    private static JsonNode entry(JsonNode tables, String name) {
        for (JsonNode table : tables.values()) {
            if (table.get("name").asString().equals(name)) {
                return table;
            }
        }
        throw new AssertionError("no table " + name + " in " + tables);
    }

    // ---- JWT ---------------------------------------------------------------------------------------------------

    @Test
    void jwtsFromTheJwkSetAuthenticateWithTheirRoles() {
        String editor = issuer.token("erin", List.of("EDITOR"));
        assertThat(bearer(editor, "POST", "/api/posts", "{\"author_id\":1,\"title\":\"by jwt\"}").status())
                .isEqualTo(201);
        assertThat(SecuredApplication.LAST_PRINCIPAL.get()).isEqualTo("erin");
        String reader = issuer.token("rita", List.of("READER"));
        assertThat(ok(bearer(reader, "GET", "/api/posts/1", null)).get("id").asLong()).isEqualTo(1);
        assertForbidden(bearer(reader, "PATCH", "/api/posts/1", "{\"title\":\"x\"}"), "update");
    }

    @Test
    void badJwtsAre401AndWriteNothing() {
        String before = fingerprint();
        List<String> roles = List.of("ADMIN");
        for (String token : List.of(issuer.expired("eve", roles), issuer.notYetValid("eve", roles),
                issuer.forged("eve", roles), issuer.unsigned("eve", roles), issuer.wrongIssuer("eve", roles),
                issuer.wrongAudience("eve", roles), "not.a.jwt")) {
            assertUnauthenticated(bearer(token, "DELETE", "/api/posts/2", null));
            assertUnauthenticated(bearer(token, "GET", "/api/labels", null));
        }
        assertThat(fingerprint()).isEqualTo(before);
    }

    @Test
    void signingKeysRotateThroughTheJwkSet() {
        String old = issuer.token("olga", List.of("READER"));
        assertThat(bearer(old, "GET", "/api/posts/1", null).status()).isEqualTo(200);
        issuer.rotate();
        assertThat(ok(bearer(issuer.token("olga", List.of("READER")), "GET", "/api/posts/1", null)).get("id").asLong())
                .isEqualTo(1);
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private Response as(String key, String method, String path, String body) {
        return api.send(method, path, body, "application/json", "X-API-Key", key);
    }

    private Response bearer(String token, String method, String path, String body) {
        return api.send(method, path, body, "application/json", "Authorization", "Bearer " + token);
    }

    static void assertUnauthenticated(Response response) {
        assertProblem(response, 401, "");
        assertThat(response.json().get("code").asString()).isEqualTo("SENTRO-601");
        assertThat(response.header("WWW-Authenticate")).contains("ApiKey").contains("X-API-Key");
    }

    static void assertForbidden(Response response, String operation) {
        assertProblem(response, 403, "");
        assertThat(response.json().get("code").asString()).isEqualTo("SENTRO-602");
        assertThat(response.json().get("operation").asString()).isEqualTo(operation);
        assertThat(response.json().get("table").asString()).isNotBlank();
        assertThat(response.json().get("detail").asString()).contains(response.json().get("table").asString());
    }

    private static List<String> names(JsonNode array) {
        List<String> names = new java.util.ArrayList<>();
        array.forEach(item -> names.add(item.get("name").asString()));
        return names;
    }
}
