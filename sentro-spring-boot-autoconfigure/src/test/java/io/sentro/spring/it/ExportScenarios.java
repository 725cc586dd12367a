package io.sentro.spring.it;

import java.util.List;

import io.sentro.spring.it.HttpApi.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static io.sentro.spring.it.ApiScenarios.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exports on every database: a list read with {@code Accept: application/x-ndjson} or {@code text/csv} (or
 * {@code format=ndjson|csv}) streams every row its filters select, in its sort, one JSON object per line or as RFC 4180
 * CSV with formula injection neutralised; {@code sentro.export.max-rows} caps it (6 here).
 */
abstract class ExportScenarios extends OpenApiScenarios {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    protected String[] properties() {
        return new String[] { "sentro.security.access.default=permit-all", "sentro.export.max-rows=6" };
    }

    private static List<JsonNode> lines(Response response) {
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/x-ndjson");
        assertThat(response.text()).endsWith("\n");
        return response.text().lines().map(JSON::readTree).toList();
    }

    @Test
    void ndjsonStreamsEveryMatchingRowOnePerLine() {
        List<JsonNode> authors = lines(api.send("GET", "/api/authors?sort=-id&fields=id,name", null, null, "Accept",
                "application/x-ndjson"));
        assertThat(authors).extracting(row -> row.get("id").asLong()).containsExactly(3L, 2L, 1L);
        assertThat(authors.get(0).propertyNames()).containsExactly("id", "name");
        // Filters, OR groups and search apply; the format parameter wins over Accept.
        List<JsonNode> posts = lines(api.send("GET", "/api/posts?format=ndjson&where.views.gte=75&sort=views&limit=3",
                null, null, "Accept", "text/csv"));
        assertThat(posts).extracting(row -> row.get("views").asInt()).containsExactly(75, 100, 250);
        // A JSON Accept (or none) still gets a page.
        assertThat(api.send("GET", "/api/posts", null, null, "Accept", "application/json, text/csv;q=0.5").json()
                .has("rows")).isTrue();
        assertThat(lines(api.send("GET", "/api/posts?where.id.eq=2", null, null, "Accept",
                "text/html, application/x-ndjson;q=0.9"))).hasSize(1);
    }

    @Test
    void csvFollowsRfc4180AndNeutralisesFormulas() {
        jdbc.update("INSERT INTO labels (name) VALUES (?), (?), (?), (?), (?)", "=HYPERLINK(\"x\")", "a,b",
                "say \"hi\"", "two\nlines", "-2+3");
        Response csv = api.get("/api/labels?format=csv&sort=id&where.id.gt=3");
        assertThat(csv.status()).as(csv.text()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).isEqualTo("attachment; filename=\"labels.csv\"");
        List<String> records = List.of(csv.text().split("\r\n(?=[0-9]|$)"));
        assertThat(records.get(0)).isEqualTo("id,name");
        assertThat(records.subList(1, records.size())).extracting(line -> line.substring(line.indexOf(',') + 1))
                .containsExactly("\"'=HYPERLINK(\"\"x\"\")\"", "\"a,b\"", "\"say \"\"hi\"\"\"", "\"two\nlines\"",
                        "'-2+3");
        assertThat(csv.text()).endsWith("\r\n");
        // Numbers are numbers, negative ones too; NULL is an empty field, text never is.
        jdbc.update("UPDATE posts SET rating = -1.5, slug = NULL WHERE id = 1");
        jdbc.update("UPDATE posts SET slug = '' WHERE id = 2");
        Response posts = api.send("GET", "/api/posts?fields=id,rating,slug&sort=id&where.id.in=1,2", null, null,
                "Accept", "text/csv");
        assertThat(posts.text()).isEqualTo("id,rating,slug\r\n1,-1.5,\r\n2,,\"\"\r\n");
        // No row: the header alone.
        assertThat(api.get("/api/labels?format=csv&fields=name&where.id.eq=999").text()).isEqualTo("name\r\n");
    }

    @Test
    void anExportBeyondMaxRowsIsRefusedAndBadRequestsGetProblems() {
        jdbc.update("INSERT INTO labels (name) VALUES ('l1'), ('l2'), ('l3'), ('l4')");
        Response tooMany = api.get("/api/labels?format=ndjson");
        assertProblem(tooMany, 400, "sentro.export.max-rows");
        assertThat(tooMany.json().get("code").asString()).isEqualTo("SENTRO-117");
        assertThat(lines(api.get("/api/labels?format=ndjson&limit=6&offset=1"))).hasSize(6);
        assertThat(lines(api.get("/api/labels?format=ndjson&where.name.like=l%25"))).hasSize(4);
        assertProblem(api.get("/api/labels?format=csv&limit=7"), 400, "limit");
        assertProblem(api.get("/api/posts?format=xml"), 400, "format");
        assertProblem(api.get("/api/posts?format=csv&embed=author"), 400, "embed");
        assertProblem(api.get("/api/posts?format=csv&group=status"), 400, "group");
        assertProblem(api.get("/api/posts?format=csv&where.nope.eq=1"), 400, "nope");
        assertProblem(api.get("/api/posts?format=csv&format=ndjson"), 400, "format");
    }
}
