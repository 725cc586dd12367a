package io.sentro.spring.it;

import java.util.ArrayList;
import java.util.List;

import io.sentro.spring.it.HttpApi.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.jdbc.core.JdbcTemplate;

import static io.sentro.spring.it.ApiScenarios.assertProblem;
import static io.sentro.spring.it.ApiScenarios.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keyset pages on every database: following {@code next} (or the {@code Link} header) from the first page visits
 * every matching row once, in the same order as one large page, for sorts on several columns, mixed directions and
 * nullable columns (NULLs sort where the database sorts them), with filters, OR groups and search; cursors are
 * tamper-evident. The scenarios page a table of their own with ties and NULLs in every sort column.
 */
abstract class CursorScenarios extends OpenApiScenarios {

    private static final int ROWS = 37;

    @BeforeAll
    @Override
    void start() {
        JdbcTemplate jdbc = new JdbcTemplate(database().dataSource());
        dropSamples(jdbc);
        jdbc.execute("CREATE TABLE cursor_samples (id INT NOT NULL PRIMARY KEY, grp VARCHAR(10) NOT NULL, "
                + "score INT NULL, label VARCHAR(20) NULL, created DATE NULL)");
        StringBuilder insert = new StringBuilder("INSERT INTO cursor_samples (id, grp, score, label, created) VALUES ");
        List<Object> values = new ArrayList<>();
        for (int id = 1; id <= ROWS; id++) {
            insert.append(id == 1 ? "(?, ?, ?, ?, ?)" : ", (?, ?, ?, ?, ?)");
            values.add(id);
            values.add(new String[] { "a", "b", "c" }[id * 7 % 3]);
            values.add(id % 5 == 0 ? null : id * 37 % 11 * 10);
            values.add(id % 4 == 0 ? null : "x" + id * 13 % 6);
            values.add(id % 6 == 0 ? null : java.sql.Date.valueOf(java.time.LocalDate.of(2025, 1 + id % 3, 1)));
        }
        jdbc.update(insert.toString(), values.toArray());
        super.start();
    }

    @AfterAll
    void dropSamples() {
        dropSamples(jdbc);
    }

    private static void dropSamples(JdbcTemplate jdbc) {
        jdbc.execute("DROP TABLE IF EXISTS cursor_samples");
    }

    @Test
    void followingNextVisitsEveryRowOnceInOrder() {
        for (String query : List.of("", "sort=-id", "sort=score", "sort=-score", "sort=grp,-score",
                "sort=-grp,score,label", "sort=label,-created", "sort=created", "sort=-created,-label",
                "where.grp.eq=b&sort=-score", "or.x.score.gt=50&or.y.score.isNull=true&sort=score",
                "search=x3&sort=-label", "where.score.isNull=true&sort=label")) {
            List<Long> all = ids(ok(api.get("/api/cursor_samples?limit=100&" + query)));
            assertThat(all).as(query).isNotEmpty();
            List<Long> paged = new ArrayList<>();
            String next = null;
            int pages = 0;
            do {
                JsonNode page = ok(api.get("/api/cursor_samples?limit=4&" + query
                        + (next == null ? "" : "&after=" + next)));
                paged.addAll(ids(page));
                next = page.get("next").isNull() ? null : page.get("next").asString();
                assertThat(++pages).as(query).isLessThanOrEqualTo(ROWS);
            }
            while (next != null);
            assertThat(paged).as(query).isEqualTo(all);
            assertThat(pages).as(query).isEqualTo((all.size() + 3) / 4);
        }
    }

    @Test
    void theLinkHeaderIsTheFullUrlOfTheNextPage() {
        Response first = api.get("/api/cursor_samples?limit=10&sort=-score&where.grp.neq=c&offset=0&count=exact");
        JsonNode page = ok(first);
        String link = first.header("Link");
        assertThat(link).startsWith("<http://").endsWith(">; rel=\"next\"").contains("sort=-score")
                .contains("where.grp.neq=c").contains("after=" + page.get("next").asString()).doesNotContain("offset");
        String url = link.substring(1, link.indexOf('>'));
        JsonNode second = ok(api.get(url));
        assertThat(second.get("total").asLong()).as("the total counts the whole result, not what follows")
                .isEqualTo(page.get("total").asLong());
        assertThat(second.get("offset").asLong()).isZero();
        assertThat(ids(second)).doesNotContainAnyElementsOf(ids(page));
        // The last page has no next, and no Link header.
        Response last = api.get("/api/cursor_samples?limit=100");
        assertThat(ok(last).get("next").isNull()).isTrue();
        assertThat(last.header("Link")).isEmpty();
        // A page that ends exactly at the last row knows it.
        assertThat(ok(api.get("/api/cursor_samples?limit=" + ROWS)).get("next").isNull()).isTrue();
        assertThat(ok(api.get("/api/cursor_samples?limit=" + (ROWS - 1))).get("next").isNull()).isFalse();
    }

    @Test
    void cursorsWorkWithEmbeddingAndCounting() {
        JsonNode first = ok(api.get("/api/posts?limit=2&embed=author&count=exact"));
        JsonNode second = ok(api.get("/api/posts?limit=2&embed=author&count=exact&after="
                + first.get("next").asString()));
        assertThat(ids(second)).containsExactly(3L, 4L);
        assertThat(second.get("rows").get(0).get("author").get("name").asString()).isEqualTo("Alan");
        assertThat(second.get("total").asLong()).isEqualTo(5);
        JsonNode estimated = ok(api.get("/api/posts?limit=2&after=" + first.get("next").asString()));
        assertThat(estimated.get("total").asLong()).isEqualTo(5);
        JsonNode titles = ok(api.get("/api/posts?limit=2&fields=title&sort=-views"));
        assertThat(titles.get("rows").get(0).propertyNames()).containsExactly("title");
        JsonNode more = ok(api.get("/api/posts?limit=2&fields=title&sort=-views&after="
                + titles.get("next").asString()));
        assertThat(more.get("rows").get(0).get("title").asString()).isEqualTo("Compilers");
    }

    @Test
    void tamperedOrForeignCursorsAreRefusedAndReadNothing() {
        String next = ok(api.get("/api/cursor_samples?limit=3&sort=label")).get("next").asString();
        char changed = next.charAt(next.length() / 2) == 'A' ? 'B' : 'A';
        String tampered = next.substring(0, next.length() / 2) + changed + next.substring(next.length() / 2 + 1);
        for (String path : List.of("/api/cursor_samples?sort=label&after=" + tampered,
                "/api/cursor_samples?sort=label&after=" + next.substring(0, next.length() - 2),
                "/api/cursor_samples?sort=label&after=not-a-cursor", "/api/cursor_samples?sort=label&after=",
                "/api/cursor_samples?sort=label&after=%25%25", "/api/cursor_samples?sort=-label&after=" + next,
                "/api/cursor_samples?after=" + next, "/api/posts?sort=title&after=" + next)) {
            Response refused = api.get(path);
            assertProblem(refused, 400, "after");
            assertThat(refused.json().get("parameter").asString()).as(path).isEqualTo("after");
        }
        assertThat(api.get("/api/cursor_samples?sort=label&after=" + tampered).json().get("code").asString())
                .isEqualTo("SENTRO-112");
        assertProblem(api.get("/api/cursor_samples?sort=label&offset=3&after=" + next), 400, "offset");
        assertThat(ok(api.get("/api/cursor_samples?sort=label&after=" + next)).get("rows").size()).isPositive();
    }

    @Test
    void aTableWithoutPrimaryKeyPagesByOffsetOnly() {
        JsonNode page = ok(api.get("/api/audit_log?limit=1"));
        assertThat(page.get("next").isNull()).isTrue();
        String cursor = ok(api.get("/api/posts?limit=1")).get("next").asString();
        assertProblem(api.get("/api/audit_log?after=" + cursor), 400, "offset");
    }

    private static List<Long> ids(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.get("rows").forEach(row -> ids.add(row.get("id").asLong()));
        return ids;
    }
}
