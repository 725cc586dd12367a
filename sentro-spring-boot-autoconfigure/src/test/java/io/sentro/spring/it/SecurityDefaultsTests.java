package io.sentro.spring.it;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.sentro.spring.it.FixtureDatabases.Dialect;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static io.sentro.spring.it.ApiScenarios.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Secure by default, as a new user meets it, and next to the application's own security: a plain app gets a
 * generated key; an application that relied on Spring Boot's default security keeps it; an application's own chain
 * for the API's path takes over from Sentro's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith({ OnDatabase.Condition.class, OutputCaptureExtension.class })
@OnDatabase(Dialect.POSTGRES)
class SecurityDefaultsTests {

    private static final Pattern GENERATED = Pattern.compile("Using generated Sentro API key: (\\S+)");

    private FixtureDatabase database;

    @BeforeAll
    void database() {
        database = FixtureDatabases.of(Dialect.POSTGRES);
        database.resetRows();
    }

    @Test
    void aPlainAppLogsAGeneratedKeyAndAnswers401WithoutIt(CapturedOutput output) {
        try (RunningApp app = RunningApp.start(PlainApplication.class, database)) {
            Matcher key = GENERATED.matcher(output.getOut() + output.getErr());
            assertThat(key.find()).as("the generated key is logged").isTrue();
            AccessScenarios.assertUnauthenticated(app.api().get("/api/posts/1"));
            AccessScenarios.assertUnauthenticated(app.api().send("GET", "/api/posts/1", null, "application/json",
                    "X-API-Key", key.group(1) + "x"));
            assertThat(ok(app.api().send("GET", "/api/posts/1", null, "application/json", "X-API-Key", key.group(1)))
                    .get("title").asString()).isEqualTo("Hello world");
        }
    }

    @Test
    void withPermitAllThePlainAppServesTheOpenApiAsBefore(CapturedOutput output) {
        try (RunningApp app = RunningApp.start(PlainApplication.class, database,
                "sentro.security.access.default=permit-all")) {
            assertThat(output.getOut()).doesNotContain("Using generated Sentro API key");
            assertThat(ok(app.api().get("/api/posts/1")).get("title").asString()).isEqualTo("Hello world");
            assertThat(app.api().post("/api/labels", "{\"name\":\"open\"}").status()).isEqualTo(201);
        }
        database.resetRows();
    }

    @Test
    void anApplicationThatReliedOnBootsDefaultSecurityKeepsIt() {
        try (RunningApp app = RunningApp.start(AppWithPages.class, database, "sentro.security.api-keys[0].key=k1",
                "spring.security.user.name=page-user", "spring.security.user.password=page-secret")) {
            assertThat(app.api().get("/hello").status()).isEqualTo(401);
            assertThat(app.api().send("GET", "/hello", null, "text/plain", "Authorization",
                    basic("page-user", "page-secret")).text()).isEqualTo("hello");
            // The application's password is not an API credential, and the API key does not open its pages.
            assertThat(app.api().send("GET", "/hello", null, "text/plain", "X-API-Key", "k1").status()).isEqualTo(401);
            assertThat(ok(app.api().send("GET", "/api/posts/1", null, "application/json", "X-API-Key", "k1"))
                    .get("id").asLong()).isEqualTo(1);
        }
    }

    @Test
    void anApplicationChainForTheApiPathTakesOver() {
        try (RunningApp app = RunningApp.start(AppWithApiChain.class, database,
                "sentro.security.api-keys[0].key=k1")) {
            HttpApi.Response withKey = app.api().send("GET", "/api/posts/1", null, "application/json", "X-API-Key",
                    "k1");
            assertThat(withKey.status()).isEqualTo(401);
            assertThat(withKey.header("WWW-Authenticate")).startsWith("Basic");
            assertThat(ok(app.api().send("GET", "/api/posts/1", null, "application/json", "Authorization",
                    basic("api-user", "api-secret"))).get("id").asLong()).isEqualTo(1);
        }
    }

    private static String basic(String user, String password) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + password).getBytes());
    }

    /** An application with a page of its own and no security configuration: Spring Boot's default protects it. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class AppWithPages {

        /** Registered as a member class of the configuration. */
        @RestController
        static class Pages {

            @GetMapping(path = "/hello", produces = "text/plain")
            String hello() {
                return "hello";
            }
        }
    }

    /** An application that secures the API's path with a chain of its own (HTTP Basic). */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class AppWithApiChain {

        @Bean
        SecurityFilterChain apiChain(HttpSecurity http) throws Exception {
            return http.securityMatcher("/api/**")
                    .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                    .httpBasic(basic -> { }).csrf(csrf -> csrf.disable()).build();
        }

        @Bean
        InMemoryUserDetailsManager users() {
            return new InMemoryUserDetailsManager(User.withUsername("api-user").password("{noop}api-secret")
                    .roles("EDITOR").build());
        }
    }
}
