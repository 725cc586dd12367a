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
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code curl} example of README.md and docs/, run as written against the sample app, in document order, on a
 * fresh sample per file (its embedded database starts from the seeds each time):
 * <ul>
 * <li>the status is the one a trailing comment names ({@code # 201}, {@code # 400 ...}), or the {@code status} of a
 * problem shown as the answer, else any 2xx;</li>
 * <li>when a {@code json} block follows a block with one example, the answer matches it: every member it shows,
 * recursively (timestamps aside; arrays of named or identified objects matched by name or id).</li>
 * </ul>
 * A {@code <!-- examples: not run (reason) -->} comment just before a block leaves it out (a placeholder key, say).
 */
class DocumentationExamplesTests {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern FENCE = Pattern.compile("^```(\\w*)\\s*$");
    private static final Pattern STATUS = Pattern.compile("#\\s*(\\d{3})\\b");
    private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T.*");

    /** One curl example: where it is, the command as written, and what the docs say it answers. */
    record Example(String file, int line, String command, Integer status, JsonNode answer) {
    }

    @TestFactory
    Stream<DynamicContainer> everyCurlExampleRunsAsWritten() throws IOException {
        List<Path> files = new ArrayList<>();
        files.add(ROOT.resolve("README.md"));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(path -> path.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        List<DynamicContainer> containers = new ArrayList<>();
        for (Path file : files) {
            List<Example> examples = examples(file);
            if (!examples.isEmpty()) {
                containers.add(DynamicContainer.dynamicContainer(ROOT.relativize(file).toString(),
                        Stream.of(DynamicTest.dynamicTest(examples.size() + " examples", () -> run(examples)))));
            }
        }
        assertThat(containers).as("the docs have curl examples").isNotEmpty();
        return containers.stream();
    }

    private static void run(List<Example> examples) throws Exception {
        try (ConfigurableApplicationContext context = SpringApplication.run(SampleApplication.class, "--server.port=0",
                "--spring.main.banner-mode=off")) {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            HttpClient http = HttpClient.newHttpClient();
            List<String> failures = new ArrayList<>();
            for (Example example : examples) {
                String failure = check(http, port, example);
                if (failure != null) {
                    failures.add(example.file() + ":" + example.line() + " " + example.command() + "\n    " + failure);
                }
            }
            assertThat(failures).as("examples that do not answer as documented").isEmpty();
        }
    }

    private static String check(HttpClient http, int port, Example example) throws Exception {
        Curl curl = Curl.parse(example.command());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(curl.url()
                .replace("localhost:8080", "127.0.0.1:" + port).replaceFirst("^(?!http)", "http://")));
        curl.headers().forEach((name, value) -> request.header(name, value));
        if (curl.data() != null && !curl.headers().containsKey("Content-Type")) {
            request.header("Content-Type", "application/x-www-form-urlencoded");
        }
        request.method(curl.method(), curl.data() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(curl.data()));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        boolean statusOk = example.status() != null ? response.statusCode() == example.status()
                : response.statusCode() / 100 == 2;
        if (!statusOk) {
            return "status " + response.statusCode() + ", documented " + (example.status() != null
                    ? example.status() : "2xx") + ": " + abbreviate(response.body());
        }
        if (example.answer() == null) {
            return null;
        }
        JsonNode actual;
        try {
            actual = JSON.readTree(response.body());
        }
        catch (RuntimeException ex) {
            return "answer is not JSON: " + abbreviate(response.body());
        }
        return compare(example.answer(), actual);
    }

    /**
     * Whether the answer says what the docs show: every documented member, recursively (timestamps aside, since
     * they differ per run). Arrays of objects with an {@code id} or {@code name} are matched by it ({@code rows} must
     * also have the same ids in the same order); other arrays element by element. Null when they match.
     */
    private static String compare(JsonNode expected, JsonNode actual) {
        return compare(expected, actual, "");
    }

    private static String compare(JsonNode want, JsonNode got, String path) {
        if (want.isValueNode()) {
            if (want.isString() && TIMESTAMP.matcher(want.asString()).matches()) {
                return null;
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
                        path.isEmpty() ? member.getKey() : path + "." + member.getKey());
                if (failure != null) {
                    return failure;
                }
            }
            return null;
        }
        String key = want.size() > 0 && want.get(0).isObject()
                ? want.get(0).has("id") ? "id" : want.get(0).has("name") ? "name" : null : null;
        if (path.equals("rows") || key == null) {
            if (got.size() != want.size()) {
                return "'" + path + "' has " + got.size() + " items, documented " + want.size();
            }
            for (int i = 0; i < want.size(); i++) {
                String failure = compare(want.get(i), got.get(i), path + "[" + i + "]");
                if (failure != null) {
                    return failure;
                }
            }
            return null;
        }
        for (JsonNode item : want) {
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
            String failure = compare(item, match, where);
            if (failure != null) {
                return failure;
            }
        }
        return null;
    }

    private static boolean sameScalar(JsonNode want, JsonNode got) {
        if (want.isNumber() && got.isNumber()) {
            return want.decimalValue().compareTo(got.decimalValue()) == 0;
        }
        return want.equals(got);
    }

    // ---- reading the Markdown -----------------------------------------------------------------------------------

    static List<Example> examples(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        String name = ROOT.relativize(file).toString();
        List<Example> examples = new ArrayList<>();
        String skip = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.startsWith("<!-- examples: not run")) {
                skip = line;
                continue;
            }
            Matcher fence = FENCE.matcher(line);
            if (!fence.matches() || !(fence.group(1).equals("sh") || fence.group(1).equals("bash"))) {
                if (!line.isEmpty()) {
                    skip = null;
                }
                continue;
            }
            int start = i;
            List<String> block = new ArrayList<>();
            for (i++; i < lines.size() && !lines.get(i).trim().startsWith("```"); i++) {
                block.add(lines.get(i));
            }
            if (skip != null) {
                skip = null;
                continue;
            }
            List<Example> inBlock = new ArrayList<>();
            for (int j = 0; j < block.size(); j++) {
                String command = block.get(j).trim();
                if (!command.startsWith("curl ")) {
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
                Matcher status = STATUS.matcher(comment(text));
                inBlock.add(new Example(name, start + 2 + first, withoutComment(text),
                        status.find() ? Integer.valueOf(status.group(1)) : null, null));
            }
            JsonNode answer = inBlock.size() == 1 ? followingJson(lines, i + 1) : null;
            for (Example example : inBlock) {
                // A problem shown as the answer names its status.
                Integer status = example.status() == null && answer != null && answer.path("type").asString("")
                        .startsWith("urn:sentro:problem:") ? Integer.valueOf(answer.path("status").asInt()) : example.status();
                examples.add(new Example(example.file(), example.line(), example.command(), status, answer));
            }
        }
        return examples;
    }

    /** The JSON block right after a shell block (blank lines aside), when there is one and it parses. */
    private static JsonNode followingJson(List<String> lines, int from) {
        int i = from;
        while (i < lines.size() && lines.get(i).isBlank()) {
            i++;
        }
        if (i >= lines.size() || !lines.get(i).trim().equals("```json")) {
            return null;
        }
        StringBuilder json = new StringBuilder();
        for (i++; i < lines.size() && !lines.get(i).trim().startsWith("```"); i++) {
            json.append(lines.get(i)).append('\n');
        }
        try {
            return JSON.readTree(json.toString());
        }
        catch (RuntimeException ex) {
            return null;
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
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
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
            Map<String, String> headers = new java.util.LinkedHashMap<>();
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
