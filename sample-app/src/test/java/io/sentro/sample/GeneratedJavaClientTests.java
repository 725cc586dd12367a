package io.sentro.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real client from the document: openapi-generator (its CLI, from Maven Central) generates a Java client from the
 * sample app's {@code /v3/api-docs}; a small program written against that client's API is compiled with it and run
 * against the sample app, in a class loader of its own: list, get, create, update, delete and an action.
 */
class GeneratedJavaClientTests {

    private static final Path TOOLS = Path.of("target", "java-client-tools").toAbsolutePath();
    private static final Path WORK = Path.of("target", "java-client").toAbsolutePath();

    /** Uses the generated client as a developer would; returns a line per call. */
    private static final String DRIVER = """
            package check;

            import java.util.Map;
            import io.sentro.client.ApiClient;
            import io.sentro.client.ApiException;
            import io.sentro.client.api.BlogPostsApi;
            import io.sentro.client.api.CommentsApi;
            import io.sentro.client.model.Comments;
            import io.sentro.client.model.Posts;
            import io.sentro.client.model.PostsBulk;
            import io.sentro.client.model.PostsPage;
            import io.sentro.client.model.PostsNew;
            import io.sentro.client.model.PostsPatch;
            import io.sentro.client.model.CommentsNew;
            import io.sentro.client.model.UsersNew;
            import io.sentro.client.model.Users;
            import io.sentro.client.api.BlogAuthorsApi;

            public class Driver {
                public static String run(String baseUri) throws Exception {
                    ApiClient client = new ApiClient();
                    client.updateBaseUri(baseUri);
                    client.setRequestInterceptor(request -> request.header("X-API-Key", "admin-demo-key"));
                    BlogPostsApi posts = new BlogPostsApi(client);
                    StringBuilder report = new StringBuilder();

                    PostsPage page = posts.listPosts(BlogPostsApi.APIListPostsRequest.newBuilder()
                            .limit(5).sort(java.util.List.of("-id")).whereViewsGte(100).build());
                    report.append("list ").append(page.getRows().get(0).getId()).append(' ').append(page.getTotal())
                            .append('\\n');

                    Posts first = posts.getPosts(1L, null, null, null);
                    report.append("get ").append(first.getTitle()).append('\\n');
                    // Relations are typed properties of the row, absent unless embedded.
                    Users author = first.getUser();
                    java.util.List<Comments> comments = first.getComments();
                    report.append("relations ").append(author == null).append(' ')
                            .append(comments == null || comments.isEmpty()).append('\\n');

                    PostsNew input = new PostsNew();
                    input.setUserId(1L);
                    input.setTitle("From the Java Client");
                    Posts created = posts.createPosts(BlogPostsApi.APICreatePostsRequest.newBuilder()
                            .postsNew(input).prefer("return=representation").build());
                    report.append("create ").append(created.getId() != null).append(' ').append(created.getSlug())
                            .append('\\n');

                    PostsPatch patch = new PostsPatch();
                    patch.setContent("Written through the generated client");
                    // Optimistic concurrency: the ETag of a GET, sent back as If-Match.
                    String etag = posts.getPostsWithHttpInfo(created.getId(), null, null, null).getHeaders()
                            .entrySet().stream().filter(header -> header.getKey().equalsIgnoreCase("ETag"))
                            .findFirst().orElseThrow().getValue().get(0);
                    Posts updated = posts.updatePosts(created.getId(), patch, null, etag);
                    report.append("update ").append(updated.getContent()).append('\\n');

                    PostsPatch views = new PostsPatch();
                    views.setViews(3);
                    PostsBulk bulk = posts.updatePostsMatching(BlogPostsApi.APIUpdatePostsMatchingRequest
                            .newBuilder().whereIdEq(created.getId()).postsPatch(views).build());
                    report.append("bulk ").append(bulk.getCount()).append(' ')
                            .append(bulk.getRows().get(0).getViews()).append('\\n');

                    try {
                        posts.deletePosts(created.getId(), etag);
                        report.append("stale etag deleted\\n");
                    }
                    catch (ApiException ex) {
                        report.append("stale etag ").append(ex.getCode()).append('\\n');
                    }
                    posts.deletePosts(created.getId(), null);
                    try {
                        posts.getPosts(created.getId(), null, null, null);
                        report.append("delete failed\\n");
                    }
                    catch (ApiException ex) {
                        report.append("delete ").append(ex.getCode()).append('\\n');
                    }

                    // An upsert on the users' unique e-mail: the existing row is merged.
                    UsersNew ada = new UsersNew();
                    ada.setEmail("ada@example.com");
                    ada.setFirstName("Augusta Ada");
                    ada.setLastName("King");
                    Users merged = new BlogAuthorsApi(client).createUsers(BlogAuthorsApi.APICreateUsersRequest
                            .newBuilder().usersNew(ada).prefer("resolution=merge-duplicates")
                            .onConflict(java.util.List.of("email")).build());
                    report.append("upsert ").append(merged.getId()).append(' ').append(merged.getFirstName())
                            .append('\\n');

                    // A nested insert: a post with its comments, their post_id filled in, in one transaction.
                    PostsNew withComments = new PostsNew();
                    withComments.setUserId(2L);
                    withComments.setTitle("Nested from Java");
                    CommentsNew comment = new CommentsNew();
                    comment.setAuthorName("Grace");
                    comment.setText("First!");
                    withComments.setComments(java.util.List.of(comment));
                    Posts nested = posts.createPosts(BlogPostsApi.APICreatePostsRequest.newBuilder()
                            .postsNew(withComments).build());
                    report.append("nested ").append(nested.getComments().size()).append(' ')
                            .append(nested.getComments().get(0).getPostId().equals(nested.getId())).append('\\n');

                    Map<?, ?> approved = (Map<?, ?>) new CommentsApi(client).approveCommentComments(1L, Map.of());
                    report.append("action ").append(approved.get("message")).append('\\n');
                    return report.toString();
                }
            }
            """;

    @Test
    void aGeneratedClientRoundTripsCrudAndAnAction() throws Exception {
        try (ConfigurableApplicationContext context = SpringApplication.run(SampleApplication.class, "--server.port=0",
                "--spring.main.banner-mode=off")) {
            String baseUri = "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
            Files.createDirectories(WORK);
            Path document = WORK.resolve("api-docs.json");
            Files.writeString(document, HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(baseUri + "/v3/api-docs")).build(), HttpResponse.BodyHandlers.ofString()).body());

            Path sources = WORK.resolve("generated");
            generate(document, sources);
            Path classes = compile(sources);
            try (URLClassLoader loader = new URLClassLoader(classPath(classes), ClassLoader.getPlatformClassLoader())) {
                Method run = loader.loadClass("check.Driver").getMethod("run", String.class);
                String report = (String) run.invoke(null, baseUri);
                assertThat(report.lines()).containsExactly("list 2 2", "get Hello, world", "relations true true",
                        "create true from-the-java-client", "update Written through the generated client", "bulk 1 3",
                        "stale etag 412",
                        "delete 404", "upsert 1 Augusta Ada", "nested 1 true", "action Comment approved");
            }
        }
    }

    private static void generate(Path document, Path output) throws Exception {
        // A fresh directory: files of an earlier document's operations would otherwise be compiled too.
        if (Files.exists(output)) {
            try (Stream<Path> files = Files.walk(output)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-jar", TOOLS.resolve("openapi-generator-cli.jar").toString(),
                "generate", "-g", "java", "--library", "native", "-i", document.toString(), "-o", output.toString(),
                "--additional-properties=invokerPackage=io.sentro.client,apiPackage=io.sentro.client.api,"
                        + "modelPackage=io.sentro.client.model,useJakartaEe=true,openApiNullable=false,"
                        + "dateLibrary=java8,hideGenerationTimestamp=true,useSingleRequestParameter=true")
                .redirectErrorStream(true).start();
        String log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(log).isZero();
    }

    private static Path compile(Path generated) throws IOException {
        Path driver = WORK.resolve("driver/check/Driver.java");
        Files.createDirectories(driver.getParent());
        Files.writeString(driver, DRIVER);
        List<Path> files = new ArrayList<>();
        files.add(driver);
        try (Stream<Path> walk = Files.walk(generated.resolve("src/main/java"))) {
            walk.filter(path -> path.toString().endsWith(".java")).forEach(files::add);
        }
        Path classes = WORK.resolve("classes");
        Files.createDirectories(classes);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        assertThat(compiler).as("a JDK's compiler").isNotNull();
        List<String> options = List.of("-d", classes.toString(), "-classpath", String.join(java.io.File.pathSeparator,
                libraries().stream().map(Path::toString).toList()), "-nowarn", "-proc:none");
        StringBuilderWriter diagnostics = new StringBuilderWriter();
        try (StandardJavaFileManager files2 = compiler.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            boolean compiled = compiler.getTask(diagnostics, files2, null, options, null,
                    files2.getJavaFileObjectsFromPaths(files)).call();
            assertThat(compiled).as(diagnostics.toString()).isTrue();
        }
        return classes;
    }

    private static List<Path> libraries() throws IOException {
        try (Stream<Path> jars = Files.list(TOOLS)) {
            return jars.filter(jar -> !jar.getFileName().toString().startsWith("openapi-generator-cli")).toList();
        }
    }

    private static URL[] classPath(Path classes) throws IOException {
        List<URL> urls = new ArrayList<>();
        urls.add(classes.toUri().toURL());
        for (Path jar : libraries()) {
            urls.add(jar.toUri().toURL());
        }
        return urls.toArray(URL[]::new);
    }

    /** Collects compiler messages for the failure report. */
    private static final class StringBuilderWriter extends java.io.Writer {

        private final StringBuilder text = new StringBuilder();

        @Override
        public void write(char[] buffer, int offset, int length) {
            text.append(buffer, offset, length);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }

    static {
        if (!Files.isDirectory(TOOLS)) {
            throw new UncheckedIOException(new IOException("Missing " + TOOLS + ": run the tests through Maven, which "
                    + "copies openapi-generator there (generate-test-resources)"));
        }
    }
}
