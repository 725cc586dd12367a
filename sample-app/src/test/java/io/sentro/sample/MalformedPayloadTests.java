package io.sentro.sample;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every table and action of the sample, driven with bodies its hooks, field writers and display fields do not
 * expect: empty, every field of a wrong JSON type, objects, arrays, nulls. Before hooks and field writers see the
 * payload before Sentro checks it against the table, so each must leave the refusal to the API (a 400 naming the
 * field) or refuse itself (its own problem), never fail with a 5xx. The tables, columns and actions are read from
 * the running app's {@code _schema}, so a table or hook added to the sample is covered without changing this test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MalformedPayloadTests {

    /** The sample's demo admin key: every table and action is open to it. */
    private static final String KEY = "admin-demo-key";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The wrong values tried for each column: a name for the report and the value for a column's kind. */
    private static final List<Variant> VARIANTS = List.of(
            new Variant("wrong JSON type", MalformedPayloadTests::wrongType),
            new Variant("object", kind -> Map.of("x", 1)),
            new Variant("array", kind -> kind.equals("array") ? List.of(Map.of("x", 1)) : List.of(1)),
            new Variant("null", kind -> null));

    private ConfigurableApplicationContext context;
    private final HttpClient http = HttpClient.newHttpClient();
    private String origin;
    private JsonNode tables;

    @BeforeAll
    void start() throws Exception {
        context = SpringApplication.run(SampleApplication.class, "--server.port=0", "--spring.main.banner-mode=off");
        origin = "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
        HttpResponse<String> schema = send("GET", "/api/_schema", "");
        assertThat(schema.statusCode()).as(schema.body()).isEqualTo(200);
        tables = JSON.readTree(schema.body()).get("tables");
    }

    @AfterAll
    void stop() {
        context.close();
    }

    @Test
    void theSchemaListsTheSeedTables() {
        List<String> names = new ArrayList<>();
        tables.forEach(table -> names.add(table.get("name").asString()));
        // Not the list the test drives (that is whatever _schema says), only a guard that it read the sample's.
        assertThat(names).contains("users", "posts", "comments", "products", "orders", "order_items",
                "organizations", "team_members", "properties", "events", "registrations");
    }

    @Test
    void noWriteOfAMalformedBodyIsAServerError() throws Exception {
        List<String> failures = new ArrayList<>();
        int requests = 0;
        for (JsonNode table : tables) {
            if (!"table".equals(table.get("kind").asString())) {
                continue;
            }
            String path = "/api/" + table.get("name").asString();
            List<JsonNode> writable = new ArrayList<>();
            table.get("columns").forEach(column -> {
                if (column.get("writable").asBoolean()) {
                    writable.add(column);
                }
            });
            String firstKey = firstKey(table);
            List<String> bodies = new ArrayList<>();
            bodies.add("{}");
            for (Variant variant : VARIANTS) {
                Map<String, Object> all = new LinkedHashMap<>();
                for (JsonNode column : writable) {
                    Object value = variant.value(column.get("kind").asString());
                    all.put(column.get("name").asString(), value);
                    Map<String, Object> one = new LinkedHashMap<>();
                    one.put(column.get("name").asString(), value);
                    bodies.add(JSON.writeValueAsString(one));
                }
                bodies.add(JSON.writeValueAsString(all));
            }
            JsonNode primaryKey = table.get("primaryKey");
            for (String body : bodies) {
                if (table.get("insertable").asBoolean()) {
                    requests += 2;
                    check(failures, "POST", path, body);
                    // An upsert takes an existing row through the UPDATE hooks, a new one through the CREATE hooks.
                    check(failures, "POST", path, body, "Prefer", "resolution=merge-duplicates");
                }
                if (table.get("updatable").asBoolean() && firstKey != null && !body.equals("{}")) {
                    requests++;
                    check(failures, "PATCH", path + "/" + firstKey, body);
                    if (primaryKey.size() == 1) {
                        // A bulk write, with the row as stored in payload.previous().
                        requests++;
                        check(failures, "PATCH", path + "?where." + primaryKey.get(0).asString() + ".eq=" + firstKey,
                                body);
                    }
                }
            }
        }
        assertThat(requests).isGreaterThan(100);
        assertThat(failures).as("%d of %d writes failed:%n%s", failures.size(), requests, String.join("\n", failures))
                .isEmpty();
    }

    @Test
    void noActionCalledWithAnEmptyOrMalformedBodyIsAServerError() throws Exception {
        List<String> failures = new ArrayList<>();
        int requests = 0;
        for (JsonNode table : tables) {
            String firstKey = firstKey(table);
            for (JsonNode action : table.get("actions")) {
                String path = action.get("path").asString().replace("{key}", firstKey == null ? "0" : firstKey);
                List<String> bodies = new ArrayList<>(List.of("", "{}"));
                for (Variant variant : VARIANTS) {
                    Map<String, Object> inputs = new LinkedHashMap<>();
                    // An input's kind is named as a column kind ("integer", "timestamp_tz"): the same wrong values.
                    JsonNode declared = action.get("input");
                    if (declared != null) {
                        declared.forEach(input -> inputs.put(input.get("name").asString(),
                                variant.value(input.get("kind").asString())));
                    }
                    // The seeds' actions also read undeclared fields (message, planId): give them wrong ones too.
                    for (String name : List.of("message", "planId", "ids")) {
                        inputs.putIfAbsent(name, variant.value("text"));
                    }
                    bodies.add(JSON.writeValueAsString(inputs));
                }
                for (String body : bodies) {
                    requests++;
                    check(failures, "POST", path, body);
                }
            }
        }
        assertThat(requests).isGreaterThan(20);
        assertThat(failures).as("%d of %d action calls failed:%n%s", failures.size(), requests,
                String.join("\n", failures)).isEmpty();
    }

    @Test
    void displayFieldsAreComputedForNarrowedAndEmbeddedRows() throws Exception {
        List<String> failures = new ArrayList<>();
        for (JsonNode table : tables) {
            String path = "/api/" + table.get("name").asString();
            for (JsonNode field : table.get("displayFields")) {
                check(failures, "GET", path + "?fields=" + field.asString(), "");
            }
            for (JsonNode relation : table.get("relations")) {
                String name = relation.get("name").asString();
                check(failures, "GET", path + "?embed=" + name, "");
                check(failures, "GET", path + "?embed=" + name + "&" + name + ".fields="
                        + relation.get("targetColumns").get(0).asString(), "");
            }
        }
        assertThat(failures).as(String.join("\n", failures)).isEmpty();
    }

    // ---- the hooks' own answers, where the seeds promise one ----------------------------------------------------

    @Test
    void aRegistrationWithoutAUsableEventIdIsTheApisBadRequestNamingIt() throws Exception {
        for (String body : List.of("{}", "{\"name\":\"Ada\",\"email\":\"ada@example.com\"}",
                "{\"event_id\":null,\"name\":\"Ada\",\"email\":\"ada@example.com\"}",
                "{\"event_id\":\"x\",\"name\":\"Ada\",\"email\":\"ada@example.com\"}",
                "{\"event_id\":{\"id\":1},\"name\":\"Ada\",\"email\":\"ada@example.com\"}",
                "{\"event_id\":[1],\"name\":\"Ada\",\"email\":\"ada@example.com\"}",
                "{\"event_id\":1.5,\"name\":\"Ada\",\"email\":\"ada@example.com\"}")) {
            assertProblem(send("POST", "/api/registrations", body), 400, "event_id");
        }
        assertProblem(send("POST", "/api/registrations", "{\"event_id\":999999,\"name\":\"Ada\","
                + "\"email\":\"ada@example.com\"}"), 422, null);
    }

    @Test
    void fieldWritersLeaveAValueOfTheWrongTypeToTheApi() throws Exception {
        for (String body : List.of("{\"title\":12345}", "{\"title\":{\"x\":1}}", "{\"title\":null}")) {
            assertProblem(send("PATCH", "/api/posts/1", body), 400, "title");
        }
        for (String body : List.of("{\"address\":12345}", "{\"address\":[\"Main St\"]}", "{\"address\":null}")) {
            assertProblem(send("PATCH", "/api/properties/1", body), 400, "address");
        }
        assertProblem(send("PATCH", "/api/products/1", "{\"image\":12345}"), 400, "image");
        assertProblem(send("PATCH", "/api/products/1", "{\"image\":\"data:image/png;base64,!!\"}"), 422, null);
        assertProblem(send("PATCH", "/api/products/1", "{\"image\":\"data:\"}"), 422, null);
        // images is a JSON column, which takes any JSON: its writer refuses what is not an array of text itself.
        for (String images : List.of("\"x\"", "{\"url\":\"x\"}", "[1]", "[null]", "[[\"x\"]]",
                "[\"data:image/png;base64,!!\"]")) {
            assertProblem(send("PATCH", "/api/properties/1", "{\"images\":" + images + "}"), 422, null);
        }
        assertProblem(send("PATCH", "/api/properties/1", "{\"images\":null}"), 400, "images");
        assertProblem(send("POST", "/api/comments", "{\"post_id\":1,\"author_name\":\"Eve\",\"text\":7}"), 400,
                "text");
    }

    @Test
    void actionsRefuseAnInputThatIsNotWhatTheyRead() throws Exception {
        for (String body : List.of("", "{}", "{\"adjustment\":\"x\"}", "{\"adjustment\":1.5}",
                "{\"adjustment\":{\"by\":1}}", "{\"adjustment\":[1]}", "{\"adjustment\":null}",
                "{\"adjustment\":99999999999}")) {
            assertProblem(send("POST", "/api/products/1/_actions/adjust-inventory", body), 422, null);
        }
        for (String body : List.of("{}", "{\"message\":7}", "{\"message\":\" \"}")) {
            assertProblem(send("POST", "/api/events/1/_actions/notify-attendees", body), 400, "action");
        }
    }

    private void assertProblem(HttpResponse<String> response, int status, String parameter) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        if (parameter != null) {
            assertThat(JSON.readTree(response.body()).path("parameter").asString()).as(response.body())
                    .isEqualTo(parameter);
        }
    }

    /** Sends one request; a 5xx, or a 4xx that is not a problem, is added to {@code failures}. */
    private void check(List<String> failures, String method, String path, String body, String... headers)
            throws Exception {
        HttpResponse<String> response = send(method, path, body, headers);
        int status = response.statusCode();
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (status >= 500 || (status >= 400 && !type.startsWith("application/problem+json"))) {
            failures.add(method + " " + path + " " + String.join(": ", headers) + " " + body + " -> " + status + " "
                    + type + " " + response.body());
        }
    }

    /** The key of the table's first row as the path writes it ({@code a,b} for a composite key), or null. */
    private String firstKey(JsonNode table) throws Exception {
        HttpResponse<String> page = send("GET", "/api/" + table.get("name").asString() + "?limit=1", "");
        JsonNode rows = JSON.readTree(page.body()).path("rows");
        if (page.statusCode() != 200 || rows.isEmpty() || table.get("primaryKey").isEmpty()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        table.get("primaryKey").forEach(column -> parts.add(rows.get(0).get(column.asString()).asString()));
        return URLEncoder.encode(String.join(",", parts), StandardCharsets.UTF_8);
    }

    /** A value of a JSON type the column's kind does not take: text where a number is due, a number for text. */
    private static Object wrongType(String kind) {
        return switch (kind) {
            case "text", "enum", "uuid", "binary" -> 12345;
            default -> "x";
        };
    }

    private HttpResponse<String> send(String method, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(origin + path)).header("X-API-Key", KEY);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        if (!body.isEmpty()) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private record Variant(String name, java.util.function.Function<String, Object> values) {

        Object value(String kind) {
            return values.apply(kind);
        }
    }
}
