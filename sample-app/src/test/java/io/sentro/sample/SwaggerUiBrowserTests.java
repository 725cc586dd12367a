package io.sentro.sample;

import java.io.File;
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
import org.openqa.selenium.WebElement;
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
 * Swagger UI as a user meets it, in headless Chromium: open it, expand "GET /api/posts", "Try it out", "Execute",
 * and see rows. Leaves a screenshot at target/swagger-ui.png. Skipped, saying so, where Debian's chromium and
 * chromium-driver are not installed ({@code .ci/run} installs them).
 */
class SwaggerUiBrowserTests {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

    @Test
    void listsPostsFromSwaggerUi() throws Exception {
        Assumptions.assumeTrue(CHROMIUM.canExecute() && CHROMEDRIVER.canExecute(),
                "Swagger UI browser test skipped: /usr/bin/chromium and /usr/bin/chromedriver are not installed "
                        + "(apt-get install chromium chromium-driver)");
        Path profile = Files.createTempDirectory("sentro-chromium");
        try (ConfigurableApplicationContext context = SpringApplication.run(SampleApplication.class, "--server.port=0",
                "--spring.main.banner-mode=off")) {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM);
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-quic", "--no-first-run", "--window-size=1400,2000", "--user-data-dir=" + profile);
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                    .usingAnyFreePort().build();
            WebDriver browser = new ChromeDriver(service, options);
            try {
                browser.get("http://127.0.0.1:" + port + "/swagger-ui.html");
                WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
                // Authorize with the sample's demo key, as a user would: the document declares the X-API-Key scheme.
                wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".auth-wrapper .authorize"))).click();
                WebElement keyInput = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
                        ".modal-ux .auth-container input[type=text], .modal-ux .auth-container input:not([type])")));
                keyInput.sendKeys("admin-demo-key");
                browser.findElement(By.cssSelector(".modal-ux .auth-container .auth-btn-wrapper .authorize")).click();
                wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".modal-ux .btn-done"))).click();
                WebElement listPosts = wait.until(ExpectedConditions.elementToBeClickable(
                        By.cssSelector("#operations-Blog_Posts-listPosts .opblock-summary-control")));
                listPosts.click();
                WebElement operation = browser.findElement(By.id("operations-Blog_Posts-listPosts"));
                wait.until(ExpectedConditions.elementToBeClickable(operation.findElement(By.cssSelector(".try-out__btn"))))
                        .click();
                wait.until(ExpectedConditions.elementToBeClickable(operation.findElement(By.cssSelector(".execute"))))
                        .click();
                WebElement body = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
                        "#operations-Blog_Posts-listPosts .live-responses-table .response-col_description pre")));
                wait.until(driver -> body.getText().contains("\"rows\""));
                String status = operation.findElement(By.cssSelector(".live-responses-table tbody .response-col_status"))
                        .getText();
                ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                        "arguments[0].scrollIntoView({block: 'center'})", body);
                Path screenshot = Path.of("target", "swagger-ui.png");
                Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), screenshot,
                        StandardCopyOption.REPLACE_EXISTING);
                assertThat(status).contains("200");
                assertThat(body.getText()).contains("Hello, world").contains("\"total\"");
                assertThat(Files.size(screenshot)).isPositive();
            }
            finally {
                browser.quit();
            }
        }
    }
}
