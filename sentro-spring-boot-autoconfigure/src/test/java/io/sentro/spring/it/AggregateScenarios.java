package io.sentro.spring.it;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.sentro.spring.it.ApiScenarios.assertProblem;
import static io.sentro.spring.it.ApiScenarios.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Groups and aggregates on every database ({@code group}, {@code agg}, {@code having.*}): one row per group with
 * each aggregate under its key, typed by its column (sums of integers are integers, of decimals exact decimals),
 * combined with filters, search, OR groups and related-row filters, sorted by group columns and aggregate keys,
 * paged by group; what does not make sense is refused naming the parameter.
 */
abstract class AggregateScenarios extends OpenApiScenarios {

    @Test
    void eachGroupIsOneRowWithItsAggregatesUnderTheirKeys() {
        JsonNode page = ok(api.get("/api/posts?group=author_id&agg=count,sum:views,avg:price,min:published_on,"
                + "max:views,count:rating&count=exact"));
        JsonNode rows = page.get("rows");
        assertThat(rows).hasSize(3);
        assertThat(page.get("total").asLong()).isEqualTo(3);
        assertThat(page.get("next").isNull()).isTrue();
        JsonNode ada = rows.get(0);
        assertThat(ada.propertyNames()).containsExactly("author_id", "count", "sum_views", "avg_price",
                "min_published_on", "max_views", "count_rating");
        assertThat(ada.get("author_id").asLong()).isEqualTo(1);
        assertThat(ada.get("count").asLong()).isEqualTo(2);
        assertThat(ada.get("sum_views").isIntegralNumber()).as("a sum of integers is an integer").isTrue();
        assertThat(ada.get("sum_views").asLong()).isEqualTo(100);
        assertThat(ada.get("avg_price").decimalValue()).isEqualByComparingTo("10.5");
        assertThat(ada.get("min_published_on").asString()).isEqualTo("2025-01-01");
        assertThat(ada.get("count_rating").asLong()).as("count of a column counts its values").isEqualTo(1);
        JsonNode alan = rows.get(1);
        assertThat(alan.get("sum_views").asLong()).isEqualTo(280);
        assertThat(alan.get("avg_price").decimalValue()).isEqualByComparingTo("6172839.46");
        assertThat(alan.get("max_views").asLong()).isEqualTo(250);
        JsonNode grace = rows.get(2);
        assertThat(grace.get("min_published_on").isNull()).isTrue();
        assertThat(grace.get("avg_price").decimalValue()).isEqualByComparingTo("99.99");
    }

    @Test
    void withoutGroupTheWholeFilteredTableIsOneRow() {
        JsonNode all = ok(api.get("/api/posts?agg=count,sum:views,sum:price,sum:rating,avg:views,min:title"))
                .get("rows");
        assertThat(all).hasSize(1);
        JsonNode row = all.get(0);
        assertThat(row.get("count").asLong()).isEqualTo(5);
        assertThat(row.get("sum_views").asLong()).isEqualTo(455);
        assertThat(row.get("sum_price").decimalValue()).as("a sum of decimals is exact")
                .isEqualByComparingTo(new BigDecimal("12345789.41"));
        assertThat(row.get("sum_rating").asDouble()).isEqualTo(8.75);
        assertThat(row.get("avg_views").decimalValue()).isEqualByComparingTo("91");
        assertThat(row.get("min_title").asString()).isEqualTo("Compilers");
        assertThat(ok(api.get("/api/posts?agg=count&where.views.gt=10")).get("rows").get(0).get("count").asLong())
                .isEqualTo(4);
        assertThat(ok(api.get("/api/posts?agg=count&search=hello")).get("rows").get(0).get("count").asLong())
                .isEqualTo(2);
        assertThat(ok(api.get("/api/posts?agg=count&or.a.status.eq=draft&or.b.views.gte=250")).get("rows").get(0)
                .get("count").asLong()).isEqualTo(2);
        assertThat(ok(api.get("/api/posts?agg=count&where.author.name.eq=Ada")).get("rows").get(0).get("count")
                .asLong()).isEqualTo(2);
        assertThat(ok(api.get("/api/posts?agg=count,max:views&where.views.gt=1000")).get("rows").get(0)
                .get("max_views").isNull()).isTrue();
    }

    @Test
    void groupsAreSortedFilteredAndPaged() {
        assertThat(keys(ok(api.get("/api/posts?group=author_id&agg=sum:views&sort=-sum_views")), "author_id"))
                .containsExactly("2", "1", "3");
        assertThat(keys(ok(api.get("/api/posts?group=status&agg=count&sort=-count,status")), "status"))
                .containsExactly("published", "archived", "draft");
        assertThat(keys(ok(api.get("/api/posts?group=status&agg=count&having.count.gt=1")), "status"))
                .containsExactly("published");
        assertThat(keys(ok(api.get("/api/posts?group=author_id&agg=sum:views&having.sum_views.gte=100"
                + "&having.sum_views.lt=280")), "author_id")).containsExactly("1");
        assertThat(keys(ok(api.get("/api/posts?group=author_id&agg=max:published_on"
                + "&having.max_published_on.isNull=true")), "author_id")).containsExactly("3");
        assertThat(keys(ok(api.get("/api/posts?group=status&agg=count&having.count.in=1,3")), "status"))
                .containsExactly("archived", "draft", "published");
        JsonNode second = ok(api.get("/api/posts?group=status&agg=count&limit=1&offset=1&count=exact"));
        assertThat(keys(second, "status")).containsExactly("draft");
        assertThat(second.get("total").asLong()).isEqualTo(3);
        assertThat(keys(ok(api.get("/api/posts?group=status,author_id&sort=-author_id")), "status"))
                .containsExactly("published", "archived", "published", "draft", "published");
        JsonNode none = ok(api.get("/api/posts?group=status&agg=count&having.count.gt=10&count=exact"));
        assertThat(none.get("rows")).isEmpty();
        assertThat(none.get("total").asLong()).isZero();
    }

    @Test
    void aggregatesThatMakeNoSenseAreRefused() {
        String before = fingerprint();
        assertProblem(api.get("/api/posts?agg=sum:title"), 400, "numeric");
        assertThat(api.get("/api/posts?agg=sum:title").json().get("parameter").asString()).isEqualTo("agg");
        assertProblem(api.get("/api/posts?agg=avg:created_at"), 400, "agg");
        assertProblem(api.get("/api/authors?agg=max:profile"), 400, "agg");
        assertProblem(api.get("/api/posts?agg=median:views"), 400, "median");
        assertProblem(api.get("/api/posts?agg=sum"), 400, "agg");
        assertProblem(api.get("/api/posts?agg=sum:"), 400, "agg");
        assertProblem(api.get("/api/posts?agg=sum:nope"), 400, "nope");
        assertProblem(api.get("/api/posts?group=nope&agg=count"), 400, "group");
        assertProblem(api.get("/api/posts?group=status,status&agg=count"), 400, "group");
        assertProblem(api.get("/api/posts?agg=count,count"), 400, "agg");
        assertProblem(api.get("/api/posts?group=status&agg=count&sort=views"), 400, "sort");
        assertProblem(api.get("/api/posts?group=status&agg=count&having.sum_views.gt=1"), 400,
                "having.sum_views.gt");
        assertProblem(api.get("/api/posts?group=status&agg=count&having.count.gt=many"), 400, "having.count.gt");
        assertProblem(api.get("/api/posts?group=status&agg=count&having.count.like=1%25"), 400, "having.count.like");
        assertProblem(api.get("/api/posts?having.count.gt=1"), 400, "having.count.gt");
        assertProblem(api.get("/api/posts?group=status&fields=status"), 400, "fields");
        assertProblem(api.get("/api/posts?group=status&embed=author"), 400, "embed");
        assertProblem(api.get("/api/posts?agg=count&limit=5000"), 400, "limit");
        String cursor = ok(api.get("/api/posts?limit=1")).get("next").asString();
        assertProblem(api.get("/api/posts?group=status&after=" + cursor), 400, "after");
        assertThat(fingerprint()).isEqualTo(before);
    }

    private static List<String> keys(JsonNode page, String column) {
        return ApiScenarios.names(page.get("rows"), column);
    }
}
