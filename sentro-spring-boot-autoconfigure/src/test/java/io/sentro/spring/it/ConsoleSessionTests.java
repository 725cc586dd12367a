package io.sentro.spring.it;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.sentro.spring.it.FixtureDatabases.Dialect;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console for a browser signed in by the application's own login (Spring Boot's form login here): the API reads
 * the session, the console's page hands over the CSRF token its writes need, and a write without it is refused.
 * A visitor without a session gets no token and no session.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OnDatabase.Condition.class)
@OnDatabase(Dialect.POSTGRES)
class ConsoleSessionTests {

    private static final Pattern HIDDEN_CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern META = Pattern.compile("<meta name=\"(sentro-csrf(?:-header)?)\" content=\"([^\"]+)\">");

    private RunningApp app;
    private String base;

    @BeforeAll
    void start() {
        FixtureDatabase database = FixtureDatabases.of(Dialect.POSTGRES);
        database.resetRows();
        app = RunningApp.start(PlainApplication.class, database, "sentro.console.enabled=true",
                "spring.security.user.name=editor", "spring.security.user.password=editor-secret",
                "spring.security.user.roles=EDITOR");
        base = app.api().origin();
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aBrowserSignedInByTheApplicationWritesWithTheTokenThePageHandsOver() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String login = send(browser, "GET", "/login", null, null).body();
        Matcher hidden = HIDDEN_CSRF.matcher(login);
        assertThat(hidden.find()).as(login).isTrue();
        HttpResponse<String> signedIn = send(browser, "POST", "/login", "application/x-www-form-urlencoded",
                "username=editor&password=editor-secret&_csrf=" + URLEncoder.encode(hidden.group(1), StandardCharsets.UTF_8));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");

        // The session authenticates reads...
        assertThat(send(browser, "GET", "/api/posts", null, null).statusCode()).isEqualTo(200);
        // ...and writes only with the session's CSRF token, which the console's page carries.
        HttpResponse<String> forged = send(browser, "POST", "/api/labels", "application/json", "{\"name\": \"forged\"}");
        assertThat(forged.statusCode()).isEqualTo(403);
        String page = send(browser, "GET", "/sentro", null, null).body();
        Matcher meta = META.matcher(page);
        String header = null;
        String token = null;
        while (meta.find()) {
            if (meta.group(1).equals("sentro-csrf-header")) {
                header = meta.group(2);
            }
            else {
                token = meta.group(2);
            }
        }
        assertThat(header).as(page).isEqualTo("X-CSRF-TOKEN");
        assertThat(token).isNotBlank();
        HttpRequest write = HttpRequest.newBuilder(URI.create(base + "/api/labels"))
                .header("Content-Type", "application/json").header(header, token)
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"from the console\"}")).build();
        HttpResponse<String> written = browser.send(write, HttpResponse.BodyHandlers.ofString());
        assertThat(written.statusCode()).as(written.body()).isEqualTo(201);
    }

    @Test
    void aVisitorWithoutASessionGetsNoTokenAndNoSession() throws Exception {
        HttpResponse<String> page = send(HttpClient.newHttpClient(), "GET", "/sentro", null, null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("sentro-csrf");
        assertThat(page.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(page.headers().firstValue("Content-Security-Policy").orElse("")).contains("script-src 'self'");
    }

    private HttpResponse<String> send(HttpClient client, String method, String path, String type, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
        if (type != null) {
            request.header("Content-Type", type);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
