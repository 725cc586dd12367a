package io.sentro.sample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code curl} example of README.md and docs/*.md, run as written against the sample app, in document order, on
 * a fresh sample per file (its embedded database starts from the seeds each time), and every answer the docs show for
 * it checked. A page that shows what it does not run is a failure here, so the docs cannot drift from the code.
 * <p>
 * What is an example:
 * <ul>
 * <li>a line starting with {@code curl } in a {@code sh} or {@code bash} block (continued with {@code \});</li>
 * <li>an inline code span {@code `curl ...`} that names a {@code localhost} URL.</li>
 * </ul>
 * A {@code curl} the test cannot run is reported as a failure of its page, never skipped silently: an option the
 * parser does not know, a command without URL, {@code curl} elsewhere on a line of a {@code sh} block
 * ({@code KEY=$(curl ...)}), a {@code curl} line in a block of another language, or a shown answer that does not
 * parse.
 * <p>
 * What is checked, from the example's trailing comment and the block right after its block (when its block has one
 * example):
 * <ul>
 * <li>the status: a comment starting with it ({@code # 201}), the status line of an {@code http} block, or the
 * {@code status} of a problem shown as the answer; else any 2xx;</li>
 * <li>headers named {@code Name: value} in the comment ({@code # 201, Location: /api/posts/6}; the value runs to the
 * next header or the comment's end) or in an {@code http} block: the response has one with that value. Names are
 * those with a hyphen ({@code Content-Type}) or one of {@link #PLAIN_HEADERS}; {@code ...} in a value is a wildcard
 * (so a trailing one makes it a prefix), and {@code localhost:8080} stands for the sample's address;</li>
 * <li>a content type named in the comment ({@code application/problem+json}, {@code text/csv}): the
 * {@code Content-Type} starts with it;</li>
 * <li>JSON shown in the comment ({@code # a page: {"rows":[...],"total":5}}), in a {@code json} block, or as the body
 * of an {@code http} block: the answer has every member shown, recursively ({@link #compare}). The JSON is read
 * leniently: {@code [...]} is any array, {@code ...} among array items means "more items", among object members
 * "more members", as a member's value "any value", and inside a string a wildcard;</li>
 * <li>a {@code text} block (or the non-JSON body of an {@code http} block) that is not a log: the body, line by line,
 * exactly (trailing whitespace aside), a line {@code ...} standing for any number of lines.</li>
 * </ul>
 * Log excerpts: a {@code text} block with log lines ({@code INFO}/{@code WARN}/{@code ERROR}, then {@code " : "})
 * shows a start-up log. Each of its non-blank lines must match a line of the captured output of the app it describes
 * (level, logger as printed and message; {@code ...} a wildcard, and the end of the line anchored unless it ends in
 * {@code ...}). By default that app is the sample the page's examples run on (a
 * {@code <!-- examples: log of the sample -->} comment may say so); after a
 * {@code <!-- examples: log of a plain app -->} comment it is the sample pointed at a second embedded PostgreSQL
 * without the seed tables, the shop of {@link #PLAIN_APP_TABLES} (4 tables, no demo keys: a generated key), as a
 * user's own application starts.
 * <p>
 * A {@code <!-- examples: not run (reason) -->} comment just before a block leaves it out (a placeholder key, an
 * answer that depends on a previous one); keep those rare and give the reason.
 */
@ExtendWith(OutputCaptureExtension.class)
class DocumentationExamplesTests {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern FENCE = Pattern.compile("^```(\\w*)\\s*$");
    private static final Pattern STATUS = Pattern.compile("^#\\s*(\\d{3})\\b");
    private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T.*");
    private static final Pattern INLINE = Pattern.compile("`(curl [^`]*)`");
    private static final Pattern HEADER = Pattern.compile("(?<![\\w-])([A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*): ");
    private static final Pattern CONTENT_TYPE = Pattern.compile("(?<![\\w/+.-])((?:application|text)/[A-Za-z0-9.+-]+)");
    private static final Pattern HTTP_STATUS = Pattern.compile("^HTTP/[\\d.]+ (\\d{3})\\b.*");
    private static final Pattern LOG_LINE = Pattern.compile("^\\s*(INFO|WARN|ERROR)\\b.*\\s:(\\s.*)?$");
    private static final Pattern LEVEL = Pattern.compile("\\b(INFO|WARN|ERROR)\\b");
    private static final String NOT_RUN = "<!-- examples: not run";
    private static final String PLAIN_APP_LOG = "<!-- examples: log of a plain app -->";
    private static final String SAMPLE_LOG = "<!-- examples: log of the sample -->";

    /** Header names without a hyphen that a comment may name as {@code Name: value}. */
    static final Set<String> PLAIN_HEADERS = Set.of("Allow", "ETag", "Link", "Location", "Vary");

    /** The database of the "plain app" of log excerpts: a small shop, none of the seed tables. */
    static final List<String> PLAIN_APP_TABLES = List.of(
            "CREATE TABLE customers (id bigserial PRIMARY KEY, name varchar(100) NOT NULL, "
                    + "email varchar(255) NOT NULL)",
            "CREATE TABLE products (id bigserial PRIMARY KEY, name varchar(100) NOT NULL, "
                    + "price numeric(10,2) NOT NULL)",
            "CREATE TABLE orders (id bigserial PRIMARY KEY, customer_id bigint NOT NULL REFERENCES customers, "
                    + "placed_at timestamptz NOT NULL DEFAULT now())",
            "CREATE TABLE order_lines (order_id bigint REFERENCES orders, product_id bigint REFERENCES products, "
                    + "quantity int NOT NULL, PRIMARY KEY (order_id, product_id))");

    /** What the docs say one example answers. */
    record Answer(Integer status, Map<String, String> headers, List<String> contentTypes, List<JsonNode> json,
            List<String> text) {

        static Answer none() {
            return new Answer(null, new LinkedHashMap<>(), new ArrayList<>(), new ArrayList<>(), null);
        }
    }

    /** One curl example: where it is, the command as written, and what the docs say it answers. */
    record Example(String file, int line, String command, Answer answer) {
    }

    /** A log excerpt: where it is, whether it is a plain app's (else the sample's), and its lines. */
    record LogExcerpt(String file, int line, boolean plainApp, List<String> lines) {
    }

    /** What a page holds: its examples, its log excerpts, and what could not be read. */
    record Page(String file, List<Example> examples, List<LogExcerpt> logs, List<String> problems) {

        boolean isEmpty() {
            return examples.isEmpty() && logs.isEmpty() && problems.isEmpty();
        }
    }

    @TestFactory
    Stream<DynamicContainer> everyCurlExampleRunsAsWritten(CapturedOutput output) throws IOException {
        List<Path> files = new ArrayList<>();
        files.add(ROOT.resolve("README.md"));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(path -> path.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        List<DynamicContainer> containers = new ArrayList<>();
        for (Path file : files) {
            Page page = page(file);
            if (!page.isEmpty()) {
                containers.add(DynamicContainer.dynamicContainer(page.file(), Stream.of(DynamicTest.dynamicTest(
                        page.examples().size() + " examples, " + page.logs().size() + " log excerpts",
                        () -> run(page, output)))));
            }
        }
        assertThat(containers).as("the docs have curl examples").isNotEmpty();
        return containers.stream();
    }

    // ---- the reading and matching themselves, so that the checks above can fail --------------------------------

    @Test
    void aCommentNamesStatusHeadersContentTypeAndJson() {
        Answer answer = commented("# 201, a page: {\"rows\":[...],\"count\":2}, Location: /api/posts/6, "
                + "Link: <http://localhost:8080/api/posts?after=...>; rel=\"next\" as application/json");
        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.headers()).containsEntry("Location", "/api/posts/6")
                .containsEntry("Link", "<http://localhost:8080/api/posts?after=...>; rel=\"next\" as application/json");
        assertThat(commented("# 400 application/problem+json naming it").contentTypes())
                .containsExactly("application/problem+json");
        assertThat(commented("# (status = draft) OR (views > 200)").status()).isNull();
        assertThat(answer.json()).hasSize(1);
        assertThat(compare(answer.json().get(0), JSON.readTree("{\"rows\":[1,2],\"count\":2}"), "")).isNull();
        assertThat(compare(answer.json().get(0), JSON.readTree("{\"rows\":[],\"count\":0}"), "")).contains("count");
        assertThat(compare(answer.json().get(0), JSON.readTree("{\"rows\":{},\"count\":2}"), "")).contains("rows");
    }

    @Test
    void shownJsonIsReadLeniently() {
        JsonNode shown = Lenient.parse("{\"tables\":[ ... {\"name\":\"users\", ... ,\"columns\":[ ... "
                + "{\"name\":\"email\",\"kind\":\"text\"}, ...]}, ...],\"next\":\"ab...\",\"id\":...}");
        JsonNode answer = JSON.readTree("{\"tables\":[{\"name\":\"posts\"},{\"name\":\"users\",\"columns\":["
                + "{\"name\":\"id\"},{\"name\":\"email\",\"kind\":\"text\"}]}],\"next\":\"abc\",\"id\":null}");
        assertThat(compare(shown, answer, "")).isNull();
        assertThat(compare(shown, JSON.readTree(answer.toString().replace("\"abc\"", "\"xbc\"")), ""))
                .contains("next");
        assertThat(compare(shown, JSON.readTree(answer.toString().replace("\"text\"", "\"json\"")), ""))
                .contains("kind");
        assertThat(compare(Lenient.parse("[{\"id\":1},{\"id\":2}]"), JSON.readTree("[{\"id\":1}]"), ""))
                .contains("is missing");
        // A time the request wrote is compared as an instant; one the server made is not.
        JsonNode time = Lenient.parse("{\"created_at\":\"2025-05-12T10:15:30Z\",\"updated_at\":\"2025-05-12T10:16Z\"}");
        JsonNode stored = JSON.readTree(
                "{\"created_at\":\"2025-05-12T10:15:30Z\",\"updated_at\":\"2026-01-01T00:00Z\"}");
        assertThat(compare(time, stored, "{\"created_at\":\"2025-05-12T12:15:30+02:00\"}")).isNull();
        assertThat(compare(time, JSON.readTree(stored.toString().replace("10:15:30Z", "12:15:30Z")),
                "{\"created_at\":\"2025-05-12T12:15:30+02:00\"}")).contains("created_at");
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> Lenient.parse("{\"rows\":[}")).withMessageContaining("does not parse");
    }

    @Test
    void textAnswersAndLogLinesMatchWithWildcards() {
        assertThat(compareLines(List.of("id,title", "...", "5,Last"), List.of("id,title", "1,a", "2,b", "5,Last", "")))
                .isNull();
        assertThat(compareLines(List.of("id,title", "1,a"), List.of("id,title", "1,a", "2,b"))).isNotNull();
        String printed = "2026-12-08T01:17:38.076Z  INFO 21337 --- [sentro-sample] [           main] "
                + "i.s.spring.web.SentroHandlerMapping      : Sentro serves 12 tables under /api (102 routes, "
                + "schema generation 1)";
        assertThat(logPattern("INFO ... i.s.spring.web.SentroHandlerMapping : Sentro serves 12 tables under /api "
                + "(... routes, schema generation 1)").matcher(printed).find()).isTrue();
        assertThat(logPattern("INFO ... i.s.spring.web.SentroHandlerMapping : Sentro serves 12 tables under /api "
                + "(20 routes)").matcher(printed).find()).isFalse();
        assertThat(logPattern("WARN ... i.s.spring.web.SentroHandlerMapping : Sentro serves ...").matcher(printed)
                .find()).isFalse();
    }

    @Test
    void theReadmeTourIsReadWithItsAnswers() throws IOException {
        Page readme = page(ROOT.resolve("README.md"));
        assertThat(readme.problems()).isEmpty();
        Example page = readme.examples().stream().filter(example -> example.command().contains("offset=2"))
                .findFirst().orElseThrow();
        assertThat(page.answer().headers()).containsKey("Link");
        assertThat(page.answer().json()).singleElement().satisfies(json -> assertThat(json.has("next")).isTrue());
        assertThat(readme.examples()).anySatisfy(example -> assertThat(example.answer().status()).isEqualTo(401));
        assertThat(readme.examples()).anySatisfy(example -> assertThat(example.command())
                .isEqualTo("curl localhost:8080/sample/integrations"));
    }

    @Test
    void aCurlTheTestCannotRunIsAProblemOfItsPage(@org.junit.jupiter.api.io.TempDir Path folder) throws IOException {
        Path doc = Files.writeString(folder.resolve("doc.md"), String.join("\n", "```", "curl localhost:8080/api",
                "```", "", "```sh", "KEY=$(curl -s localhost:8080/key)", "curl --fail localhost:8080/api/posts", "```",
                "", "```sh", "curl localhost:8080/api/posts", "```", "", "```json", "{\"rows\":[", "```", ""));
        assertThat(page(doc).problems()).hasSize(4).anySatisfy(problem -> assertThat(problem)
                .contains("block without language")).anySatisfy(problem -> assertThat(problem)
                .contains("curl inside a command")).anySatisfy(problem -> assertThat(problem)
                .contains("--fail")).anySatisfy(problem -> assertThat(problem).contains("does not parse"));
    }

    private static void run(Page page, CapturedOutput output) throws Exception {
        List<String> failures = new ArrayList<>(page.problems());
        int from = output.getOut().length();
        try (ConfigurableApplicationContext context = SpringApplication.run(SampleApplication.class, "--server.port=0",
                "--spring.main.banner-mode=off")) {
            String log = output.getOut().substring(from);
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            HttpClient http = HttpClient.newHttpClient();
            for (Example example : page.examples()) {
                String failure;
                try {
                    failure = check(http, port, example);
                }
                catch (IllegalArgumentException ex) {
                    failure = ex.getMessage();
                }
                if (failure != null) {
                    failures.add(example.file() + ":" + example.line() + " " + example.command() + "\n    " + failure);
                }
            }
            checkLogs(page, false, log, failures);
        }
        if (page.logs().stream().anyMatch(LogExcerpt::plainApp)) {
            checkLogs(page, true, plainAppLog(output), failures);
        }
        assertThat(failures).as("examples that do not answer as documented").isEmpty();
    }

    /** The start-up log of the sample as a plain app: on a database of its own, without the seed tables. */
    private static String plainAppLog(CapturedOutput output) throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            JdbcTemplate jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
            PLAIN_APP_TABLES.forEach(jdbc::execute);
            int from = output.getOut().length();
            try (ConfigurableApplicationContext context = SpringApplication.run(SampleApplication.class,
                    "--server.port=0", "--spring.main.banner-mode=off",
                    "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"))) {
                return output.getOut().substring(from);
            }
        }
    }

    private static void checkLogs(Page page, boolean plainApp, String log, List<String> failures) {
        List<String> printed = log.lines().map(String::stripTrailing).toList();
        for (LogExcerpt excerpt : page.logs()) {
            if (excerpt.plainApp() != plainApp) {
                continue;
            }
            List<String> missing = excerpt.lines().stream().filter(shown -> {
                Pattern pattern = logPattern(shown);
                return printed.stream().noneMatch(line -> pattern.matcher(line).find());
            }).map(String::trim).toList();
            if (!missing.isEmpty()) {
                failures.add(excerpt.file() + ":" + excerpt.line() + " log lines not in the "
                        + (plainApp ? "plain app's" : "sample's") + " start-up log:\n      "
                        + String.join("\n      ", missing) + "\n    Sentro's lines there:\n      "
                        + abbreviate(printed.stream().filter(line -> line.contains("Sentro")
                                && LEVEL.matcher(line).find()).map(line -> line.replaceFirst("^\\S+\\s+", ""))
                                .collect(Collectors.joining("\n      ")), 4000));
            }
        }
    }

    /** A shown log line as a pattern: words separated by any whitespace, {@code ...} any text, the end anchored. */
    static Pattern logPattern(String shown) {
        String[] words = shown.trim().split("\\s+");
        StringBuilder regex = new StringBuilder("(?:^|\\s)");
        for (int i = 0; i < words.length; i++) {
            if (i > 0) {
                regex.append("\\s+");
            }
            regex.append(wildcard(words[i]));
        }
        String last = words[words.length - 1];
        if (!last.endsWith("...") && !last.endsWith("…")) {
            regex.append("$");
        }
        return Pattern.compile(regex.toString());
    }

    /** Text with {@code ...} (or {@code …}) as a wildcard, as a regular expression. */
    private static String wildcard(String text) {
        return Stream.of(text.split("\\.\\.\\.|…", -1)).map(part -> part.isEmpty() ? "" : Pattern.quote(part))
                .collect(Collectors.joining(".*"));
    }

    private static boolean hasWildcard(String text) {
        return text.contains("...") || text.contains("…");
    }

    private static String check(HttpClient http, int port, Example example) throws Exception {
        Curl curl = Curl.parse(example.command());
        String address = "127.0.0.1:" + port;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(curl.url()
                .replace("localhost:8080", address).replaceFirst("^(?!http)", "http://")));
        curl.headers().forEach((name, value) -> request.header(name, value));
        if (curl.data() != null && !curl.headers().containsKey("Content-Type")) {
            request.header("Content-Type", "application/x-www-form-urlencoded");
        }
        request.method(curl.method(), curl.data() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(curl.data()));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        Answer answer = example.answer();
        boolean statusOk = answer.status() != null ? response.statusCode() == answer.status()
                : response.statusCode() / 100 == 2;
        if (!statusOk) {
            return "status " + response.statusCode() + ", documented " + (answer.status() != null
                    ? answer.status() : "2xx") + ": " + abbreviate(response.body());
        }
        List<String> failures = new ArrayList<>();
        answer.headers().forEach((name, value) -> {
            String wanted = value.replace("localhost:8080", address);
            List<String> values = response.headers().allValues(name);
            boolean found = values.stream().anyMatch(got -> hasWildcard(wanted)
                    ? Pattern.compile(wildcard(wanted), Pattern.DOTALL).matcher(got).matches() : got.equals(wanted));
            if (!found) {
                failures.add("header " + name + " is " + (values.isEmpty() ? "absent" : values) + ", documented "
                        + value);
            }
        });
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        for (String type : answer.contentTypes()) {
            if (!contentType.startsWith(type)) {
                failures.add("Content-Type is '" + contentType + "', documented " + type);
            }
        }
        for (JsonNode json : answer.json()) {
            JsonNode actual;
            try {
                actual = JSON.readTree(response.body());
            }
            catch (RuntimeException ex) {
                failures.add("answer is not JSON: " + abbreviate(response.body()));
                break;
            }
            String failure = compare(json, actual, curl.url() + " " + curl.data());
            if (failure != null) {
                failures.add(failure);
            }
        }
        if (answer.text() != null) {
            List<String> wanted = answer.text().stream().map(line -> line.replace("localhost:8080", address)).toList();
            String failure = compareLines(wanted, response.body().lines().map(String::stripTrailing)
                    .toList());
            if (failure != null) {
                failures.add(failure + "\n    answer: " + abbreviate(response.body()));
            }
        }
        return failures.isEmpty() ? null : String.join("\n    ", failures);
    }

    /** Whether the body's lines are the shown ones: exactly, a line {@code ...} standing for any number of lines. */
    static String compareLines(List<String> wanted, List<String> got) {
        List<String> want = trimEnd(wanted);
        List<String> have = trimEnd(got);
        return linesMatch(want, 0, have, 0) ? null
                : "body is not as shown:\n      " + String.join("\n      ", want);
    }

    private static boolean linesMatch(List<String> want, int w, List<String> got, int g) {
        if (w == want.size()) {
            return g == got.size();
        }
        String line = want.get(w).trim();
        if (line.equals("...") || line.equals("…")) {
            for (int skip = g; skip <= got.size(); skip++) {
                if (linesMatch(want, w + 1, got, skip)) {
                    return true;
                }
            }
            return false;
        }
        return g < got.size() && (hasWildcard(want.get(w))
                ? Pattern.compile(wildcard(want.get(w))).matcher(got.get(g)).matches() : want.get(w).equals(got.get(g)))
                && linesMatch(want, w + 1, got, g + 1);
    }

    private static List<String> trimEnd(List<String> lines) {
        List<String> trimmed = new ArrayList<>(lines.stream().map(String::stripTrailing).toList());
        while (!trimmed.isEmpty() && trimmed.get(trimmed.size() - 1).isEmpty()) {
            trimmed.remove(trimmed.size() - 1);
        }
        return trimmed;
    }

    /**
     * Whether the answer says what the docs show: every documented member, recursively (a timestamp only when the
     * request wrote that member, compared as an instant, since the server's differ per run; a string with
     * {@code ...} as a wildcard). Arrays of objects with an {@code id} or
     * {@code name} are matched by it ({@code rows} must also have the same ids in the same order); other arrays
     * element by element; an array shown with {@code ...} among its items need only hold the items shown (by key, or
     * in order). Null when they match.
     */
    static String compare(JsonNode expected, JsonNode actual, String sent) {
        return compare(expected, actual, "", sent);
    }

    private static String compare(JsonNode want, JsonNode got, String path, String sent) {
        if (want.isString() && want.asString().equals(Lenient.ANY_VALUE)) {
            return got != null ? null : "'" + path + "' is missing";
        }
        if (want.isValueNode()) {
            if (want.isString() && TIMESTAMP.matcher(want.asString()).matches()) {
                // The server's clock differs per run; a time the request itself wrote is compared, as an instant.
                String member = path.substring(path.lastIndexOf('.') + 1).replaceFirst("\\[.*$", "");
                boolean sentByRequest = sent.contains("\"" + member + "\":\"");
                return got == null ? "'" + path + "' is missing"
                        : !sentByRequest || sameInstant(want.asString(), got.asString("")) ? null
                        : "'" + path + "' is " + got + ", documented " + want;
            }
            if (want.isString() && hasWildcard(want.asString()) && got != null && got.isValueNode() && !got.isNull()) {
                return Pattern.compile(wildcard(want.asString()), Pattern.DOTALL).matcher(got.asString()).matches()
                        ? null : "'" + path + "' is " + abbreviate(String.valueOf(got)) + ", documented " + want;
            }
            return got != null && sameScalar(want, got) ? null
                    : "'" + path + "' is " + abbreviate(String.valueOf(got)) + ", documented " + want;
        }
        if (got == null || got.getNodeType() != want.getNodeType()) {
            return "'" + path + "' is " + abbreviate(String.valueOf(got)) + ", documented " + abbreviate(want.toString());
        }
        if (want.isObject()) {
            for (Map.Entry<String, JsonNode> member : want.properties()) {
                String failure = compare(member.getValue(), got.get(member.getKey()),
                        path.isEmpty() ? member.getKey() : path + "." + member.getKey(), sent);
                if (failure != null) {
                    return failure;
                }
            }
            return null;
        }
        List<JsonNode> items = new ArrayList<>();
        boolean open = false;
        for (JsonNode item : want) {
            if (item.isString() && item.asString().equals(Lenient.MORE_ITEMS)) {
                open = true;
            }
            else {
                items.add(item);
            }
        }
        String key = !items.isEmpty() && items.get(0).isObject()
                ? items.get(0).has("id") ? "id" : items.get(0).has("name") ? "name" : null : null;
        if (key == null || (path.equals("rows") && !open)) {
            if (!open && got.size() != items.size()) {
                return "'" + path + "' has " + got.size() + " items, documented " + items.size();
            }
            int at = 0;
            for (int i = 0; i < items.size(); i++) {
                String failure = null;
                if (open) {
                    while (at < got.size()
                            && compare(items.get(i), got.get(at), path + "[" + at + "]", sent) != null) {
                        at++;
                    }
                    if (at == got.size()) {
                        failure = "'" + path + "' holds no item " + abbreviate(items.get(i).toString())
                                + " (in the order shown)";
                    }
                }
                else {
                    failure = compare(items.get(i), got.get(i), path + "[" + i + "]", sent);
                }
                if (failure != null) {
                    return failure;
                }
                at++;
            }
            return null;
        }
        for (JsonNode item : items) {
            JsonNode match = null;
            for (JsonNode candidate : got) {
                if (candidate.has(key) && sameScalar(item.get(key), candidate.get(key))) {
                    match = candidate;
                }
            }
            String where = path + "[" + key + "=" + item.get(key) + "]";
            if (match == null) {
                return "'" + where + "' is missing";
            }
            String failure = compare(item, match, where, sent);
            if (failure != null) {
                return failure;
            }
        }
        return null;
    }

    private static boolean sameInstant(String want, String got) {
        try {
            return java.time.OffsetDateTime.parse(want).toInstant()
                    .equals(java.time.OffsetDateTime.parse(got).toInstant());
        }
        catch (java.time.format.DateTimeParseException ex) {
            return want.equals(got);
        }
    }

    private static boolean sameScalar(JsonNode want, JsonNode got) {
        if (want.isNumber() && got.isNumber()) {
            return want.decimalValue().compareTo(got.decimalValue()) == 0;
        }
        return want.equals(got);
    }

    // ---- reading the Markdown -----------------------------------------------------------------------------------

    static Page page(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        String name = ROOT.relativize(file).toString();
        Page page = new Page(name, new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        String marker = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.startsWith("<!-- examples:")) {
                if (!line.startsWith(NOT_RUN) && !line.equals(PLAIN_APP_LOG) && !line.equals(SAMPLE_LOG)) {
                    page.problems().add(name + ":" + (i + 1) + " unknown marker " + line);
                }
                marker = line;
                continue;
            }
            Matcher fence = FENCE.matcher(line);
            if (!fence.matches()) {
                if (!line.isEmpty()) {
                    marker = null;
                }
                Matcher inline = INLINE.matcher(line);
                while (inline.find()) {
                    if (inline.group(1).contains("localhost")) {
                        try {
                            Curl.parse(inline.group(1));
                            page.examples().add(new Example(name, i + 1, inline.group(1), Answer.none()));
                        }
                        catch (IllegalArgumentException ex) {
                            page.problems().add(name + ":" + (i + 1) + " " + ex.getMessage());
                        }
                    }
                }
                continue;
            }
            String language = fence.group(1);
            int start = i;
            List<String> block = new ArrayList<>();
            for (i++; i < lines.size() && !lines.get(i).trim().startsWith("```"); i++) {
                block.add(lines.get(i));
            }
            String before = marker;
            marker = null;
            boolean notRun = before != null && before.startsWith(NOT_RUN);
            if (notRun) {
                continue;
            }
            if (isLog(block)) {
                if (!language.isEmpty() && !language.equals("text")) {
                    page.problems().add(name + ":" + (start + 1) + " a log excerpt in a " + language
                            + " block: make it a text block");
                }
                page.logs().add(new LogExcerpt(name, start + 1, PLAIN_APP_LOG.equals(before),
                        block.stream().filter(shown -> !shown.isBlank()).toList()));
                continue;
            }
            if (!(language.equals("sh") || language.equals("bash"))) {
                for (int j = 0; j < block.size(); j++) {
                    if (block.get(j).trim().startsWith("curl ")) {
                        page.problems().add(name + ":" + (start + 2 + j) + " a curl example in a "
                                + (language.isEmpty() ? "block without language" : language + " block")
                                + " is not run: make it a sh block, or mark it not run with the reason");
                    }
                }
                continue;
            }
            List<Example> inBlock = new ArrayList<>();
            for (int j = 0; j < block.size(); j++) {
                String command = block.get(j).trim();
                if (!command.startsWith("curl ")) {
                    if (command.matches(".*\\bcurl\\s.*") && !command.startsWith("#")) {
                        page.problems().add(name + ":" + (start + 2 + j) + " curl inside a command is not understood "
                                + "(only lines starting with curl are run): " + command);
                    }
                    continue;
                }
                int first = j;
                StringBuilder joined = new StringBuilder();
                while (command.endsWith("\\") && j + 1 < block.size()) {
                    joined.append(command, 0, command.length() - 1).append(' ');
                    command = block.get(++j).trim();
                }
                joined.append(command);
                String text = joined.toString();
                int at = start + 2 + first;
                try {
                    Curl.parse(withoutComment(text)); // what it cannot read fails the page, not one example
                    inBlock.add(new Example(name, at, withoutComment(text), commented(comment(text))));
                }
                catch (IllegalArgumentException ex) {
                    page.problems().add(name + ":" + at + " " + ex.getMessage());
                }
            }
            if (inBlock.size() == 1) {
                Example only = inBlock.get(0);
                try {
                    inBlock.set(0, new Example(name, only.line(), only.command(), following(lines, i + 1,
                            only.answer())));
                }
                catch (IllegalArgumentException ex) {
                    page.problems().add(name + ":" + only.line() + " " + ex.getMessage());
                }
            }
            for (Example example : inBlock) {
                Answer answer = example.answer();
                Integer status = answer.status();
                if (status == null) {
                    // A problem shown as the answer names its status.
                    status = answer.json().stream().filter(json -> json.path("type").asString("")
                            .startsWith("urn:sentro:problem:")).map(json -> json.path("status").asInt())
                            .findFirst().orElse(null);
                }
                page.examples().add(new Example(example.file(), example.line(), example.command(),
                        new Answer(status, answer.headers(), answer.contentTypes(), answer.json(), answer.text())));
            }
        }
        return page;
    }

    private static boolean isLog(List<String> block) {
        return block.stream().anyMatch(line -> LOG_LINE.matcher(line).matches());
    }

    /** What an example's comment says it answers: status, JSON excerpt, headers, content types. */
    static Answer commented(String comment) {
        Answer answer = Answer.none();
        Matcher status = STATUS.matcher(comment);
        Integer code = status.find() ? Integer.valueOf(status.group(1)) : null;
        String rest = comment;
        int open = jsonStart(rest);
        if (open >= 0) {
            int end = balancedEnd(rest, open);
            if (end < 0) {
                throw new IllegalArgumentException("the JSON in the comment is not closed: " + comment);
            }
            answer.json().add(Lenient.parse(rest.substring(open, end + 1)));
            rest = rest.substring(0, open) + rest.substring(end + 1);
        }
        Matcher header = HEADER.matcher(rest);
        List<int[]> spans = new ArrayList<>();
        while (header.find()) {
            String headerName = header.group(1);
            if (headerName.contains("-") || PLAIN_HEADERS.contains(headerName)) {
                spans.add(new int[] {header.start(), header.end()});
            }
        }
        StringBuilder withoutHeaders = new StringBuilder(rest.substring(0, spans.isEmpty() ? rest.length()
                : spans.get(0)[0]));
        for (int k = 0; k < spans.size(); k++) {
            int valueEnd = k + 1 < spans.size() ? spans.get(k + 1)[0] : rest.length();
            String value = rest.substring(spans.get(k)[1], valueEnd).trim().replaceFirst("[,;]$", "").trim();
            answer.headers().put(rest.substring(spans.get(k)[0], spans.get(k)[1] - 2), value);
        }
        Matcher type = CONTENT_TYPE.matcher(withoutHeaders);
        while (type.find()) {
            answer.contentTypes().add(type.group(1));
        }
        return new Answer(code, answer.headers(), answer.contentTypes(), answer.json(), null);
    }

    /** Where a JSON excerpt starts in a comment: its first {@code {}, or a {@code [} after a colon. */
    private static int jsonStart(String comment) {
        int brace = indexOutsideQuotes(comment, '{');
        Matcher array = Pattern.compile(":\\s*\\[").matcher(comment);
        int bracket = array.find() ? array.end() - 1 : -1;
        return brace < 0 ? bracket : bracket < 0 ? brace : Math.min(brace, bracket);
    }

    private static int balancedEnd(String text, int open) {
        int depth = 0;
        boolean inString = false;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                }
                else if (c == '"') {
                    inString = false;
                }
            }
            else if (c == '"') {
                inString = true;
            }
            else if (c == '{' || c == '[') {
                depth++;
            }
            else if ((c == '}' || c == ']') && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The answer with what the block right after a shell block (blank lines aside) shows: a {@code json} block, an
     * {@code http} answer (status line, headers, body) or a {@code text} body that is not a log.
     */
    private static Answer following(List<String> lines, int from, Answer answer) {
        int i = from;
        while (i < lines.size() && lines.get(i).isBlank()) {
            i++;
        }
        Matcher fence = i < lines.size() ? FENCE.matcher(lines.get(i).trim()) : null;
        if (fence == null || !fence.matches()) {
            return answer;
        }
        String language = fence.group(1);
        int opened = i + 1;
        List<String> block = new ArrayList<>();
        for (i++; i < lines.size() && !lines.get(i).trim().startsWith("```"); i++) {
            block.add(lines.get(i));
        }
        List<JsonNode> json = new ArrayList<>(answer.json());
        switch (language) {
            case "json" -> {
                json.add(Lenient.parse(String.join("\n", block)));
                return new Answer(answer.status(), answer.headers(), answer.contentTypes(), json, answer.text());
            }
            case "text" -> {
                return isLog(block) ? answer
                        : new Answer(answer.status(), answer.headers(), answer.contentTypes(), json, block);
            }
            case "http" -> {
                Matcher status = block.isEmpty() ? null : HTTP_STATUS.matcher(block.get(0).trim());
                if (status == null || !status.matches()) {
                    return answer; // a request, not an answer
                }
                Map<String, String> headers = new LinkedHashMap<>(answer.headers());
                int j = 1;
                for (; j < block.size() && !block.get(j).isBlank(); j++) {
                    String header = block.get(j).trim();
                    int colon = header.indexOf(':');
                    if (colon < 0) {
                        throw new IllegalArgumentException("line " + (opened + j + 1) + " is not a header: " + header);
                    }
                    headers.put(header.substring(0, colon).trim(), header.substring(colon + 1).trim());
                }
                List<String> body = block.subList(Math.min(j + 1, block.size()), block.size());
                String first = body.stream().filter(line -> !line.isBlank()).findFirst().orElse("").trim();
                List<String> text = answer.text();
                if (first.startsWith("{") || first.startsWith("[")) {
                    json.add(Lenient.parse(String.join("\n", body)));
                }
                else if (!first.isEmpty()) {
                    text = body;
                }
                return new Answer(answer.status() != null ? answer.status() : Integer.valueOf(status.group(1)),
                        headers, answer.contentTypes(), json, text);
            }
            default -> {
                return answer;
            }
        }
    }

    /** The text after an unquoted {@code #}. */
    private static String comment(String command) {
        int at = commentStart(command);
        return at < 0 ? "" : command.substring(at);
    }

    private static String withoutComment(String command) {
        int at = commentStart(command);
        String text = at < 0 ? command : command.substring(0, at);
        // Pipes and redirections are the reader's business; the request is what is checked.
        int pipe = indexOutsideQuotes(text, '|');
        int redirect = indexOutsideQuotes(text, '>');
        int cut = Stream.of(pipe, redirect).filter(index -> index >= 0).min(Integer::compare).orElse(text.length());
        return text.substring(0, cut).trim();
    }

    private static int commentStart(String command) {
        int at = indexOutsideQuotes(command, '#');
        while (at > 0 && !Character.isWhitespace(command.charAt(at - 1))) {
            int next = indexOutsideQuotes(command.substring(at + 1), '#');
            at = next < 0 ? -1 : at + 1 + next;
        }
        return at;
    }

    private static int indexOutsideQuotes(String text, char wanted) {
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            }
            else if (c == '\'' || c == '"') {
                quote = c;
            }
            else if (c == wanted) {
                return i;
            }
        }
        return -1;
    }

    private static String abbreviate(String text) {
        return abbreviate(text, 300);
    }

    private static String abbreviate(String text, int length) {
        return text.length() > length ? text.substring(0, length) + "…" : text;
    }

    /**
     * JSON as the docs show it, with {@code ...} for what is left out, read into a tree {@link #compare} understands:
     * {@code ...} among array items becomes the item {@link #MORE_ITEMS}, as a member's value {@link #ANY_VALUE}, and
     * among object members nothing (a shown object is matched as a subset anyway). Inside strings it stays, a wildcard.
     */
    static final class Lenient {

        static final String MORE_ITEMS = "\u0000more items";
        static final String ANY_VALUE = "\u0000any value";

        private Lenient() {
        }

        static JsonNode parse(String text) {
            List<String> tokens = tokens(text);
            List<String> out = new ArrayList<>();
            List<Character> containers = new ArrayList<>();
            for (String token : tokens) {
                char c = token.charAt(0);
                if (token.equals("...") || token.equals("…")) {
                    boolean inArray = !containers.isEmpty() && containers.get(containers.size() - 1) == '[';
                    boolean afterColon = !out.isEmpty() && out.get(out.size() - 1).equals(":");
                    if (afterColon) {
                        out.add(JSON.writeValueAsString(ANY_VALUE));
                    }
                    else if (inArray) {
                        out.add(",");
                        out.add(JSON.writeValueAsString(MORE_ITEMS));
                        out.add(",");
                    }
                    continue;
                }
                if (c == '{' || c == '[') {
                    containers.add(c);
                }
                else if ((c == '}' || c == ']') && !containers.isEmpty()) {
                    containers.remove(containers.size() - 1);
                }
                out.add(token);
            }
            // Commas that "..." left doubled, leading or trailing.
            List<String> cleaned = new ArrayList<>();
            for (int i = 0; i < out.size(); i++) {
                String token = out.get(i);
                if (token.equals(",")) {
                    String previous = cleaned.isEmpty() ? "" : cleaned.get(cleaned.size() - 1);
                    String next = i + 1 < out.size() ? out.get(i + 1) : "";
                    if (previous.isEmpty() || previous.equals(",") || previous.equals("[") || previous.equals("{")
                            || next.equals("]") || next.equals("}") || next.equals(",")) {
                        continue;
                    }
                }
                cleaned.add(token);
            }
            String json = String.join("", cleaned);
            try {
                return JSON.readTree(json);
            }
            catch (RuntimeException ex) {
                throw new IllegalArgumentException("the JSON shown does not parse (" + ex.getMessage().lines()
                        .findFirst().orElse("") + "): " + abbreviate(text));
            }
        }

        /** Strings, punctuation, ellipses and other words (numbers, literals) of the text. */
        private static List<String> tokens(String text) {
            List<String> tokens = new ArrayList<>();
            int i = 0;
            while (i < text.length()) {
                char c = text.charAt(i);
                if (Character.isWhitespace(c)) {
                    i++;
                }
                else if (c == '"') {
                    int end = i + 1;
                    while (end < text.length() && text.charAt(end) != '"') {
                        end += text.charAt(end) == '\\' ? 2 : 1;
                    }
                    tokens.add(text.substring(i, Math.min(end + 1, text.length())));
                    i = end + 1;
                }
                else if ("{}[]:,".indexOf(c) >= 0) {
                    tokens.add(String.valueOf(c));
                    i++;
                }
                else if (text.startsWith("...", i)) {
                    tokens.add("...");
                    i += 3;
                }
                else if (c == '…') {
                    tokens.add("…");
                    i++;
                }
                else {
                    int end = i;
                    while (end < text.length() && !Character.isWhitespace(text.charAt(end))
                            && "{}[]:,\"".indexOf(text.charAt(end)) < 0 && !text.startsWith("...", end)) {
                        end++;
                    }
                    tokens.add(text.substring(i, end));
                    i = end;
                }
            }
            return tokens;
        }
    }

    /** The parts of a curl command line the examples use: -X, -H, -d, -i, -s and the URL. */
    record Curl(String method, String url, Map<String, String> headers, String data) {

        static Curl parse(String command) {
            List<String> words = words(command);
            Iterator<String> it = words.iterator();
            it.next(); // curl
            String method = null;
            String url = null;
            String data = null;
            Map<String, String> headers = new LinkedHashMap<>();
            while (it.hasNext()) {
                String word = it.next();
                switch (word) {
                    case "-X", "--request" -> method = it.next();
                    case "-H", "--header" -> {
                        String header = it.next();
                        int colon = header.indexOf(':');
                        headers.put(header.substring(0, colon).trim(), header.substring(colon + 1).trim());
                    }
                    case "-d", "--data", "--data-raw" -> data = it.next();
                    case "-i", "-s", "-si", "-is", "-sS" -> {
                    }
                    default -> {
                        if (word.startsWith("-")) {
                            throw new IllegalArgumentException("curl option " + word + " is not understood: " + command);
                        }
                        if (url != null) {
                            throw new IllegalArgumentException("two URLs (" + url + ", " + word + "): " + command);
                        }
                        url = word;
                    }
                }
            }
            if (url == null) {
                throw new IllegalArgumentException("no URL in " + command);
            }
            return new Curl(method != null ? method : data != null ? "POST" : "GET", url, headers, data);
        }

        /** Shell words: single and double quotes, no expansion. */
        private static List<String> words(String command) {
            List<String> words = new ArrayList<>();
            StringBuilder word = new StringBuilder();
            boolean inWord = false;
            char quote = 0;
            for (int i = 0; i < command.length(); i++) {
                char c = command.charAt(i);
                if (quote != 0) {
                    if (c == quote) {
                        quote = 0;
                    }
                    else {
                        word.append(c);
                    }
                }
                else if (c == '\'' || c == '"') {
                    quote = c;
                    inWord = true;
                }
                else if (Character.isWhitespace(c)) {
                    if (inWord) {
                        words.add(word.toString());
                        word.setLength(0);
                        inWord = false;
                    }
                }
                else {
                    word.append(c);
                    inWord = true;
                }
            }
            if (inWord) {
                words.add(word.toString());
            }
            return words;
        }
    }
}
