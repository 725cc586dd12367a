package io.sentro.spring.it;

import java.util.List;
import java.util.Map;

import io.sentro.spring.customize.Action;
import io.sentro.spring.customize.ActionResult;
import io.sentro.spring.customize.ModelCustomizer;
import io.sentro.spring.customize.Operation;
import io.sentro.spring.customize.RowScope;
import io.sentro.spring.security.PrincipalAttributes;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * A Boot app whose API is protected: rules in customizers here, the rest in {@link AccessScenarios#properties()}.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class SecuredApplication {

    /** How often a posts hook ran: a refused request runs none. */
    static final java.util.concurrent.atomic.AtomicInteger POSTS_HOOKS = new java.util.concurrent.atomic.AtomicInteger();

    /** The front end of the call the last posts hook ran for. */
    static final java.util.concurrent.atomic.AtomicReference<io.sentro.spring.customize.Origin> LAST_ORIGIN =
            new java.util.concurrent.atomic.AtomicReference<>();

    /** The principal name the last posts hook saw. */
    static final java.util.concurrent.atomic.AtomicReference<String> LAST_PRINCIPAL =
            new java.util.concurrent.atomic.AtomicReference<>();

    /** Statements and transactions are counted ({@link ConnectionLog}), which changes nothing they do. */
    @Bean
    static org.springframework.beans.factory.config.BeanPostProcessor connectionLog() {
        return new ConnectionLog();
    }

    /** Change events delivered after their transaction committed (when a scenario enables events). */
    static final List<io.sentro.spring.events.ChangeEvent> COMMITTED = java.util.Collections
            .synchronizedList(new java.util.ArrayList<>());

    @Bean
    CommittedEvents committedEvents() {
        return new CommittedEvents();
    }

    static class CommittedEvents {

        @org.springframework.transaction.event.TransactionalEventListener
        void afterCommit(io.sentro.spring.events.ChangeEvent event) {
            COMMITTED.add(event);
        }
    }

    @Bean
    ModelCustomizer securedPosts() {
        var posts = new ModelCustomizer("posts");
        posts.allow(Operation.CREATE, "EDITOR", "ADMIN");
        posts.allow(Operation.UPDATE, "EDITOR", "ADMIN");
        // A field writer: a post's slug follows its title.
        posts.replaceFieldWriting("title", title -> title instanceof String text
                ? Map.of("title", text, "slug", text.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-"))
                : java.util.Collections.singletonMap("title", title));
        for (Operation operation : Operation.values()) {
            posts.onBefore(operation, (payload, context) -> {
                POSTS_HOOKS.incrementAndGet();
                LAST_ORIGIN.set(context.origin());
                LAST_PRINCIPAL.set(context.principal().map(java.security.Principal::getName).orElse("(none)"));
                return payload;
            });
        }
        posts.addAction(Action.detail("publish", "Publish", (request, post, db) -> {
            db.update("posts", Map.of("status", "published"), Map.of("id", post.get("id")));
            return ActionResult.success("Published");
        }));
        posts.addAction(Action.table("archive", "Archive", (request, selected, db) -> {
            selected.forEach(post -> db.update("posts", Map.of("status", "archived"), Map.of("id", post.get("id"))));
            return ActionResult.success("Archived " + selected.size());
        }));
        posts.addAction(Action.table("titles", "Titles", (request, selected, db) -> ActionResult.success(
                String.join(", ", selected.stream().map(post -> String.valueOf(post.get("title"))).toList()))));
        return posts;
    }

    @Bean
    ModelCustomizer securedAuthors(@Value("${test.scope-authors:false}") boolean scopeAuthors) {
        var authors = new ModelCustomizer("authors");
        authors.hideColumnsExceptFor(List.of("ADMIN"), "profile");
        // The programmatic row scope, active when the scenarios ask for it: an author sees their own row, an
        // administrator every row.
        if (scopeAuthors) {
            authors.scopeRows("id", caller -> caller.getAuthorities().stream()
                    .anyMatch(authority -> authority.getAuthority().equals("ROLE_ADMIN")) ? RowScope.ALL_ROWS
                            : PrincipalAttributes.of(caller).get("author"));
        }
        return authors;
    }

    /** The OpenAPI document is open, as an application would serve it to its clients. */
    @Bean
    SecurityFilterChain openApiDocument(HttpSecurity http) throws Exception {
        return http.securityMatcher("/v3/api-docs/**").authorizeHttpRequests(requests -> requests.anyRequest()
                .permitAll()).build();
    }

    @Bean
    ModelCustomizer securedLabels() {
        var labels = new ModelCustomizer("labels");
        // An authorization manager of the application's own: only the holder named "admin" deletes labels.
        labels.authorize(Operation.DELETE, (authentication, request) -> new AuthorizationDecision(
                authentication.get() != null && "admin".equals(authentication.get().getName())));
        return labels;
    }
}
