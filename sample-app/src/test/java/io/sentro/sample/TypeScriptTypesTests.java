package io.sentro.sample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /api/_types.ts} compiles under the real TypeScript compiler with {@code --strict}, and its types mean
 * something: a create body without a required column does not compile. Skipped, saying so, where Node.js is absent.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TypeScriptTypesTests {

    private static final Path WORK = Path.of("target", "typescript-check").toAbsolutePath();

    private ConfigurableApplicationContext context;
    private String types;

    @BeforeAll
    void start() throws Exception {
        Files.createDirectories(WORK);
        Path written = WORK.resolve("written-at-start-up.ts");
        Files.deleteIfExists(written);
        context = SpringApplication.run(SampleApplication.class, "--server.port=0", "--spring.main.banner-mode=off",
                "--sentro.types.output=" + written);
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/_types.ts")).header("X-API-Key", "admin-demo-key").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/typescript"));
        types = response.body();
    }

    @AfterAll
    void stop() {
        context.close();
    }

    @Test
    void writesTheSameDeclarationsAtStartUp() throws IOException {
        assertThat(Files.readString(WORK.resolve("written-at-start-up.ts"))).isEqualTo(types);
        assertThat(types).contains("export interface Posts {", "export interface PostsInput {",
                "export type PostsPatch = Partial<PostsInput>;", "status?: 'draft' | 'published' | 'archived';",
                "readonly id: number;", "readonly fullName: JsonValue;");
        // Relations: optional, an object or null for a many-to-one, an array for a one-to-many; rows only.
        assertThat(interfaceOf("Posts")).contains("  user?: Users | null;\n", "  comments?: Comments[];\n",
                "/** many-to-one through posts.user_id; present when embedded with embed=user. */");
        assertThat(interfaceOf("Users")).contains("  posts?: Posts[];\n");
        assertThat(interfaceOf("Comments")).contains("  post?: Posts | null;\n");
        assertThat(interfaceOf("PostsInput")).doesNotContain("user?", "comments?");
        // The body of a nested insert: related rows inline, the key they fill optional.
        assertThat(types).contains("export interface PostsNew extends Omit<PostsInput, 'user_id'> {\n");
        assertThat(interfaceOf("PostsNew")).contains("  user_id?: number;\n", "  user?: UsersNew;\n",
                "  comments?: CommentsNew[];\n");
    }

    @Test
    void compilesUnderStrictTypeScript() throws Exception {
        Path tsc = typeScriptCompiler();
        Files.writeString(WORK.resolve("api-types.ts"), types);
        Files.writeString(WORK.resolve("usage.ts"), """
                import type { Posts, PostsInput, PostsNew, PostsPatch, Page, Problem, Users } from './api-types';
                const input: PostsInput = { user_id: 1, title: 'Hello' };
                const nested: PostsNew = { title: 'Hello', user: { email: 'a@b.c', first_name: 'A', last_name: 'B' },
                        comments: [{ author_name: 'Grace', text: 'First!' }] };
                const patch: PostsPatch = { status: 'published' };
                const page: Page<Posts> = { rows: [], total: null, totalIsEstimate: false, limit: 20, offset: 0,
                        next: null };
                const problem: Problem = { type: 'urn:x', title: 't', status: 400, detail: 'd' };
                function fullName(user: Users): string { return String(user.fullName) + user.email; }
                function authorEmail(post: Posts): string | undefined { return post.user?.email; }
                function commentTexts(post: Posts): string[] { return (post.comments ?? []).map(c => c.text); }
                function postTitles(user: Users): string[] { return (user.posts ?? []).map(p => p.title); }
                export { input, nested, patch, page, problem, fullName, authorEmail, commentTexts, postTitles };
                """);
        Result ok = run(tsc.toString(), "--noEmit", "--strict", "api-types.ts", "usage.ts");
        assertThat(ok.exitCode()).as(ok.output()).isZero();

        Files.writeString(WORK.resolve("misuse.ts"), """
                import type { Posts, PostsInput } from './api-types';
                const missingUser: PostsInput = { title: 'no author' };
                const wrongStatus: PostsInput = { user_id: 1, title: 't', status: 'deleted' };
                const embedInBody: PostsInput = { user_id: 1, title: 't', comments: [] };
                function unchecked(post: Posts): string { return post.user.email; }
                export { missingUser, wrongStatus, embedInBody, unchecked };
                """);
        Result misuse = run(tsc.toString(), "--noEmit", "--strict", "api-types.ts", "misuse.ts");
        assertThat(misuse.exitCode()).isNotZero();
        assertThat(misuse.output()).contains("user_id").contains("deleted")
                .contains("'comments' does not exist in type 'PostsInput'").contains("'post.user' is possibly");
    }

    /** The declaration of one interface, from its first line to its closing brace. */
    private String interfaceOf(String name) {
        String start = "export interface " + name + " ";
        int from = types.indexOf(start);
        assertThat(from).as(start).isNotNegative();
        return types.substring(from, types.indexOf("\n}\n", from) + 3);
    }

    /** The TypeScript compiler from the npm registry, installed once under target/. */
    private static Path typeScriptCompiler() throws Exception {
        Path tsc = WORK.resolve("node_modules/.bin/tsc");
        if (Files.isExecutable(tsc)) {
            return tsc;
        }
        Result npm;
        try {
            npm = run("npm", "install", "--no-audit", "--no-fund", "--silent", "typescript@5");
        }
        catch (IOException ex) {
            Assumptions.abort("TypeScript check skipped: Node.js/npm is not installed (" + ex.getMessage() + ")");
            return tsc;
        }
        assertThat(npm.exitCode()).as("npm install typescript: " + npm.output()).isZero();
        return tsc;
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(String... command) throws Exception {
        List<String> line = new ArrayList<>(List.of(command));
        Process process = new ProcessBuilder(line).directory(WORK.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(300, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }
}
