package io.sentro.spring.it;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exports hold a batch, never the result: 1,000,000 rows streamed as NDJSON and as CSV by an application whose heap is
 * capped at 128 MB, in a JVM of its own ({@link ExportMemoryApplication}), with the heap's peak use printed for the
 * record. The rows are made by cross-joining a ten-row table six times, which every database runs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OnDatabase.Condition.class)
abstract class ExportMemoryScenarios {

    private static final int ROWS = 1_000_000;

    private FixtureDatabase database;
    private JdbcTemplate jdbc;
    private Process app;
    private int port;
    private Path peakFile;
    private Path log;

    @BeforeAll
    void start() throws Exception {
        database = FixtureDatabases.of(getClass().getAnnotation(OnDatabase.class).value());
        jdbc = new JdbcTemplate(database.dataSource());
        drop();
        jdbc.execute("CREATE TABLE export_digits (d INT NOT NULL)");
        jdbc.execute("INSERT INTO export_digits (d) VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9)");
        jdbc.execute("CREATE TABLE export_rows (id INT NOT NULL PRIMARY KEY, name VARCHAR(40) NOT NULL, "
                + "amount DECIMAL(12,2) NOT NULL)");
        jdbc.execute("INSERT INTO export_rows (id, name, amount) SELECT n, CONCAT('row ', n), n / 4.0 FROM (SELECT "
                + "a.d + 10 * b.d + 100 * c.d + 1000 * e.d + 10000 * f.d + 100000 * g.d + 1 AS n FROM export_digits a, "
                + "export_digits b, export_digits c, export_digits e, export_digits f, export_digits g) numbers");
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        peakFile = Files.createTempFile("sentro-export-peak", ".txt");
        log = Files.createTempFile("sentro-export-app", ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx128m", "-Dsentro.test.peak-heap-file=" + peakFile, "-cp",
                System.getProperty("java.class.path"), ExportMemoryApplication.class.getName(),
                "--server.port=" + port, "--spring.main.banner-mode=off", "--logging.level.root=WARN",
                "--spring.datasource.url=" + database.url(), "--springdoc.api-docs.enabled=false",
                "--sentro.security.access.default=permit-all"));
        if (database.username() != null) {
            command.add("--spring.datasource.username=" + database.username());
            command.add("--spring.datasource.password=" + database.password());
        }
        app = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (true) {
            assertThat(app.isAlive()).as("the application stopped: %s", Files.readString(log)).isTrue();
            try {
                if (client.send(request("/api/export_rows?limit=1"), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    break;
                }
            }
            catch (java.io.IOException notYet) {
                // not listening yet
            }
            assertThat(System.nanoTime()).as("the application did not start: %s", Files.readString(log))
                    .isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.destroy();
        }
        if (jdbc != null) {
            drop();
        }
    }

    private void drop() {
        jdbc.execute("DROP TABLE IF EXISTS export_rows");
        jdbc.execute("DROP TABLE IF EXISTS export_digits");
    }

    private HttpRequest request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build();
    }

    @Test
    void aMillionRowsStreamThroughA128MegabyteHeap() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        for (String format : List.of("ndjson", "csv")) {
            long started = System.nanoTime();
            HttpResponse<InputStream> response = client.send(request("/api/export_rows?format=" + format),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertThat(response.statusCode()).isEqualTo(200);
            long lines = 0;
            String first = null;
            String last = null;
            try (BufferedReader body = new BufferedReader(new InputStreamReader(response.body(),
                    StandardCharsets.UTF_8))) {
                for (String line = body.readLine(); line != null; line = body.readLine()) {
                    if (first == null) {
                        first = line;
                    }
                    last = line;
                    lines++;
                }
            }
            String[] peak = Files.readString(peakFile).trim().split(" ");
            System.out.printf("export of %,d rows as %s on %s: %.1f s; the application's heap (capped at %d MB) "
                    + "peaked at %d MB, at most %d MB in use after a collection%n", ROWS, format, database.dialect(),
                    (System.nanoTime() - started) / 1e9, Long.parseLong(peak[1]) >> 20, Long.parseLong(peak[0]) >> 20,
                    Long.parseLong(peak[2]) >> 20);
            assertThat(app.isAlive()).as(Files.readString(log)).isTrue();
            if (format.equals("ndjson")) {
                assertThat(lines).isEqualTo(ROWS);
                assertThat(first).isEqualTo("{\"id\":1,\"name\":\"row 1\",\"amount\":0.25}");
                assertThat(last).isEqualTo("{\"id\":1000000,\"name\":\"row 1000000\",\"amount\":250000.00}");
            }
            else {
                assertThat(lines).isEqualTo(ROWS + 1);
                assertThat(first).isEqualTo("id,name,amount");
                assertThat(last).isEqualTo("1000000,row 1000000,250000.00");
            }
        }
        assertThat(Files.readString(log)).doesNotContain("OutOfMemoryError");
    }
}
