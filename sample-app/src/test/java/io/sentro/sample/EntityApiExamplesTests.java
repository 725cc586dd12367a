package io.sentro.sample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.sql.DataSource;

import io.sentro.sample.entities.BlogEditor;
import io.sentro.sample.entities.CommentSubmissions.CommentSubmitted;
import io.sentro.sample.entities.PendingCommentsDigest;
import io.sentro.spring.error.ErrorCode;
import io.sentro.spring.error.SentroException;
import io.sentro.spring.security.ApiKeyAuthentication;
import io.sentro.spring.security.SentroCredentials;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * docs/entity-api.md's examples, run: every Java block of the page is code of the sample (so it compiles), and the
 * sample's three uses of the entity API do what the page says, on the sample's own database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EntityApiExamplesTests {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);

    private ConfigurableApplicationContext context;
    private JdbcTemplate jdbc;
    private String origin;

    @BeforeAll
    void start() {
        // Comments are the administrators' to change here, not the members': a member's "publish with comments"
        // fails at its second write.
        context = SpringApplication.run(SampleApplication.class, "--server.port=0", "--spring.main.banner-mode=off",
                "--sentro.security.access.tables.comments.update=ADMIN");
        jdbc = new JdbcTemplate(context.getBean(DataSource.class));
        origin = "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    @AfterAll
    void stop() {
        context.close();
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void everyJavaBlockOfThePageIsCodeOfTheSample() throws IOException {
        String page = Files.readString(ROOT.resolve("docs/entity-api.md"));
        StringBuilder sources = new StringBuilder();
        try (Stream<Path> files = Files.walk(ROOT.resolve("sample-app/src/main/java/io/sentro/sample/entities"))) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                sources.append(normalized(Files.readString(file)));
            }
        }
        List<String> examples = new ArrayList<>();
        Matcher blocks = JAVA_BLOCK.matcher(page);
        while (blocks.find()) {
            String block = blocks.group(1);
            // The page's first blocks are fragments (a reference of calls); the sample's uses are whole methods.
            if (block.contains("public ")) {
                examples.add(block);
            }
        }
        assertThat(examples).hasSize(3);
        for (String example : examples) {
            assertThat(sources.toString()).as("docs/entity-api.md shows code the sample has:\n" + example)
                    .contains(normalized(example));
        }
    }

    @Test
    void theScheduledDigestListsThePendingCommentsInAnEmail() throws Exception {
        int sent = context.getBean(PendingCommentsDigest.class).send();
        assertThat(sent).isEqualTo(jdbc.queryForObject("SELECT count(*) FROM comments WHERE status = 'pending'",
                Integer.class)).isPositive();
        HttpResponse<String> integrations = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(origin + "/sample/integrations")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(integrations.body()).contains("pending-comments").contains("Win the lottery");
    }

    @Test
    void publishingWithCommentsIsOneTransactionAsTheSignedInEditor() {
        long post = jdbc.queryForObject("SELECT post_id FROM comments WHERE status = 'pending' ORDER BY id LIMIT 1",
                Long.class);
        jdbc.update("UPDATE posts SET status = 'draft' WHERE id = ?", post);
        BlogEditor editor = context.getBean(BlogEditor.class);

        // A member may publish posts but not change comments here: the second write is refused, the first undone.
        signIn("acme-demo-key");
        Throwable refused = catchThrowable(() -> editor.publishWithComments(post));
        assertThat(refused).isInstanceOf(SentroException.class);
        assertThat(((SentroException) refused).code()).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(status(post)).isEqualTo("draft");

        // Nobody signed in: the default rule refuses before anything is written.
        SecurityContextHolder.clearContext();
        assertThat(((SentroException) catchThrowable(() -> editor.publishWithComments(post))).code())
                .isEqualTo(ErrorCode.UNAUTHENTICATED);

        signIn("admin-demo-key");
        long approved = editor.publishWithComments(post);
        assertThat(approved).isPositive();
        assertThat(status(post)).isEqualTo("published");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM comments WHERE post_id = ? AND status = 'pending'",
                Long.class, post)).isZero();
    }

    @Test
    void submittedCommentsGoThroughTheModerationHook() {
        context.publishEvent(new CommentSubmitted(2, "Eve", "Queued by a message"));
        context.publishEvent(new CommentSubmitted(2, "Mallory", "A casino bonus, by a message"));
        assertThat(jdbc.queryForObject("SELECT status FROM comments WHERE text = 'Queued by a message'",
                String.class)).isEqualTo("approved");
        assertThat(jdbc.queryForObject("SELECT status FROM comments WHERE text = 'A casino bonus, by a message'",
                String.class)).isEqualTo("pending");
    }

    private String status(long post) {
        return jdbc.queryForObject("SELECT status::text FROM posts WHERE id = ?", String.class, post);
    }

    private void signIn(String key) {
        SecurityContextHolder.getContext().setAuthentication(context.getBean(SentroCredentials.class).apiKeys()
                .authenticate(ApiKeyAuthentication.unauthenticated(key)));
    }

    private static String normalized(String code) {
        return code.replaceAll("\\s+", " ").trim();
    }
}
