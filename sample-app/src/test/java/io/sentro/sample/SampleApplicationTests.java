package io.sentro.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's run command, as a test: with no datasource configured the sample starts an embedded PostgreSQL with
 * the blog and serves it, including Swagger UI.
 */
class SampleApplicationTests {

    @Test
    void servesTheBlogFromTheEmbeddedDatabase() throws Exception {
        try (ConfigurableApplicationContext context = SpringApplication.run(SampleApplication.class, "--server.port=0")) {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            HttpClient client = HttpClient.newHttpClient();
            HttpResponse<String> posts = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/api/posts?where.title.ilike=%25hello%25&sort=-id&limit=5")).header("X-API-Key", "admin-demo-key")
                    .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(posts.statusCode()).isEqualTo(200);
            assertThat(posts.body()).contains("\"title\":\"Hello again: compilers\"").contains("\"title\":\"Hello, world\"")
                    .contains("\"total\":2");
            HttpResponse<String> anonymous = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/api/posts")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(anonymous.statusCode()).isEqualTo(401);
            HttpResponse<String> swagger = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/swagger-ui/index.html")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(swagger.statusCode()).isEqualTo(200);
        }
    }
}
