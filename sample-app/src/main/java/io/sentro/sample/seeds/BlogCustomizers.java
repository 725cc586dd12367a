package io.sentro.sample.seeds;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.sentro.spring.customize.Action;
import io.sentro.spring.customize.ActionResult;
import io.sentro.spring.customize.ModelCustomizer;
import io.sentro.spring.customize.Operation;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Seed example 1, the blog: authors with hashed passwords that are never returned, posts with slugs and a Markdown
 * export, comments held for moderation when they look like spam.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(SeedExamplesCondition.class)
class BlogCustomizers {

    private static final List<String> SPAM_WORDS = List.of("viagra", "casino", "lottery");

    private final BCryptPasswordEncoder passwords = new BCryptPasswordEncoder(10);

    @Bean
    ModelCustomizer users() {
        var c = new ModelCustomizer("users");
        c.rename("Blog Authors");
        c.renameColumn("email", "Email Address");
        c.renameColumn("created_at", "Joined Date");
        c.addDisplayField("fullName", user -> Stream.of(user.get("first_name"), user.get("last_name"))
                .filter(Objects::nonNull).map(String::valueOf).collect(Collectors.joining(" ")));
        c.onBefore(Operation.CREATE, (payload, ctx) -> {
            if (payload.get("password") instanceof String password) {
                payload.put("password", passwords.encode(password));
            }
            return payload;
        });
        c.onBefore(Operation.UPDATE, (payload, ctx) -> {
            if (payload.patch().get("password") instanceof String password) {
                payload.patch().put("password", passwords.encode(password));
            }
            return payload;
        });
        // Every read and every written row comes back without the hash.
        for (Operation operation : List.of(Operation.READ, Operation.CREATE, Operation.UPDATE)) {
            c.onAfter(operation, (result, ctx) -> {
                result.rows().forEach(user -> user.remove("password"));
                return result;
            });
        }
        return c;
    }

    @Bean
    ModelCustomizer posts() {
        var c = new ModelCustomizer("posts");
        c.rename("Blog Posts");
        c.renameColumn("created_at", "Published Date");
        // Text gets its slug; any other value (null, or what another hook put) is written as given, and the API
        // refuses it naming 'title'.
        c.replaceFieldWriting("title", value -> {
            Map<String, Object> written = new HashMap<>();
            written.put("title", value);
            if (value instanceof String title) {
                written.put("slug", slugify(title));
            }
            return written;
        });
        c.onBefore(Operation.CREATE, (payload, ctx) -> {
            payload.put("created_at", Instant.now());
            payload.put("updated_at", Instant.now());
            return payload;
        });
        c.onBefore(Operation.UPDATE, (payload, ctx) -> {
            payload.patch().put("updated_at", Instant.now());
            return payload;
        });
        c.addAction(Action.table("export-markdown", "Export to Markdown", (request, records, db) -> {
            String markdown = records.stream()
                    .map(post -> "# " + Objects.toString(post.get("title"), "") + "\n\n"
                            + Objects.toString(post.get("content"), "") + "\n\n---\n")
                    .collect(Collectors.joining("\n"));
            return ActionResult.file("blog-posts.md", markdown);
        }));
        c.addAction(Action.detail("publish", "Publish", (request, post, db) -> {
            if ("published".equals(post.get("status"))) {
                return ActionResult.failure("Post " + post.get("id") + " is already published");
            }
            db.update("posts", Map.of("status", "published", "updated_at", Instant.now()), Map.of("id", post.get("id")));
            return ActionResult.success("Published").with("post", db.getSingle("posts", Map.of("id", post.get("id"))));
        }));
        return c;
    }

    @Bean
    ModelCustomizer comments() {
        var c = new ModelCustomizer("comments");
        c.rename("Comments");
        c.onBefore(Operation.CREATE, (payload, ctx) -> {
            // No text (the API then answers 400 naming it) is no spam.
            boolean spam = payload.get("text") instanceof String text
                    && SPAM_WORDS.stream().anyMatch(text.toLowerCase(Locale.ROOT)::contains);
            payload.put("status", spam ? "pending" : "approved");
            payload.put("created_at", Instant.now());
            return payload;
        });
        c.addAction(Action.detail("approve-comment", "Approve Comment", (request, record, db) -> {
            db.update("comments", Map.of("status", "approved"), Map.of("id", record.get("id")));
            return ActionResult.success("Comment approved");
        }));
        return c;
    }

    static String slugify(String title) {
        return title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    }
}
