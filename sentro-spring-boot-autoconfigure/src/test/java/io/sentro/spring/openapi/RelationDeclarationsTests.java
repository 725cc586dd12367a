package io.sentro.spring.openapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.sentro.spring.customize.Operation;
import io.sentro.spring.pipeline.CustomizerRegistry;
import io.sentro.spring.schema.Column;
import io.sentro.spring.schema.ColumnType;
import io.sentro.spring.schema.ForeignKey;
import io.sentro.spring.schema.Relations;
import io.sentro.spring.schema.SchemaModel;
import io.sentro.spring.schema.Table;
import io.sentro.spring.schema.TypeKind;
import io.sentro.spring.security.AccessPolicy;
import io.sentro.spring.security.AccessDefaults;
import io.sentro.spring.security.AccessRule;
import io.sentro.spring.security.ApiKeyAuthenticationProvider;
import io.sentro.spring.security.SentroCredentials;
import io.sentro.spring.security.TableRules;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import org.junit.jupiter.api.Test;

import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Relations in the OpenAPI document and in the TypeScript declarations: an optional property per relation on the row
 * (object or null for a many-to-one, array for the others), none on the bodies, and {@code embed} on the reads;
 * relations to a table no caller may read, or through a column no caller sees, are left out.
 */
class RelationDeclarationsTests {

    private static Column column(String name) {
        return new Column(name, ColumnType.of("bigint", TypeKind.BIGINT), false, null, false, false, true, null);
    }

    private static Table table(String name, List<String> columns, List<String> primaryKey, ForeignKey... keys) {
        List<Column> list = new ArrayList<>();
        columns.forEach(column -> list.add(column(column)));
        return new Table(name, "app", name, false, list, primaryKey, List.of(), List.of(keys), true, true, true, null);
    }

    private static ForeignKey key(String column, String target) {
        return new ForeignKey("fk_" + column, List.of(column), "app", target, List.of("id"));
    }

    private final SchemaModel model = SchemaModel.of(List.of(
            table("authors", List.of("id", "name"), List.of("id")),
            table("posts", List.of("id", "author_id", "editor_id", "title"), List.of("id"), key("author_id", "authors"),
                    key("editor_id", "authors")),
            table("comments", List.of("id", "post_id", "text"), List.of("id"), key("post_id", "posts")),
            table("labels", List.of("id", "name"), List.of("id")),
            table("post_labels", List.of("post_id", "label_id"), List.of("post_id", "label_id"),
                    key("post_id", "posts"), key("label_id", "labels")),
            table("line-items", List.of("id", "post_id"), List.of("id"), key("post_id", "posts")),
            table("audit_log", List.of("id", "author_id"), List.of("id"), key("author_id", "authors")),
            table("notes", List.of("id", "body"), List.of("id"))));

    private final CustomizerRegistry registry = new CustomizerRegistry(model, List.of());

    /** posts.editor_id is hidden from every caller; nobody may read audit_log. */
    private final AccessPolicy access = new AccessPolicy(model, registry, AccessDefaults.of(AccessRule.AUTHENTICATED), Map.of(
            "posts", new TableRules(Map.of(), Map.of(), List.of("editor_id"), Map.of()),
            "audit_log", new TableRules(Map.of(Operation.READ, "deny-all"), Map.of(), List.of(), Map.of())),
            SecurityContextHolder.getContextHolderStrategy(), "ApiKey");

    private OpenAPI document() {
        OpenAPI openApi = new OpenAPI();
        new SentroOpenApiCustomizer(model, Relations.of(model), registry, "/api", 1000, access,
                new SentroCredentials(new ApiKeyAuthenticationProvider(List.of()), true, false),
                new Info().title("t").version("1")).customise(openApi);
        return openApi;
    }

    private static Schema<?> schema(OpenAPI openApi, String name) {
        return openApi.getComponents().getSchemas().get(name);
    }

    private static List<String> parameters(io.swagger.v3.oas.models.Operation operation) {
        return operation.getParameters().stream().map(Parameter::getName).toList();
    }

    @Test
    void aManyToOneIsAnOptionalObjectOrNull() {
        Schema<?> posts = schema(document(), "Posts");
        Schema<?> author = posts.getProperties().get("author");
        assertThat(author.getOneOf()).hasSize(2);
        assertThat(author.getOneOf().get(0).get$ref()).isEqualTo("#/components/schemas/Authors");
        assertThat(author.getOneOf().get(1).getTypes()).containsExactly("null");
        assertThat(author.getDescription())
                .isEqualTo("many-to-one through posts.author_id; present when embedded with embed=author");
        assertThat(posts.getRequired()).isNull();
    }

    @Test
    void aOneToManyOrManyToManyIsAnOptionalArray() {
        OpenAPI openApi = document();
        Schema<?> comments = schema(openApi, "Posts").getProperties().get("comments");
        assertThat(comments.getTypes()).containsExactly("array");
        assertThat(comments.getItems().get$ref()).isEqualTo("#/components/schemas/Comments");
        assertThat(comments.getDescription())
                .isEqualTo("one-to-many through comments.post_id; present when embedded with embed=comments");
        Schema<?> labels = schema(openApi, "Posts").getProperties().get("labels");
        assertThat(labels.getItems().get$ref()).isEqualTo("#/components/schemas/Labels");
        assertThat(labels.getDescription()).isEqualTo("many-to-many through post_labels (post_labels.post_id, "
                + "post_labels.label_id); present when embedded with embed=labels");
        assertThat(schema(openApi, "Labels").getProperties()).containsKey("posts");
    }

    @Test
    void bodiesHaveNoRelations() {
        OpenAPI openApi = document();
        assertThat(schema(openApi, "PostsInput").getProperties()).containsKeys("author_id", "title")
                .doesNotContainKeys("author", "comments", "labels", "line-items");
        assertThat(schema(openApi, "PostsPatch").getProperties())
                .doesNotContainKeys("author", "comments", "labels", "line-items");
    }

    @Test
    void leavesOutRelationsToUnreadableTablesAndThroughHiddenColumns() {
        OpenAPI openApi = document();
        // authors <- audit_log: nobody may read audit_log; audit_log -> authors stays.
        assertThat(schema(openApi, "Authors").getProperties()).containsKey("posts_by_author_id")
                .doesNotContainKeys("audit_log", "posts_by_editor_id");
        assertThat(schema(openApi, "AuditLog").getProperties()).containsKey("author");
        // posts.editor_id is hidden from everyone: neither side of it is shown.
        assertThat(schema(openApi, "Posts").getProperties()).doesNotContainKeys("editor", "editor_id");
    }

    @Test
    void readsOfTablesWithRelationsTakeEmbed() {
        OpenAPI openApi = document();
        io.swagger.v3.oas.models.Operation list = openApi.getPaths().get("/api/posts").getGet();
        io.swagger.v3.oas.models.Operation get = openApi.getPaths().get("/api/posts/{key}").getGet();
        assertThat(parameters(list)).contains("embed").doesNotContain("comments.limit");
        assertThat(parameters(get)).containsExactly("key", "fields", "embed", "If-None-Match");
        Parameter embed = list.getParameters().stream().filter(p -> p.getName().equals("embed")).findFirst()
                .orElseThrow();
        assertThat(embed.getSchema().getTypes()).containsExactly("string");
        assertThat(embed.getDescription()).contains("author (an object or null, from authors)",
                "comments (an array of comments)", "labels", "line-items", "comments.limit");
        assertThat(list.getDescription()).contains("Relations: author, comments, post_labels, line-items, labels.",
                "<relation>.fields", "<relation>.sort", "<relation>.limit", "<relation>.where.<column>.<operator>",
                "where.<relation>.<column>.<operator>");
        assertThat(parameters(openApi.getPaths().get("/api/notes").getGet())).doesNotContain("embed");
        assertThat(parameters(openApi.getPaths().get("/api/notes/{key}").getGet())).doesNotContain("embed");
        assertThat(openApi.getPaths().get("/api/notes").getGet().getDescription()).doesNotContain("embed");
    }

    @Test
    void typeScriptDeclaresRelationsOfReadableTables() {
        TypeScriptDeclarations types = new TypeScriptDeclarations(model, Relations.of(model), registry,
                access::hiddenFromEveryone);
        String all = types.source();
        assertThat(all).contains("  author?: Authors | null;\n", "  comments?: Comments[];\n",
                "  labels?: Labels[];\n", "  'line-items'?: LineItems[];\n",
                "  /** many-to-one through posts.author_id; present when embedded with embed=author. */\n")
                .doesNotContain("editor?:", "posts_by_editor_id?:");
        String postsInterface = section(all, "export interface Posts {");
        assertThat(postsInterface).contains("author?:", "comments?:");
        assertThat(section(all, "export interface PostsInput {")).doesNotContain("author?", "comments?");

        String withoutComments = types.source(table -> !table.name().equals("comments"));
        assertThat(section(withoutComments, "export interface Posts {")).contains("author?: Authors | null;")
                .doesNotContain("comments?:");
        assertThat(withoutComments).doesNotContain("export interface Comments {");
    }

    private static String section(String source, String start) {
        int from = source.indexOf(start);
        assertThat(from).as(start).isNotNegative();
        return source.substring(from, source.indexOf("\n}\n", from) + 3);
    }
}
