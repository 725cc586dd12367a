package io.sentro.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import io.sentro.spring.pipeline.CustomizerRegistry;
import io.sentro.spring.schema.Column;
import io.sentro.spring.schema.Relations;
import io.sentro.spring.reload.ApiGeneration;
import io.sentro.spring.reload.ApiGenerations;
import io.sentro.spring.schema.SchemaModel;
import io.sentro.spring.schema.Table;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
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
 * The sample app's {@code /v3/api-docs}: valid OpenAPI 3.1 by a real parser (no error, no warning), and complete:
 * every served table, operation, filter parameter and action is in it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiDocumentTests {

    private ConfigurableApplicationContext context;
    private String document;
    private JsonNode json;

    @BeforeAll
    void start() throws Exception {
        context = SpringApplication.run(SampleApplication.class, "--server.port=0", "--spring.main.banner-mode=off");
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/v3/api-docs")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        document = response.body();
        json = JsonMapper.builder().build().readTree(document);
    }

    @AfterAll
    void stop() {
        context.close();
    }

    @Test
    void declaresItsCredentialsAndWhatEachOperationNeeds() {
        JsonNode schemes = json.at("/components/securitySchemes");
        assertThat(schemes.at("/ApiKey/type").asString()).isEqualTo("apiKey");
        assertThat(schemes.at("/ApiKey/in").asString()).isEqualTo("header");
        assertThat(schemes.at("/ApiKey/name").asString()).isEqualTo("X-API-Key");
        JsonNode list = json.at("/paths/~1api~1posts/get");
        assertThat(list.at("/security/0/ApiKey").isArray()).isTrue();
        assertThat(list.at("/responses/401/$ref").asString()).isEqualTo("#/components/responses/Problem401");
        // Deleting an organization takes the ADMIN role: a signed-in caller can still be refused.
        JsonNode deleteOrganization = json.at("/paths/~1api~1organizations~1{key}/delete");
        assertThat(deleteOrganization.at("/responses/403/$ref").asString())
                .isEqualTo("#/components/responses/Problem403");
        assertThat(json.at("/info/title").asString()).isEqualTo("Sentro sample");
        assertThat(json.at("/info/version").asString()).isEqualTo("0.1.0-SNAPSHOT");
        assertThat(json.at("/paths/~1api~1events/post/summary").asString()).isEqualTo("Create a row in Events");
    }

    /** Redocly's linter, from the npm registry, with its recommended rules: no error. */
    @Test
    void passesRedoclyLintWithTheRecommendedRules() throws Exception {
        java.nio.file.Path work = java.nio.file.Path.of("target", "redocly").toAbsolutePath();
        java.nio.file.Files.createDirectories(work);
        java.nio.file.Path redocly = work.resolve("node_modules/.bin/redocly");
        if (!java.nio.file.Files.isExecutable(redocly)) {
            String[] install = { "npm", "install", "--no-audit", "--no-fund", "--silent", "@redocly/cli@2" };
            Process npm;
            try {
                npm = new ProcessBuilder(install).directory(work.toFile()).redirectErrorStream(true).start();
            }
            catch (java.io.IOException ex) {
                org.junit.jupiter.api.Assumptions.abort("Redocly lint skipped: Node.js/npm is not installed");
                return;
            }
            String output = new String(npm.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(npm.waitFor(600, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(npm.exitValue()).as("npm install @redocly/cli: " + output).isZero();
        }
        java.nio.file.Files.writeString(work.resolve("openapi.json"), document);
        Process lint = new ProcessBuilder(redocly.toString(), "lint", "--extends", "recommended", "--format",
                "summary", "openapi.json").directory(work.toFile()).redirectErrorStream(true).start();
        String report = new String(lint.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(lint.waitFor(300, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(lint.exitValue()).as(report).isZero();
        assertThat(report).doesNotContain("error ");
    }

    @Test
    void validatesWithoutErrorsOrWarnings() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setValidateInternalRefs(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(document, null, options);
        assertThat(result.getMessages()).isEmpty();
        assertThat(result.getOpenAPI()).isNotNull();
        assertThat(result.getOpenAPI().getOpenapi()).startsWith("3.1");
        // The same parser does report a broken reference, so the empty list above means something.
        SwaggerParseResult broken = new OpenAPIV3Parser().readContents(
                document.replace("#/components/schemas/PostsPage", "#/components/schemas/Nope"), null, options);
        assertThat(broken.getMessages()).isNotEmpty();
    }

    @Test
    void coversEveryTableOperationFilterAndAction() {
        ApiGeneration served = context.getBean(ApiGenerations.class).current();
        SchemaModel model = served.model();
        CustomizerRegistry registry = served.component(CustomizerRegistry.class);
        JsonNode paths = json.get("paths");
        List<String> missing = new ArrayList<>();
        for (Table table : model.tables()) {
            String collection = "/api/" + table.name();
            expect(paths, collection, "get", missing);
            if (table.insertable()) {
                expect(paths, collection, "post", missing);
            }
            if (table.hasPrimaryKey()) {
                expect(paths, collection + "/{key}", "get", missing);
            }
            if (table.updatable()) {
                expect(paths, collection + "/{key}", "patch", missing);
                expect(paths, collection + "/{key}", "put", missing);
            }
            if (table.deletable()) {
                expect(paths, collection + "/{key}", "delete", missing);
            }
            JsonNode list = paths.path(collection).path("get");
            List<String> parameters = new ArrayList<>();
            list.path("parameters").values().forEach(parameter -> parameters.add(parameter.get("name").asString()));
            for (Column column : table.columns()) {
                if (!parameters.contains("where." + column.name() + ".isNull")) {
                    missing.add(collection + " where." + column.name() + ".isNull");
                }
                if (column.kind().isComparable() && !parameters.contains("where." + column.name() + ".eq")) {
                    missing.add(collection + " where." + column.name() + ".eq");
                }
            }
            assertThat(parameters).contains("limit", "offset", "sort", "fields", "count");
            registry.pipeline(table).actions().forEach(action -> {
                String path = collection + (action.type() == io.sentro.spring.customize.Action.Type.DETAIL
                        ? "/{key}" : "") + "/_actions/" + action.id();
                expect(paths, path, "post", missing);
                assertThat(paths.path(path).path("post").path("summary").asString()).isEqualTo(action.label());
            });
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void showsDisplayNamesCommentsAndTypes() {
        JsonNode users = json.get("components").get("schemas").get("Users");
        assertThat(users.get("title").asString()).isEqualTo("Blog Authors");
        assertThat(users.get("properties").get("email").get("title").asString()).isEqualTo("Email Address");
        assertThat(users.get("properties").get("email").get("description").asString()).isEqualTo("Login e-mail address");
        assertThat(users.get("properties").get("fullName").get("readOnly").asBoolean()).isTrue();
        assertThat(users.get("properties").get("id").get("readOnly").asBoolean()).isTrue();
        JsonNode posts = json.get("components").get("schemas").get("Posts").get("properties");
        assertThat(posts.get("status").get("enum").values()).extracting(JsonNode::asString)
                .containsExactly("draft", "published", "archived");
        assertThat(posts.get("title").get("maxLength").asInt()).isEqualTo(200);
        assertThat(posts.get("created_at").get("format").asString()).isEqualTo("date-time");
        JsonNode postsInput = json.get("components").get("schemas").get("PostsInput");
        assertThat(postsInput.get("required").values()).extracting(JsonNode::asString).contains("user_id", "title");
        assertThat(json.get("tags").values()).extracting(tag -> tag.get("name").asString()).contains("Blog Posts",
                "Product Catalog", "Event Registrations");
        assertThat(json.get("paths").get("/api/posts").get("get").get("operationId").asString()).isEqualTo("listPosts");
    }

    /**
     * The blog's relations (users <- posts.user_id <- comments.post_id) are optional properties of the row schemas,
     * never of the bodies, and the reads of a table with relations take embed.
     */
    @Test
    void describesRelationsAsOptionalRowPropertiesAndEmbed() {
        JsonNode schemas = json.at("/components/schemas");
        JsonNode user = schemas.at("/Posts/properties/user");
        assertThat(user.at("/oneOf/0/$ref").asString()).isEqualTo("#/components/schemas/Users");
        assertThat(user.at("/oneOf/1/type").asString()).isEqualTo("null");
        assertThat(user.at("/description").asString())
                .isEqualTo("many-to-one through posts.user_id; present when embedded with embed=user");
        JsonNode comments = schemas.at("/Posts/properties/comments");
        assertThat(comments.at("/type").asString()).isEqualTo("array");
        assertThat(comments.at("/items/$ref").asString()).isEqualTo("#/components/schemas/Comments");
        assertThat(comments.at("/description").asString())
                .isEqualTo("one-to-many through comments.post_id; present when embedded with embed=comments");
        assertThat(schemas.at("/Users/properties/posts/items/$ref").asString()).isEqualTo("#/components/schemas/Posts");
        assertThat(schemas.at("/Comments/properties/post/oneOf/0/$ref").asString())
                .isEqualTo("#/components/schemas/Posts");
        for (String row : List.of("Posts", "Users", "Comments")) {
            assertThat(schemas.at("/" + row + "/required").values()).extracting(JsonNode::asString)
                    .doesNotContain("user", "comments", "posts", "post");
        }
        for (String body : List.of("PostsInput", "PostsPatch", "UsersInput", "UsersPatch", "CommentsInput",
                "CommentsPatch")) {
            assertThat(schemas.at("/" + body + "/properties").propertyNames()).as(body)
                    .doesNotContain("user", "comments", "posts", "post");
        }

        // The create body takes related rows inline (a nested insert): the user's key is no longer required.
        JsonNode postsNew = schemas.at("/PostsNew");
        assertThat(postsNew.at("/required").values()).extracting(JsonNode::asString).contains("title")
                .doesNotContain("user_id");
        assertThat(postsNew.at("/properties/user/$ref").asString()).isEqualTo("#/components/schemas/UsersNew");
        assertThat(postsNew.at("/properties/comments/items/$ref").asString())
                .isEqualTo("#/components/schemas/CommentsNew");
        assertThat(postsNew.at("/properties/comments/description").asString()).contains("comments.post_id");
        assertThat(json.at("/paths/~1api~1posts/post/requestBody/content/application~1json/schema/$ref").asString())
                .isEqualTo("#/components/schemas/PostsNew");

        JsonNode list = json.at("/paths/~1api~1posts/get");
        // Exports: the format parameter, and the answer in each format.
        assertThat(parameter(list, "format").at("/schema/enum").values()).extracting(JsonNode::asString)
                .containsExactly("json", "ndjson", "csv");
        assertThat(list.at("/responses/200/content").propertyNames()).containsExactly("application/json",
                "application/x-ndjson", "text/csv");
        JsonNode embed = parameter(list, "embed");
        assertThat(embed.at("/in").asString()).isEqualTo("query");
        assertThat(embed.at("/required").asBoolean()).isFalse();
        assertThat(embed.at("/schema/type").asString()).isEqualTo("string");
        assertThat(embed.at("/description").asString()).contains("user (an object or null, from users)",
                "comments (an array of comments)", "comments.fields", "comments.limit");
        assertThat(parameter(json.at("/paths/~1api~1posts~1{key}/get"), "embed").at("/schema/type").asString())
                .isEqualTo("string");
        assertThat(list.at("/description").asString()).contains("Relations: user, comments.",
                "<relation>.fields", "<relation>.sort", "<relation>.limit", "<relation>.where.<column>.<operator>",
                "where.<relation>.<column>.<operator>");

        // Tables without relations take no embed.
        ApiGeneration served = context.getBean(ApiGenerations.class).current();
        SchemaModel model = served.model();
        Relations relations = served.component(Relations.class);
        for (Table table : model.tables()) {
            JsonNode tableList = json.at("/paths/~1api~1" + table.name() + "/get");
            assertThat(parameter(tableList, "embed").isMissingNode()).as(table.name())
                    .isEqualTo(relations.forTable(table.name()).isEmpty());
        }
        assertThat(relations.forTable("published_posts")).isEmpty();

        // Keyset pages: every page says where the next one starts; tables with a primary key take a cursor.
        assertThat(schemas.at("/PostsPage/required").values()).extracting(JsonNode::asString).contains("next");
        assertThat(schemas.at("/PostsPage/properties/next/type").values()).extracting(JsonNode::asString)
                .containsExactlyInAnyOrder("string", "null");
        assertThat(parameter(list, "after").at("/schema/type").asString()).isEqualTo("string");
        assertThat(parameter(json.at("/paths/~1api~1published_posts/get"), "after").isMissingNode()).isTrue();

        // Aggregates: group by columns, agg names the functions and the numeric columns.
        assertThat(parameter(list, "group").toString()).contains("status", "user_id");
        assertThat(parameter(list, "agg").at("/description").asString()).contains("sum:<column>",
                "having.<key>.<operator>", "views");
    }

    private static JsonNode parameter(JsonNode operation, String name) {
        for (JsonNode parameter : operation.path("parameters").values()) {
            if (parameter.path("name").asString().equals(name)) {
                return parameter;
            }
        }
        return tools.jackson.databind.node.MissingNode.getInstance();
    }

    private static void expect(JsonNode paths, String path, String method, List<String> missing) {
        if (paths.path(path).path(method).isMissingNode()) {
            missing.add(method.toUpperCase() + " " + path);
        }
    }
}
