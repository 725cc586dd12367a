package io.sentro.spring.it;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import io.sentro.spring.customize.Action;
import io.sentro.spring.customize.ActionResult;
import io.sentro.spring.customize.Integrations;
import io.sentro.spring.customize.ModelCustomizer;
import io.sentro.spring.customize.Operation;
import io.sentro.spring.customize.SentroIntegration;
import io.sentro.spring.error.SentroException;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * A Boot app with customizer beans on the fixture tables, one per capability, the way users write them.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class CustomizedApplication {

    /** How often the title field writer ran. */
    static final AtomicInteger TITLE_WRITES = new AtomicInteger();

    /** The order in which around hooks were entered. */
    static final List<String> AROUND_TRACE = Collections.synchronizedList(new ArrayList<>());

    /** What the committed hooks of labels saw, in the order they ran. */
    static final List<String> COMMITTED = Collections.synchronizedList(new ArrayList<>());

    /** How many times the committed hook ran for each label name. */
    static final java.util.Map<String, Integer> COMMITTED_RUNS = new java.util.concurrent.ConcurrentHashMap<>();

    /** Counts statements and transactions, to check how often each operation hits the database. */
    @Bean
    static BeanPostProcessor connectionLog() {
        return new ConnectionLog();
    }

    /** Authenticates a request by its X-User header, as a security filter would. */
    @Bean
    jakarta.servlet.Filter headerAuthentication() {
        return (request, response, chain) -> {
            String user = ((jakarta.servlet.http.HttpServletRequest) request).getHeader("X-User");
            if (user == null) {
                chain.doFilter(request, response);
                return;
            }
            chain.doFilter(new jakarta.servlet.http.HttpServletRequestWrapper(
                    (jakarta.servlet.http.HttpServletRequest) request) {
                @Override
                public java.security.Principal getUserPrincipal() {
                    return () -> user;
                }
            }, response);
        };
    }

    /** An in-process stand-in for an e-mail service: records what it was asked to send. */
    static class Outbox implements SentroIntegration {

        final List<String> sent = Collections.synchronizedList(new ArrayList<>());
    }

    @Bean
    Outbox outbox() {
        return new Outbox();
    }

    @Bean
    @Order(1)
    ModelCustomizer authors(Integrations integrations) {
        var c = new ModelCustomizer("authors");
        c.rename("Writers");
        c.renameColumn("email", "E-mail Address");
        c.addDisplayField("label", row -> row.get("name") + " <" + row.get("email") + ">");
        c.addDisplayField("initial", row -> String.valueOf(row.get("name")).substring(0, 1));
        c.onAfter(Operation.READ, (result, ctx) -> {
            result.rows().forEach(row -> row.remove("avatar"));
            return result;
        });
        c.onBefore(Operation.UPDATE, (payload, ctx) -> {
            // Bulk writes hand each row's stored values to the hooks; a write by key does not read them.
            if (payload.previous() != null && payload.containsKey("name")) {
                ctx.db().insert("audit_log", Map.of("message", "renamed " + payload.previous().get("name") + " to "
                        + payload.get("name")));
            }
            return payload;
        });
        c.onAfter(Operation.CREATE, (result, ctx) -> {
            Outbox outbox = integrations.using("outbox", Outbox.class);
            Object missing = ctx.integrations().using("stripe");
            if (outbox != null && missing == null) {
                outbox.sent.add("welcome:" + result.rows().get(0).get("email"));
            }
            return result;
        });
        return c;
    }

    @Bean
    @Order(2)
    ModelCustomizer postsSecond() {
        var c = new ModelCustomizer("posts");
        c.onBefore(Operation.CREATE, (payload, ctx) -> {
            payload.put("status", payload.get("status") + "|2");
            return payload;
        });
        c.around(Operation.READ, (next, input) -> {
            AROUND_TRACE.add("inner");
            return next.proceed(input);
        });
        return c;
    }

    @Bean
    @Order(1)
    ModelCustomizer postsFirst() {
        var c = new ModelCustomizer("posts");
        c.rename("Blog Posts");
        c.replaceFieldWriting("title", value -> {
            TITLE_WRITES.incrementAndGet();
            String title = String.valueOf(value);
            String slug = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
            return Map.of("title", title, "slug", slug);
        });
        c.onBefore(Operation.CREATE, (payload, ctx) -> {
            String title = String.valueOf(payload.get("title"));
            if (title.toLowerCase(Locale.ROOT).contains("casino")) {
                throw new SentroException(422, "Spam is not welcome");
            }
            payload.put("status", payload.getOrDefault("status", "draft") + "|1");
            payload.put("views", 1);
            return payload;
        });
        c.onAfter(Operation.CREATE, (result, ctx) -> {
            if ("rollback".equals(result.rows().get(0).get("title"))) {
                throw new SentroException(409, "Rolled back after the insert");
            }
            return result;
        });
        c.onBefore(Operation.UPDATE, (payload, ctx) -> {
            payload.patch().put("status", "edited");
            return payload;
        });
        c.around(Operation.READ, (next, input) -> {
            AROUND_TRACE.add("outer");
            var result = next.proceed(input);
            result.rows().forEach(row -> row.put("wrapped", true));
            return result;
        });
        c.addAction(Action.table("export-markdown", "Export to Markdown", (request, records, db) -> {
            String markdown = records.stream().map(post -> "# " + post.get("title") + "\n")
                    .collect(Collectors.joining("\n"));
            return ActionResult.file("posts.md", markdown);
        }));
        c.addAction(Action.detail("publish", "Publish", (request, record, db) -> {
            if ("published".equals(record.get("status"))) {
                return ActionResult.failure("Post " + record.get("id") + " is already published");
            }
            int views = request.body().get("views") instanceof Number number ? number.intValue() : 0;
            db.update("posts", Map.of("status", "published", "views", db.raw("views + " + views)),
                    Map.of("id", record.get("id")));
            return ActionResult.success("Published").with("post", db.getSingle("posts", Map.of("id", record.get("id"))));
        }));
        return c;
    }

    @Bean
    ModelCustomizer labels() {
        var c = new ModelCustomizer("labels");
        c.renameRelation("posts", "tagged_posts");
        c.onBefore(Operation.READ, (payload, ctx) -> {
            if (payload.query() != null) {
                payload.query().where("name", "neq", "sql");
            }
            return payload;
        });
        c.onBefore(Operation.CREATE, (payload, ctx) -> {
            ctx.db().insert("audit_log", Map.of("message", "label " + payload.get("name")));
            ctx.principal().ifPresent(user -> payload.put("name", payload.get("name") + "@" + user.getName()));
            ctx.request().map(request -> request.getHeader("X-Tag")).ifPresent(tag -> payload.put("name",
                    payload.get("name") + "#" + tag));
            if ("boom".equals(payload.get("name"))) {
                throw new SentroException(400, "boom refused");
            }
            return payload;
        });
        // After commit only: "rolled-back" fails its after hook, which rolls its request's rows back; a "flaky" label's
        // committed hook fails its first run and is run again.
        c.onAfter(Operation.CREATE, (result, ctx) -> {
            if (result.rows().stream().anyMatch(row -> "rolled-back".equals(row.get("name")))) {
                throw new SentroException(409, "rolled back after the write");
            }
            return result;
        });
        c.onCommitted(Operation.CREATE, committed -> {
            String name = String.valueOf(committed.rows().get(0).get("name"));
            if (COMMITTED_RUNS.merge(name, 1, Integer::sum) == 1 && name.startsWith("flaky")) {
                throw new IllegalStateException("the first run of a flaky hook fails");
            }
            COMMITTED.add("CREATE " + name + (committed.table().equals("labels") ? "" : " in " + committed.table()));
        });
        c.onCommitted(Operation.DELETE, committed -> COMMITTED.add("DELETE " + committed.rows().get(0).get("name")));
        c.addAction(Action.table("names", "Names", (request, records, db) -> ActionResult.success(records.stream()
                .map(row -> String.valueOf(row.get("name"))).collect(Collectors.joining(",")))));
        c.addAction(Action.table("purge-log", "Purge the log", (request, records, db) -> {
            int purged = db.delete("audit_log", Map.of("message", request.param("message")));
            return ActionResult.success("purged").with("purged", purged)
                    .with("left", db.get("audit_log", Map.of()).size());
        }));
        c.addAction(Action.table("fail-after-write", "Fails after writing", (request, records, db) -> {
            db.insert("audit_log", Map.of("message", "written by a failing action"));
            return ActionResult.failure("Nothing to do");
        }));
        c.onBefore(Operation.DELETE, (payload, ctx) -> {
            if (Long.valueOf(1).equals(((Number) payload.key().get("id")).longValue())) {
                throw new ResponseStatusException(HttpStatus.FORBIDDEN, "The java label stays");
            }
            return payload;
        });
        return c;
    }

    @Bean
    ModelCustomizer postLabels() {
        var c = new ModelCustomizer("post_labels");
        c.onAfter(Operation.CREATE, (result, ctx) -> {
            Object postId = result.rows().get(0).get("post_id");
            ctx.db().update("posts", Map.of("views", ctx.db().raw("views + 1")), Map.of("id", postId));
            return result;
        });
        return c;
    }
}
