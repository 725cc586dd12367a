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
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The data console as the people who manage the blog meet it, in headless Chromium on the sample app: sign in, list
 * the posts with their display names, filter, sort, page, open a post with its comments, create (a missing field
 * first), edit, delete, approve a comment, export to Markdown, a hostile value shown as text, and a read-only key that
 * sees no edit controls; an action that takes a body (the shop's "Adjust Inventory") asks for it; the sign-in page's
 * hint, a table without a display name under its humanised name, and decimals with their column's scale. A screenshot
 * of each step is saved under target/console/. Skipped, saying so, where Debian's chromium and chromium-driver are not
 * installed ({@code .ci/run} installs them).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleBrowserTests {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    private static final Path SHOTS = Path.of("target", "console");

    private ConfigurableApplicationContext app;
    private WebDriver browser;
    private WebDriverWait wait;
    private String base;
    private Path downloads;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start() throws Exception {
        Assumptions.assumeTrue(CHROMIUM.canExecute() && CHROMEDRIVER.canExecute(),
                "Console browser tests skipped: /usr/bin/chromium and /usr/bin/chromedriver are not installed "
                        + "(apt-get install chromium chromium-driver)");
        app = SpringApplication.run(SampleApplication.class, "--server.port=0", "--spring.main.banner-mode=off");
        base = "http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort();
        Files.createDirectories(SHOTS);
        downloads = Files.createTempDirectory("sentro-downloads");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
                "--no-first-run", "--window-size=1400,1100",
                "--user-data-dir=" + Files.createTempDirectory("sentro-chromium"));
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (app != null) {
            app.close();
        }
    }

    @Test
    void managesTheBlogFromTheConsole() throws Exception {
        // Sign in with the admin's key.
        browser.get(base + "/sentro");
        WebElement credential = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("credential")));
        // The sample's sign-in hint (sentro.console.sign-in-hint) names its demo keys.
        assertThat(text(By.id("sign-in-hint"))).startsWith("Demo keys: admin-demo-key (everything)")
            .contains("acme-demo-key", "globex-demo-key", "viewer-demo-key (reads only)");
        credential.sendKeys("admin-demo-key");
        shot("01-sign-in");
        browser.findElement(By.cssSelector("#sign-in button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.linkText("Blog Posts")));
        shot("02-tables");

        // A table no customizer renamed is listed under its name made readable; its URL keeps the name.
        WebElement orderItems = browser.findElement(By.cssSelector(".console-nav a[href='#/t/order_items']"));
        assertThat(orderItems.getText()).isEqualTo("Order items");
        orderItems.click();
        wait.until(ExpectedConditions.textToBe(By.id("list-title"), "Order items"));
        assertThat(browser.getCurrentUrl()).endsWith("#/t/order_items");
        // Decimals keep their column's scale: numeric(10,2) 149.00 is not 149.
        wait.until(driver -> column("unit_price").stream().sorted().toList().equals(List.of("149.00", "7.50")));
        browser.get(base + "/sentro#/t/order_items/r/1");
        wait.until(ExpectedConditions.textToBe(By.cssSelector("dd[data-column=unit_price]"), "149.00"));
        assertThat(browser.findElement(By.cssSelector("nav[aria-label=Breadcrumb] a")).getText())
            .isEqualTo("Order items");
        assertThat(text(By.id("detail-title"))).isEqualTo("Order items 1");
        browser.get(base + "/sentro#/t/products?sort=id");
        wait.until(ExpectedConditions.textToBe(By.id("list-title"), "Product Catalog"));
        wait.until(driver -> column("price").equals(List.of("149.00", "39.90", "7.50")));
        shot("02b-decimals");
        browser.get(base + "/sentro#/t/products/r/1/edit");
        WebElement price = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("field-price")));
        wait.until(driver -> "149.00".equals(price.getDomProperty("value")));
        browser.get(base + "/sentro#/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.linkText("Blog Posts")));

        // The posts, under their display names.
        browser.findElement(By.linkText("Blog Posts")).click();
        wait.until(ExpectedConditions.textToBe(By.id("list-title"), "Blog Posts"));
        waitForRows();
        assertThat(headings()).contains("Published Date", "title", "status", "views");
        assertThat(text(By.id("count"))).isEqualTo("5 rows");
        shot("03-posts");

        // Computed display fields are columns too.
        browser.findElement(By.linkText("Blog Authors")).click();
        wait.until(ExpectedConditions.textToBe(By.id("list-title"), "Blog Authors"));
        waitForRows();
        assertThat(headings()).contains("Email Address", "Joined Date", "fullName");
        assertThat(column("fullName")).contains("Ada Lovelace", "Alan Turing");
        browser.findElement(By.linkText("Blog Posts")).click();
        wait.until(ExpectedConditions.textToBe(By.id("list-title"), "Blog Posts"));
        waitForRows();

        // Filter by status.
        browser.findElement(By.cssSelector("details > summary")).click();
        new Select(browser.findElement(By.id("filter-status"))).selectByValue("published");
        browser.findElement(By.cssSelector("#filters button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBe(By.id("count"), "3 rows"));
        assertThat(column("status")).containsOnly("published");
        assertThat(browser.getCurrentUrl()).contains("where.status.eq=published");
        shot("04-filtered");

        // Sort by clicking a heading: ascending, then descending.
        sortBy("views");
        wait.until(driver -> column("views").equals(List.of("75", "120", "300")));
        assertThat(browser.findElement(By.cssSelector("th[data-column=views]")).getDomAttribute("aria-sort"))
            .isEqualTo("ascending");
        sortBy("views");
        wait.until(driver -> column("views").equals(List.of("300", "120", "75")));
        shot("05-sorted");

        // The keyboard alone: Enter on a heading sorts by it, Enter in the search box searches.
        browser.findElement(By.cssSelector("th[data-column=title] button")).sendKeys(Keys.ENTER);
        wait.until(driver -> column("title").equals(List.of("Hello again: compilers", "Hello, world",
                "On computable numbers")));
        WebElement search = browser.findElement(By.id("search"));
        search.sendKeys("COMPILER" + Keys.ENTER);
        wait.until(ExpectedConditions.textToBe(By.id("count"), "1 row"));
        assertThat(column("title")).containsExactly("Hello again: compilers");

        // Page through two rows at a time, with keyset cursors.
        browser.get(base + "/sentro#/t/posts?sort=id&limit=2");
        wait.until(driver -> column("id").equals(List.of("1", "2")));
        browser.findElement(By.id("next-page")).click();
        wait.until(driver -> column("id").equals(List.of("3", "4")));
        assertThat(browser.findElements(By.id("first-page"))).hasSize(1);
        shot("06-page-2");

        // A post with its comments.
        browser.get(base + "/sentro#/t/posts/r/1");
        WebElement comments = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("table[data-relation=comments]")));
        assertThat(comments.getText()).contains("Welcome!").contains("Great start.");
        assertThat(text(By.cssSelector("dd[data-column=title]"))).isEqualTo("Hello, world");
        shot("07-post-with-comments");

        // Create: the API's error shows next to the field it names; then a valid post.
        browser.get(base + "/sentro#/t/posts/new");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("field-content"))).sendKeys("Written in the console");
        browser.findElement(By.id("save-row")).click();
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".field-error")));
        WebElement erring = error.findElement(By.xpath("ancestor::div[@data-column]"));
        assertThat(erring.getDomAttribute("data-column")).isIn("user_id", "title");
        assertThat(erring.findElement(By.cssSelector("[aria-invalid=true]")).getDomAttribute("id"))
            .isEqualTo("field-" + erring.getDomAttribute("data-column"));
        assertThat(error.getText()).containsIgnoringCase(erring.getDomAttribute("data-column"));
        shot("08-create-missing-field");
        browser.findElement(By.id("field-user_id")).sendKeys("2");
        browser.findElement(By.id("field-title")).sendKeys("Made in the console");
        browser.findElement(By.id("save-row")).click();
        wait.until(ExpectedConditions.textToBe(By.id("notice"), "Created"));
        assertThat(text(By.cssSelector("dd[data-column=slug]"))).isEqualTo("made-in-the-console");
        String created = browser.getCurrentUrl().replaceAll(".*/r/", "");
        shot("09-created");

        // Edit it.
        browser.findElement(By.id("edit-row")).click();
        WebElement title = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("field-title")));
        wait.until(driver -> !title.getDomProperty("value").isEmpty());
        title.clear();
        title.sendKeys("Edited in the console");
        browser.findElement(By.id("save-row")).click();
        wait.until(ExpectedConditions.textToBe(By.id("notice"), "Saved"));
        assertThat(text(By.cssSelector("dd[data-column=title]"))).isEqualTo("Edited in the console");
        shot("10-edited");

        // Delete it, after confirming.
        browser.findElement(By.id("delete-row")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm-delete")));
        shot("11-confirm-delete");
        browser.findElement(By.id("confirm-delete-button")).click();
        wait.until(ExpectedConditions.textToBe(By.id("notice"), "Deleted"));
        assertThat(api("GET", "/api/posts/" + created, "admin-demo-key").statusCode()).isEqualTo(404);

        // Approve a comment held for moderation.
        HttpResponse<String> held = api("POST", "/api/comments", "admin-demo-key",
                "{\"post_id\": 1, \"author_name\": \"Spammer\", \"text\": \"Win the lottery\"}");
        assertThat(held.body()).contains("\"status\":\"pending\"");
        String comment = held.body().replaceAll("(?s).*\"id\":(\\d+).*", "$1");
        browser.get(base + "/sentro#/t/comments/r/" + comment);
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[data-action=approve-comment]")))
            .click();
        wait.until(ExpectedConditions.textToBe(By.id("notice"), "Approve Comment: Comment approved"));
        wait.until(driver -> text(By.cssSelector("dd[data-column=status]")).equals("approved"));
        shot("12-comment-approved");

        // Export the posts to Markdown: the file downloads under its name.
        browser.get(base + "/sentro#/t/posts?sort=id");
        waitForRows();
        browser.findElement(By.cssSelector("button[data-action=export-markdown]")).click();
        wait.until(ExpectedConditions.textToBe(By.id("notice"), "Export to Markdown: downloaded blog-posts.md"));
        Path file = downloads.resolve("blog-posts.md");
        wait.until(driver -> Files.exists(file));
        assertThat(Files.readString(file)).contains("# Hello, world");
        shot("13-exported");

        // An action that takes a body asks for it in a form: the action's own refusals show, then it runs.
        browser.get(base + "/sentro#/t/products/r/1");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[data-action=adjust-inventory]")))
            .click();
        WebElement adjustment = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.id("action-adjust-inventory-adjustment")));
        adjustment.sendKeys("-30");
        browser.findElement(By.cssSelector("[data-action-form=adjust-inventory] button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBe(By.id("notice"),
                "Adjust Inventory: Stock cannot go below zero (it is 25)"));
        adjustment.clear();
        adjustment.sendKeys("5");
        shot("14-action-input");
        browser.findElement(By.cssSelector("[data-action-form=adjust-inventory] button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBe(By.id("notice"), "Adjust Inventory: Stock adjusted by 5"));
        wait.until(driver -> text(By.cssSelector("dd[data-column=stock]")).equals("30"));

        // A hostile value is text, never markup.
        HttpResponse<String> hostile = api("POST", "/api/posts", "admin-demo-key",
                "{\"user_id\": 1, \"title\": \"<img src=x onerror=alert(1)>\"}");
        String hostileId = hostile.body().replaceAll("(?s).*\"id\":(\\d+).*", "$1");
        browser.get(base + "/sentro#/t/posts/r/" + hostileId);
        wait.until(ExpectedConditions.textToBe(By.cssSelector("dd[data-column=title]"), "<img src=x onerror=alert(1)>"));
        assertThat(browser.findElements(By.cssSelector("img"))).isEmpty();
        assertThat(((JavascriptExecutor) browser).executeScript("return document.querySelectorAll('img').length"))
            .isEqualTo(0L);
        shot("15-hostile-value-as-text");

        // A read-only key: no edit controls and no actions anywhere (actions follow the update rule).
        browser.findElement(By.id("sign-out")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("credential"))).sendKeys("viewer-demo-key");
        browser.findElement(By.cssSelector("#sign-in button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.linkText("Blog Posts"))).click();
        waitForRows();
        assertThat(browser.findElements(By.id("new-row"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("button[data-action=export-markdown]"))).isEmpty();
        browser.get(base + "/sentro#/t/posts/r/1");
        wait.until(ExpectedConditions.textToBe(By.cssSelector("dd[data-column=title]"), "Hello, world"));
        assertThat(browser.findElements(By.id("edit-row"))).isEmpty();
        assertThat(browser.findElements(By.id("delete-row"))).isEmpty();
        shot("16-read-only");
        browser.get(base + "/sentro#/t/comments/r/1");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("dd[data-column=text]")));
        assertThat(browser.findElements(By.cssSelector("button[data-action=approve-comment]"))).isEmpty();
        browser.findElement(By.linkText("Product Catalog")).click();
        waitForRows();
        assertThat(browser.findElements(By.id("new-row"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("button[data-action]"))).isEmpty();

        // Nothing was fetched from anywhere but the application itself: no CDN, no font service.
        assertThat((List<?>) ((JavascriptExecutor) browser).executeScript("return performance.getEntriesByType("
                + "'resource').map(entry => entry.name).filter(name => !name.startsWith(location.origin))")).isEmpty();

        // On a phone's width the navigation stacks above the rows, and nothing but the rows' table scrolls sideways.
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(420, 900));
        browser.get(base + "/sentro#/t/posts");
        waitForRows();
        assertThat(((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth <= document.documentElement.clientWidth")).isEqualTo(true);
        shot("17-narrow");
    }

    private void waitForRows() {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#rows tbody tr")));
    }

    private void sortBy(String column) {
        browser.findElement(By.cssSelector("th[data-column=" + column + "] button")).click();
    }

    private List<String> headings() {
        return browser.findElements(By.cssSelector("#rows thead th")).stream().map(WebElement::getText)
                .map(heading -> heading.replaceAll("[▲▼]", "").trim()).toList();
    }

    /** The texts of a column's cells, read in one go (the list re-renders while the test waits). */
    @SuppressWarnings("unchecked")
    private List<String> column(String name) {
        return (List<String>) ((JavascriptExecutor) browser).executeScript("return [...document.querySelectorAll("
                + "'#rows tbody td[data-column=\"' + arguments[0] + '\"]')].map(cell => cell.textContent)", name);
    }

    private String text(By by) {
        try {
            return browser.findElement(by).getText();
        }
        catch (org.openqa.selenium.StaleElementReferenceException | org.openqa.selenium.NoSuchElementException ex) {
            return "";
        }
    }

    private void shot(String name) throws Exception {
        Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), SHOTS.resolve(name + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    private HttpResponse<String> api(String method, String path, String key, String... body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("X-API-Key", key)
                .header("Content-Type", "application/json");
        request.method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body[0]));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
