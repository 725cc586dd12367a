package io.sentro.spring.request;

import io.sentro.spring.query.CountMode;
import io.sentro.spring.query.FilterTerm;
import io.sentro.spring.query.ListQuery;
import io.sentro.spring.query.Operator;
import io.sentro.spring.query.SortTerm;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.sentro.spring.error.ErrorCode;
import io.sentro.spring.error.SentroException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiRequestParserTests {

    private final ApiRequestParser parser = new ApiRequestParser();

    private static Map<String, String[]> query(String... pairs) {
        Map<String, String[]> parameters = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            parameters.put(pairs[i], new String[] { pairs[i + 1] });
        }
        return parameters;
    }

    @Test
    void parsesEveryListParameter() {
        ListQuery query = parser.parseList(query("fields", "id, title", "sort", "status,-id,+views", "search", "x",
                "limit", "5", "offset", "10", "count", "none", "where.views.gte", "3", "where.a.b.eq", "dotted",
                "or.g1.status.eq", "draft", "or.g1.views.lt", "9", "or.g2.id.in", "1,2"));
        assertThat(query.fields()).containsExactly("id", "title");
        assertThat(query.sort()).containsExactly(new SortTerm("status", false), new SortTerm("id", true),
                new SortTerm("views", false));
        assertThat(query.search()).isEqualTo("x");
        assertThat(query.limit()).isEqualTo(5);
        assertThat(query.offset()).isEqualTo(10);
        assertThat(query.count()).isEqualTo(CountMode.NONE);
        assertThat(query.filters()).containsExactly(new FilterTerm("where.views.gte", "views", Operator.GTE, List.of("3")),
                new FilterTerm("where.a.b.eq", "a.b", Operator.EQ, List.of("dotted")));
        assertThat(query.anyOf().keySet()).containsExactly("g1", "g2");
        assertThat(query.anyOf().get("g1")).hasSize(2);
        assertThat(query.anyOf().get("g2").get(0).values()).containsExactly("1", "2");
    }

    @Test
    void leavesTheCountModeToTheConfigurationUnlessGiven() {
        assertThat(parser.parseList(query()).count()).isNull();
        assertThat(parser.parseList(query("count", "estimated")).count()).isEqualTo(CountMode.ESTIMATED);
        assertThat(parser.parseList(query("count", "exact")).count()).isEqualTo(CountMode.EXACT);
    }

    @Test
    void splitsListsHonouringQuotes() {
        assertThat(ParameterValues.list("p", "a,\"b,c\",d")).containsExactly("a", "b,c", "d");
        assertThat(ParameterValues.list("p", "\"say \\\"hi\\\"\"")).containsExactly("say \"hi\"");
        assertThat(ParameterValues.list("p", "\"\"")).containsExactly("");
        assertThat(ParameterValues.list("p", "a,")).containsExactly("a", "");
        assertThatThrownBy(() -> ParameterValues.list("p", "\"open")).hasMessageContaining("Unterminated");
        assertThatThrownBy(() -> ParameterValues.list("p", "")).hasMessageContaining("at least one");
    }

    @Test
    void refusesMalformedParametersNamingThem() {
        assertRefused(query("where.views", "1"), ErrorCode.INVALID_PARAMETER, "where.views");
        assertRefused(query("where.views.near", "1"), ErrorCode.UNKNOWN_OPERATOR, "where.views.near");
        assertRefused(query("limit", "-1"), ErrorCode.INVALID_PARAMETER, "limit");
        assertRefused(query("offset", "x"), ErrorCode.INVALID_PARAMETER, "offset");
        assertRefused(query("count", "some"), ErrorCode.INVALID_PARAMETER, "count");
        assertRefused(query("sort", "id,,title"), ErrorCode.INVALID_PARAMETER, "sort");
        assertRefused(query("sort", "-"), ErrorCode.INVALID_PARAMETER, "sort");
        assertRefused(query("or.g", "1"), ErrorCode.INVALID_PARAMETER, "or.g");
        assertRefused(query("page", "2"), ErrorCode.INVALID_PARAMETER, "page");
        Map<String, String[]> twice = Map.of("limit", new String[] { "1", "2" });
        assertRefused(twice, ErrorCode.INVALID_PARAMETER, "limit");
    }

    private void assertRefused(Map<String, String[]> parameters, ErrorCode code, String parameter) {
        assertThatThrownBy(() -> parser.parseList(parameters)).isInstanceOfSatisfying(SentroException.class, ex -> {
            assertThat(ex.code()).isEqualTo(code);
            assertThat(ex.parameter()).isEqualTo(parameter);
            assertThat(ex.detail()).contains(parameter);
        });
    }

    @Test
    void splitsCompositeKeysBeforeDecoding() {
        assertThat(parser.parseKey("40,2", 2)).containsExactly("40", "2");
        assertThat(parser.parseKey("a%2Cb,c%20d", 2)).containsExactly("a,b", "c d");
        assertThat(parser.parseKey("a%2Cb", 1)).containsExactly("a,b");
        assertThat(parser.parseKey("1+2", 1)).containsExactly("1+2");
        assertThatThrownBy(() -> parser.parseKey("1", 2)).hasMessageContaining("2 columns");
    }

    @Test
    void parsesBodiesKeepingDecimalsExact() {
        var body = parser.parseBody(new ByteArrayInputStream("{\"price\": 12345678.91}".getBytes(StandardCharsets.UTF_8)));
        assertThat(body.get("price").decimalValue()).isEqualByComparingTo("12345678.91");
        assertThatThrownBy(() -> parser.parseBody(new ByteArrayInputStream("{\"a\":1} x".getBytes())))
                .isInstanceOf(SentroException.class);
        assertThatThrownBy(() -> parser.parseBody(new ByteArrayInputStream("{\"a\":1,\"a\":2}".getBytes())))
                .hasMessageContaining("a");
        assertThatThrownBy(() -> parser.parseBody(new ByteArrayInputStream(new byte[0])))
                .hasMessageContaining("empty");
    }
}
