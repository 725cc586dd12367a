package io.sentro.sample;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's live page of posts in headless Chromium: it connects to the change stream, and a post created and then
 * updated through the API shows up there, in order, as it commits; a refused create shows nothing. Leaves a
 * screenshot at target/live-posts.png. Skipped, saying so, without Debian's chromium and chromium-driver.
 */
class LivePostsBrowserTests {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

    @Test
    void showsPostChangesAsTheyCommit() throws Exception {
        Assumptions.assumeTrue(CHROMIUM.canExecute() && CHROMEDRIVER.canExecute(),
                "Live page browser test skipped: /usr/bin/chromium and /usr/bin/chromedriver are not installed");
        try (ConfigurableApplicationContext context = SpringApplication.run(SampleApplication.class, "--server.port=0",
                "--spring.main.banner-mode=off")) {
            String base = "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM);
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--no-first-run", "--window-size=1000,800",
                    "--user-data-dir=" + Files.createTempDirectory("sentro-chromium"));
            WebDriver browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                    .usingAnyFreePort().build(), options);
            try {
                WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
                browser.get(base + "/live.html");
                wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#connect button"))).click();
                wait.until(ExpectedConditions.textToBe(By.id("status"), "Connected"));

                HttpClient http = HttpClient.newHttpClient();
                HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base + "/api/posts"))
                        .header("X-API-Key", "admin-demo-key").header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"user_id\": 1, \"title\": \"Live from the API\"}"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertThat(created.statusCode()).isEqualTo(201);
                String id = created.body().replaceAll("(?s).*\"id\":(\\d+).*", "$1");
                HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create(base + "/api/posts"))
                        .header("X-API-Key", "admin-demo-key").header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"user_id\": 999, \"title\": \"Never committed\"}"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertThat(refused.statusCode()).isEqualTo(409);
                http.send(HttpRequest.newBuilder(URI.create(base + "/api/posts/" + id))
                        .header("X-API-Key", "admin-demo-key").header("Content-Type", "application/json")
                        .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"title\": \"Live, edited\"}"))
                        .build(), HttpResponse.BodyHandlers.ofString());

                wait.until(driver -> driver.findElements(By.cssSelector("#changes li")).size() == 2);
                assertThat(browser.findElements(By.cssSelector("#changes li")).stream().map(item -> item.getText())
                        .toList()).containsExactly("update post " + id + ": Live, edited",
                                "create post " + id + ": Live from the API");
                assertThat(browser.findElement(By.id("changes")).getText()).doesNotContain("Never committed");
                Path screenshot = Path.of("target", "live-posts.png");
                Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), screenshot,
                        StandardCopyOption.REPLACE_EXISTING);
            }
            finally {
                browser.quit();
            }
        }
    }
}
