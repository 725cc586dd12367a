package io.sentro.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's way to serve a database of your own, as a user meets it: the sample pointed at a second database
 * without the seed tables starts, serves every table, leaves the seed examples (their customizers, demo keys and
 * rules) out, and logs a generated API key at WARN, which reads the tables.
 */
@ExtendWith(OutputCaptureExtension.class)
class ExistingDatabaseTests {

    private static final Pattern GENERATED_KEY = Pattern.compile("Using generated Sentro API key: (\\S+)");

    @Test
    void servesADatabaseWithoutTheSeedTablesWithTheGeneratedKey(CapturedOutput output) throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            JdbcTemplate jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
            jdbc.execute("CREATE TABLE language (language_id serial PRIMARY KEY, name varchar(20) NOT NULL)");
            jdbc.execute("CREATE TABLE film (film_id serial PRIMARY KEY, title varchar(255) NOT NULL, "
                    + "language_id int NOT NULL REFERENCES language)");
            jdbc.execute("INSERT INTO language (name) VALUES ('English'), ('Italian')");
            jdbc.execute("INSERT INTO film (title, language_id) VALUES ('ACADEMY DINOSAUR', 1), ('ACE GOLDFINGER', 2)");
            String url = postgres.getJdbcUrl("postgres", "postgres");
            try (ConfigurableApplicationContext context = SpringApplication.run(SampleApplication.class,
                    "--server.port=0", "--spring.main.banner-mode=off", "--spring.datasource.url=" + url)) {
                int port = ((WebServerApplicationContext) context).getWebServer().getPort();
                assertThat(context.getEnvironment().getActiveProfiles()).doesNotContain(SeedsProfile.NAME);
                Matcher key = GENERATED_KEY.matcher(output.getOut());
                assertThat(key.find()).as("a generated key in the log:\n" + output.getOut()).isTrue();
                assertThat(output.getOut()).containsPattern("WARN .*SentroAccessConfiguration");

                HttpResponse<String> films = get(port, "/api/film?sort=title&embed=language", key.group(1));
                assertThat(films.statusCode()).as(films.body()).isEqualTo(200);
                assertThat(films.body()).contains("\"title\":\"ACADEMY DINOSAUR\"").contains("\"name\":\"Italian\"");
                HttpResponse<String> schema = get(port, "/api/_schema", key.group(1));
                assertThat(schema.body()).contains("\"film\"").contains("\"language\"").doesNotContain("\"posts\"");
                // Nobody else gets in: not without a key, not with the seed examples' demo keys.
                assertThat(get(port, "/api/film", null).statusCode()).isEqualTo(401);
                assertThat(get(port, "/api/film", "admin-demo-key").statusCode()).isEqualTo(401);
            }
        }
    }

    private static HttpResponse<String> get(int port, String path, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (key != null) {
            request.header("X-API-Key", key);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
