package io.sentro.spring.autoconfigure;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.sentro.spring.dialect.PostgresDialect;
import io.sentro.spring.dialect.SqlDialect;
import io.sentro.spring.schema.SchemaModel;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database that cannot be reached answers 503 problem+json, for reads and writes. The model is given as a bean, so
 * the application starts without the database, as it would after the database went away.
 */
class DatabaseUnavailableTests {

    @Test
    void answers503WhenTheDatabaseIsUnreachable() throws Exception {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(OfflineApplication.class).run(
                "--server.port=0", "--spring.main.banner-mode=off",
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/none",
                "--spring.datasource.hikari.initialization-fail-timeout=-1",
                "--spring.datasource.hikari.connection-timeout=250", "--springdoc.api-docs.enabled=false",
                "--sentro.security.access.default=permit-all")) {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            HttpClient client = HttpClient.newHttpClient();
            for (HttpRequest request : new HttpRequest[] {
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/posts")).build(),
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/posts/1")).build(),
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/posts"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"x\"}")).build(),
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/posts/1"))
                            .header("Content-Type", "application/json")
                            .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"title\":\"x\"}")).build(),
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/posts/1")).DELETE().build() }) {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
                assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                        type -> assertThat(type).startsWith("application/problem+json"));
                assertThat(response.body()).contains("database-unavailable").doesNotContain("127.0.0.1:1");
            }
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class OfflineApplication {

        @Bean
        SqlDialect sqlDialect() {
            return new PostgresDialect();
        }

        @Bean
        SchemaModel schemaModel() {
            return TestSchemas.posts();
        }
    }
}
