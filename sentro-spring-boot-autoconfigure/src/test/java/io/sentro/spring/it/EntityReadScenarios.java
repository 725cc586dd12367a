package io.sentro.spring.it;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.sentro.spring.customize.Origin;
import io.sentro.spring.entities.Aggregate;
import io.sentro.spring.entities.Embed;
import io.sentro.spring.entities.Filter;
import io.sentro.spring.entities.Page;
import io.sentro.spring.entities.Query;
import io.sentro.spring.entities.Row;
import io.sentro.spring.entities.SentroEntities;
import io.sentro.spring.entities.Sort;
import io.sentro.spring.error.ErrorCode;
import io.sentro.spring.error.SentroException;
import io.sentro.spring.query.CountMode;
import io.sentro.spring.security.ApiKeyAuthentication;
import io.sentro.spring.security.SentroCredentials;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import static io.sentro.spring.query.Operator.EQ;
import static io.sentro.spring.query.Operator.GT;
import static io.sentro.spring.query.Operator.GTE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The entity API's reads on every available database, mirroring the HTTP scenarios: filters, OR groups, search,
 * sort, pages and cursors, embedded relations, aggregates and counts, reads by key, streams; the access rules,
 * hidden columns and row scopes of the caller (the context's, a given one's, or none for the system); READ hooks
 * running for entity calls and told where the call came from; bad input refused with the HTTP API's codes.
 */
abstract class EntityReadScenarios extends SecuredScenarios {

    static final String READER = "reader-key-0123456789";
    static final String ADMIN = "admin-key-0123456789";

    private SentroEntities entities;

    @Override
    protected String[] securityProperties() {
        return new String[] {
                "sentro.security.api-keys[0].name=reader", "sentro.security.api-keys[0].key=" + READER,
                "sentro.security.api-keys[0].roles=READER", "sentro.security.api-keys[0].attributes.author=1",
                "sentro.security.api-keys[1].name=admin", "sentro.security.api-keys[1].key=" + ADMIN,
                "sentro.security.api-keys[1].roles=ADMIN",
                "sentro.security.access.tables.posts.row-scope.author_id=author",
                "sentro.security.access.tables.authors.hidden-columns=email",
                "sentro.security.access.tables.audit_log.read=ADMIN" };
    }

    @BeforeEach
    void entities() {
        entities = app.context().getBean(SentroEntities.class);
    }

    @AfterEach
    void clearContext() {
        SecurityContextHolder.clearContext();
    }

    // ---- the query language --------------------------------------------------------------------------------------

    @Test
    void filtersSortPagesAndCursors() {
        var posts = entities.asSystem().table("posts");
        Page first = posts.find(Query.where("views", GTE, 30).sort(Sort.desc("views")).limit(2).count(CountMode.EXACT));
        assertThat(ids(first.rows())).containsExactly(3L, 1L);
        assertThat(first.total()).isEqualTo(4L);
        assertThat(first.totalIsEstimate()).isFalse();
        assertThat(first.limit()).isEqualTo(2);
        assertThat(first.next()).isNotNull();
        Page second = posts.find(Query.where("views", GTE, 30).sort(Sort.desc("views")).limit(2).after(first.next()));
        assertThat(ids(second.rows())).containsExactly(5L, 4L);
        assertThat(ids(posts.find(Query.all().sort(Sort.asc("id")).limit(2).offset(3)).rows()))
                .containsExactly(4L, 5L);
        assertThat(ids(posts.find(Query.where("status", io.sentro.spring.query.Operator.IN,
                List.of("draft", "archived"))).rows())).containsExactly(2L, 4L);
        assertThat(posts.find(Query.where("id", EQ, 1).fields("id", "title")).rows().get(0).keySet())
                .containsExactly("id", "title");
    }

    @Test
    void orGroupsAndSearch() {
        var posts = entities.asSystem().table("posts");
        assertThat(ids(posts.find(Query.all().or(Filter.where("status", EQ, "draft"))
                .or(Filter.where("views", GT, 200))).rows())).containsExactly(2L, 3L);
        assertThat(ids(posts.find(Query.all().search("hello")).rows())).containsExactly(1L, 4L);
    }

    @Test
    void embedsRelationsWithTheirOwnQueries() {
        Row post = entities.asSystem().table("posts").find(Query.where("id", EQ, 1).embed("author")
                .embed(Embed.of("labels").sort(Sort.desc("name")).fields("name"))).rows().get(0);
        assertThat(((Map<?, ?>) post.get("author")).get("name")).isEqualTo("Ada");
        List<?> labels = (List<?>) post.get("labels");
        List<Object> names = labels.stream().map(label -> (Object) ((Map<?, ?>) label).get("name")).toList();
        assertThat(names).containsExactly("spring", "java");
        assertThat(post.get("author")).isInstanceOf(Row.class);
    }

    @Test
    void aggregatesAndCounts() {
        var posts = entities.asSystem().table("posts");
        List<Row> groups = posts.aggregate(Query.group("status").agg(Aggregate.count(), Aggregate.sum("views"))
                .sort(Sort.asc("status")));
        assertThat(groups).extracting(row -> row.get("status")).containsExactly("archived", "draft", "published");
        assertThat(((Number) groups.get(2).get("count")).longValue()).isEqualTo(3);
        assertThat(((Number) groups.get(2).get("sum_views")).longValue()).isEqualTo(425);
        assertThat(posts.aggregate(Query.group("status").agg(Aggregate.count()).having("count", GT, 1)))
                .extracting(row -> row.get("status")).containsExactly("published");
        assertThat(posts.count(Query.where("status", EQ, "published"))).isEqualTo(3);
        assertThat(posts.count(Query.all())).isEqualTo(5);
    }

    @Test
    void readsByKeyAndStreams() {
        var posts = entities.asSystem().table("posts");
        assertThat(posts.findOne(1L)).hasValueSatisfying(row -> assertThat(row.get("title")).isEqualTo("Hello world"));
        assertThat(posts.findOne(999)).isEmpty();
        assertThat(posts.findOne(Query.where("id", EQ, 3).fields("id", "title").embed("author")).orElseThrow().keySet())
                .containsExactly("id", "title", "author");
        assertThat(entities.asSystem().table("post_labels").findOne(1, 2)).isPresent();
        assertThat(posts.findOne(Query.all().sort(Sort.desc("views")))).hasValueSatisfying(
                row -> assertThat(row.get("title")).isEqualTo("Computing machinery"));
        List<Object> streamed = new ArrayList<>();
        assertThat(posts.stream(Query.all().sort(Sort.asc("id")), row -> streamed.add(row.get("id")))).isEqualTo(5);
        assertThat(streamed).extracting(id -> ((Number) id).longValue()).containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    // ---- who is calling ------------------------------------------------------------------------------------------

    @Test
    void aGivenCallersRulesHiddenColumnsAndRowScopeApply() {
        SentroEntities reader = entities.as(authenticate(READER));
        assertThat(ids(reader.table("posts").find(Query.all()).rows())).containsExactly(1L, 2L);
        assertThat(reader.table("posts").count(Query.all())).isEqualTo(2);
        assertThat(reader.table("posts").findOne(3)).isEmpty();
        assertThat(reader.table("authors").find(Query.all()).rows().get(0)).doesNotContainKey("email")
                .containsKey("name");
        assertRefused(() -> reader.table("audit_log").find(Query.all()), ErrorCode.FORBIDDEN, null);
        assertRefused(() -> reader.table("authors").find(Query.where("email", EQ, "ada@example.com")),
                ErrorCode.UNKNOWN_COLUMN, "where.email.eq");
        assertThat(entities.as(authenticate(ADMIN)).table("audit_log").count(Query.all())).isEqualTo(2);
        assertThat(SecurityContextHolder.getContext().getAuthentication()).as("restored after the call").isNull();
    }

    @Test
    void theCallerDefaultsToSpringSecuritysContextAndNoCallerIsAnonymous() {
        assertRefused(() -> entities.table("posts").find(Query.all()), ErrorCode.UNAUTHENTICATED, null);
        SecurityContextHolder.getContext().setAuthentication(authenticate(READER));
        assertThat(ids(entities.table("posts").find(Query.all()).rows())).containsExactly(1L, 2L);
        assertThat(SecuredApplication.LAST_PRINCIPAL.get()).isEqualTo("reader");
        assertThat(ids(entities.asSystem().table("posts").find(Query.all()).rows())).hasSize(5);
    }

    @Test
    void readHooksRunAndKnowTheFrontEnd() {
        int before = SecuredApplication.POSTS_HOOKS.get();
        entities.as(authenticate(ADMIN)).table("posts").find(Query.all());
        assertThat(SecuredApplication.POSTS_HOOKS.get()).isGreaterThan(before);
        assertThat(SecuredApplication.LAST_ORIGIN.get()).isEqualTo(Origin.ENTITY_API);
        assertThat(SecuredApplication.LAST_PRINCIPAL.get()).isEqualTo("admin");
        api.send("GET", "/api/posts", null, "application/json", "X-API-Key", ADMIN);
        assertThat(SecuredApplication.LAST_ORIGIN.get()).isEqualTo(Origin.REST);
    }

    // ---- bad input -------------------------------------------------------------------------------------------------

    @Test
    void badInputIsRefusedWithTheHttpApisCodesBeforeAnySql() {
        var posts = entities.asSystem().table("posts");
        String cursor = posts.find(Query.all().limit(1)).next();
        int statements = ConnectionLog.STATEMENTS.get();
        assertRefused(() -> entities.table("nope"), ErrorCode.UNKNOWN_TABLE, null);
        assertRefused(() -> posts.find(Query.where("nope", EQ, 1)), ErrorCode.UNKNOWN_COLUMN, "where.nope.eq");
        assertRefused(() -> posts.find(Query.all().embed("nope")), ErrorCode.UNKNOWN_RELATION, "embed");
        assertRefused(() -> posts.find(Query.all().sort(Sort.asc("nope"))), ErrorCode.UNKNOWN_COLUMN, "sort");
        SentroException wrongType = catchSentro(() -> posts.find(Query.where("views", EQ, "many")));
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.parameter()).isEqualTo("where.views.eq");
        SentroException tooMany = catchSentro(() -> posts.find(Query.all().limit(100_000)));
        assertThat(tooMany.parameter()).isEqualTo("limit");
        assertRefused(() -> posts.aggregate(Query.all()), ErrorCode.INVALID_PARAMETER, "agg");
        assertRefused(() -> posts.find(Query.all().after(cursor).offset(3)), ErrorCode.INVALID_PARAMETER, "after");
        assertRefused(() -> posts.findOne(1, 2), ErrorCode.INVALID_PARAMETER, "key");
        assertThat(ConnectionLog.STATEMENTS.get()).as("statements prepared for bad input").isEqualTo(statements);
    }

    private Authentication authenticate(String key) {
        return app.context().getBean(SentroCredentials.class).apiKeys()
                .authenticate(ApiKeyAuthentication.unauthenticated(key));
    }

    private static void assertRefused(Runnable call, ErrorCode code, String parameter) {
        SentroException refused = catchSentro(call);
        assertThat(refused.code()).as(refused.getMessage()).isEqualTo(code);
        if (parameter != null) {
            assertThat(refused.parameter()).isEqualTo(parameter);
        }
    }

    private static SentroException catchSentro(Runnable call) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(call::run);
        assertThat(thrown).isInstanceOf(SentroException.class);
        return (SentroException) thrown;
    }

    private static List<Long> ids(List<Row> rows) {
        return rows.stream().map(row -> ((Number) row.get("id")).longValue()).toList();
    }
}
