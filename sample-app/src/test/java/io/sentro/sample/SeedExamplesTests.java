package io.sentro.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The five seed examples, end to end: the sample app on its embedded PostgreSQL, driven over HTTP, with the database
 * and the in-process integrations checked for what the seeds promise.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SeedExamplesTests {

    /** The sample's demo admin key. */
    private static final String KEY = "admin-demo-key";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ConfigurableApplicationContext context;
    private final HttpClient http = HttpClient.newHttpClient();
    private String origin;
    private JdbcTemplate jdbc;

    @BeforeAll
    void start() {
        context = SpringApplication.run(SampleApplication.class, "--server.port=0", "--spring.main.banner-mode=off");
        origin = "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
        jdbc = new JdbcTemplate(context.getBean(DataSource.class));
    }

    @AfterAll
    void stop() {
        context.close();
    }

    // ---- blog ---------------------------------------------------------------------------------------------------

    @Test
    void blogHashesPasswordsAndNeverReturnsThem() throws Exception {
        HttpResponse<String> created = send("POST", "/api/users", "{\"first_name\":\"Bob\",\"last_name\":\"Ross\","
                + "\"email\":\"bob@example.com\",\"password\":\"happy-little-trees\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode user = JSON.readTree(created.body());
        assertThat(user.has("password")).isFalse();
        assertThat(user.get("fullName").asString()).isEqualTo("Bob Ross");
        String hash = jdbc.queryForObject("SELECT password FROM users WHERE email = 'bob@example.com'", String.class);
        assertThat(hash).startsWith("$2a$10$").doesNotContain("happy-little-trees");
        assertThat(new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder()
                .matches("happy-little-trees", hash)).isTrue();
        assertThat(get("/api/users").body()).doesNotContain("password").doesNotContain("$2a$");
        assertThat(get("/api/users/" + user.get("id").asLong()).body()).doesNotContain("password");
        HttpResponse<String> patched = send("PATCH", "/api/users/" + user.get("id").asLong(), "{\"password\":\"new\"}");
        assertThat(patched.body()).doesNotContain("password");
        assertThat(jdbc.queryForObject("SELECT password FROM users WHERE email = 'bob@example.com'", String.class))
                .startsWith("$2a$");
    }

    @Test
    void blogGeneratesSlugsAndTimestamps() throws Exception {
        JsonNode post = json(send("POST", "/api/posts", "{\"user_id\":1,\"title\":\"Why Sentro? A Review!\"}"), 201);
        assertThat(post.get("slug").asString()).isEqualTo("why-sentro-a-review");
        assertThat(post.get("updated_at").isNull()).isFalse();
        JsonNode renamed = json(send("PATCH", "/api/posts/" + post.get("id").asLong(), "{\"title\":\"Renamed, Again\"}"),
                200);
        assertThat(renamed.get("slug").asString()).isEqualTo("renamed-again");
    }

    @Test
    void blogHoldsSpamForModerationAndTheActionApprovesIt() throws Exception {
        JsonNode spam = json(send("POST", "/api/comments", "{\"post_id\":1,\"author_name\":\"Eve\","
                + "\"text\":\"Cheap VIAGRA here\"}"), 201);
        assertThat(spam.get("status").asString()).isEqualTo("pending");
        JsonNode fine = json(send("POST", "/api/comments", "{\"post_id\":1,\"author_name\":\"Ann\",\"text\":\"Nice\"}"),
                201);
        assertThat(fine.get("status").asString()).isEqualTo("approved");
        JsonNode approved = json(send("POST", "/api/comments/" + spam.get("id").asLong()
                + "/_actions/approve-comment", ""), 200);
        assertThat(approved.get("message").asString()).isEqualTo("Comment approved");
        assertThat(jdbc.queryForObject("SELECT status FROM comments WHERE id = ?", String.class,
                spam.get("id").asLong())).isEqualTo("approved");
        assertThat(send("POST", "/api/comments/999999/_actions/approve-comment", "").statusCode()).isEqualTo(404);
    }

    @Test
    void blogExportsPostsAsAMarkdownFile() throws Exception {
        HttpResponse<String> export = send("POST", "/api/posts/_actions/export-markdown", "{\"ids\":[1,2]}");
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/markdown"));
        assertThat(export.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                disposition -> assertThat(disposition).contains("attachment").contains("blog-posts.md"));
        assertThat(export.body()).startsWith("# Hello, world\n\nThe first post of this blog.\n\n---\n")
                .contains("# On computable numbers");
    }

    // ---- e-commerce ---------------------------------------------------------------------------------------------

    @Test
    void shopAdjustsInventoryAndShowsStockStatus() throws Exception {
        JsonNode lamp = json(get("/api/products/2"), 200);
        assertThat(lamp.get("stockStatus").asString()).isEqualTo("Low Stock");
        assertThat(lamp.get("formattedPrice").asString()).isEqualTo("$39.90");
        int stock = lamp.get("stock").asInt();
        JsonNode adjusted = json(send("POST", "/api/products/2/_actions/adjust-inventory", "{\"adjustment\":10}"), 200);
        assertThat(adjusted.get("newStock").asInt()).isEqualTo(stock + 10);
        assertThat(jdbc.queryForObject("SELECT stock FROM products WHERE id = 2", Integer.class)).isEqualTo(stock + 10);
        assertThat(json(get("/api/products/2"), 200).get("stockStatus").asString()).isEqualTo("In Stock");
        HttpResponse<String> tooMuch = send("POST", "/api/products/2/_actions/adjust-inventory",
                "{\"adjustment\":-1000}");
        assertThat(tooMuch.statusCode()).isEqualTo(400);
        assertThat(tooMuch.body()).contains("below zero");
        assertThat(jdbc.queryForObject("SELECT stock FROM products WHERE id = 2", Integer.class)).isEqualTo(stock + 10);
        assertThat(json(get("/api/products/3"), 200).get("stockStatus").asString()).isEqualTo("Out of Stock");
    }

    @Test
    void shopUploadsProductImagesToStorage() throws Exception {
        String image = "data:image/png;base64," + Base64.getEncoder().encodeToString(new byte[] { 1, 2, 3, 4 });
        JsonNode product = json(send("POST", "/api/products", "{\"name\":\"Mug\",\"price\":12,\"stock\":3,"
                + "\"image\":\"" + image + "\"}"), 201);
        assertThat(product.get("image").asString()).startsWith("https://storage.example.test/products/").endsWith(".png");
        assertThat(get("/sample/integrations").body()).contains("\"size\":4");
    }

    @Test
    void shopCreatesAPaymentIntentForPendingOrdersAndInvoices() throws Exception {
        JsonNode order = json(send("POST", "/api/orders", "{\"customer_email\":\"c@example.com\",\"total\":20.00}"), 201);
        assertThat(order.get("payment_intent_id").asString()).startsWith("pi_");
        assertThat(order.get("totalWithTax").decimalValue()).isEqualByComparingTo("22.00");
        assertThat(jdbc.queryForObject("SELECT payment_intent_id FROM orders WHERE id = ?", String.class,
                order.get("id").asLong())).isEqualTo(order.get("payment_intent_id").asString());
        JsonNode invoice = json(send("POST", "/api/orders/1/_actions/generate-invoice", ""), 200);
        assertThat(invoice.get("url").asString()).endsWith("/invoices/1.pdf");
        assertThat(invoice.get("items").asInt()).isEqualTo(2);
    }

    // ---- SaaS ---------------------------------------------------------------------------------------------------

    @Test
    void saasCreatesStripeCustomersUpgradesPlansAndInvitesMembers() throws Exception {
        JsonNode org = json(send("POST", "/api/organizations", "{\"name\":\"Difference Engines\","
                + "\"email\":\"billing@difference.example\"}"), 201);
        long id = org.get("id").asLong();
        // The Stripe customer is made once the organization is committed, outside the request.
        eventually(() -> String.valueOf(jdbc.queryForObject("SELECT stripe_customer_id FROM organizations WHERE id = ?",
                String.class, id)).startsWith("cus_"));
        JsonNode upgraded = json(send("POST", "/api/organizations/" + id + "/_actions/upgrade-plan",
                "{\"planId\":\"pro\"}"), 200);
        assertThat(upgraded.get("message").asString()).isEqualTo("Upgraded to pro plan");
        assertThat(jdbc.queryForObject("SELECT plan FROM organizations WHERE id = ?", String.class, id)).isEqualTo("pro");
        assertThat(send("POST", "/api/organizations/1/_actions/upgrade-plan", "{\"planId\":\"pro\"}").body())
                .contains("Stripe not configured");

        json(send("POST", "/api/team_members", "{\"organization_id\":" + id + ",\"name\":\"Charles\","
                + "\"email\":\"charles@difference.example\"}"), 201);
        eventually(() -> outbox().contains("charles@difference.example"));
        assertThat(outbox()).contains("team-invitation").contains("Difference Engines");
        json(send("POST", "/api/team_members/1/_actions/resend-invite", ""), 200);
        assertThat(get("/sample/outbox").body()).contains("ada@engines.example");
    }

    // ---- real estate --------------------------------------------------------------------------------------------

    @Test
    void realEstateGeocodesAddressesAndUploadsImages() throws Exception {
        String image = "data:image/jpeg;base64," + Base64.getEncoder().encodeToString(new byte[] { 9, 9 });
        JsonNode property = json(send("POST", "/api/properties", "{\"title\":\"Cottage\",\"address\":\"2 Lane, Bath\","
                + "\"price\":300000,\"sqft\":1000,\"images\":[\"" + image + "\",\"https://example.test/x.jpg\"]}"), 201);
        assertThat(property.get("latitude").isNull()).isFalse();
        assertThat(property.get("longitude").isNull()).isFalse();
        assertThat(property.get("images").get(0).asString()).startsWith("https://storage.example.test/properties/");
        assertThat(property.get("images").get(1).asString()).isEqualTo("https://example.test/x.jpg");
        assertThat(property.get("pricePerSqft").asString()).isEqualTo("$300.00/sqft");
        assertThat(property.get("formattedPrice").asString()).isEqualTo("$300,000.00");
        JsonNode nowhere = json(send("POST", "/api/properties", "{\"title\":\"Lost\",\"address\":\"Nowhere Road\","
                + "\"price\":1}"), 201);
        assertThat(nowhere.get("latitude").isNull()).isTrue();
        assertThat(nowhere.get("pricePerSqft").asString()).isEqualTo("N/A");
        JsonNode pdf = json(send("POST", "/api/properties/1/_actions/generate-pdf", ""), 200);
        assertThat(pdf.get("url").asString()).endsWith("/listings/1.pdf");
    }

    // ---- events -------------------------------------------------------------------------------------------------

    @Test
    void eventsEnforceCapacityCountAttendeesAndConfirm() throws Exception {
        JsonNode event = json(send("POST", "/api/events", "{\"title\":\"Pair session\","
                + "\"start_date\":\"2027-05-01T10:00:00Z\",\"max_attendees\":1}"), 201);
        long id = event.get("id").asLong();
        assertThat(event.get("spotsRemaining").asInt()).isEqualTo(1);
        assertThat(event.get("formattedDate").asString()).isEqualTo("Saturday, May 1, 2027");

        json(send("POST", "/api/registrations", "{\"event_id\":" + id + ",\"name\":\"Mary\","
                + "\"email\":\"mary@example.com\"}"), 201);
        JsonNode full = json(get("/api/events/" + id), 200);
        assertThat(full.get("current_attendees").asInt()).isEqualTo(1);
        assertThat(full.get("isFull").asBoolean()).isTrue();
        eventually(() -> outbox().contains("mary@example.com"));
        assertThat(outbox()).contains("event-confirmation").contains("Pair session");

        long registrations = jdbc.queryForObject("SELECT COUNT(*) FROM registrations", Long.class);
        HttpResponse<String> refused = send("POST", "/api/registrations", "{\"event_id\":" + id + ",\"name\":\"Late\","
                + "\"email\":\"late@example.com\"}");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(JSON.readTree(refused.body()).get("detail").asString()).isEqualTo("Event is full");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM registrations", Long.class)).isEqualTo(registrations);
        assertThat(jdbc.queryForObject("SELECT current_attendees FROM events WHERE id = ?", Integer.class, id))
                .isEqualTo(1);
        assertThat(get("/sample/outbox").body()).doesNotContain("late@example.com");

        // Two registrations in one request: the first is written and its after hook counts it, then the second finds
        // the event full. Both are rolled back, the count with them, and nobody is sent a confirmation.
        JsonNode other = json(send("POST", "/api/events", "{\"title\":\"Pairs only\","
                + "\"start_date\":\"2027-06-01T10:00:00Z\",\"max_attendees\":1}"), 201);
        HttpResponse<String> both = send("POST", "/api/registrations", "[{\"event_id\":" + other.get("id").asLong()
                + ",\"name\":\"Anne\",\"email\":\"anne@example.com\"},{\"event_id\":" + other.get("id").asLong()
                + ",\"name\":\"Bob\",\"email\":\"bob@example.com\"}]");
        assertThat(both.statusCode()).isEqualTo(409);
        assertThat(jdbc.queryForObject("SELECT current_attendees FROM events WHERE id = ?", Integer.class,
                other.get("id").asLong())).isZero();
        // A later confirmation arrives; the rolled-back one never does.
        json(send("POST", "/api/registrations", "{\"event_id\":" + other.get("id").asLong() + ",\"name\":\"Cleo\","
                + "\"email\":\"cleo@example.com\"}"), 201);
        eventually(() -> outbox().contains("cleo@example.com"));
        assertThat(outbox()).doesNotContain("anne@example.com").doesNotContain("bob@example.com");

        JsonNode notified = json(send("POST", "/api/events/" + id + "/_actions/notify-attendees",
                "{\"message\":\"Room changed\"}"), 200);
        assertThat(notified.get("sent").asInt()).isEqualTo(1);
    }

    @Test
    void tenantsSeeAndChangeTheirOwnOrganizationOnly() throws Exception {
        JsonNode acme = json(sendAs("acme-demo-key", "GET", "/api/organizations", ""), 200);
        assertThat(acme.get("rows").size()).isEqualTo(1);
        assertThat(acme.get("rows").get(0).get("id").asLong()).isEqualTo(1);
        JsonNode globex = json(sendAs("globex-demo-key", "GET", "/api/team_members", ""), 200);
        globex.get("rows").forEach(member -> assertThat(member.get("organization_id").asLong()).isEqualTo(2));
        assertThat(globex.get("rows").size()).isPositive();

        long members = jdbc.queryForObject("SELECT COUNT(*) FROM team_members", Long.class);
        assertThat(sendAs("acme-demo-key", "GET", "/api/organizations/2", "").statusCode()).isEqualTo(404);
        assertThat(sendAs("acme-demo-key", "PATCH", "/api/organizations/2", "{\"plan\":\"free\"}").statusCode())
                .isEqualTo(404);
        assertThat(sendAs("acme-demo-key", "POST", "/api/team_members",
                "{\"organization_id\":2,\"name\":\"Mole\",\"email\":\"mole@engines.example\"}").statusCode())
                .isEqualTo(403);
        assertThat(sendAs("acme-demo-key", "DELETE", "/api/organizations/1", "").statusCode()).isEqualTo(403);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM team_members", Long.class)).isEqualTo(members);

        JsonNode joined = json(sendAs("acme-demo-key", "POST", "/api/team_members",
                "{\"name\":\"Mary Somerville\",\"email\":\"mary@engines.example\"}"), 201);
        assertThat(joined.get("organization_id").asLong()).isEqualTo(1);
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private HttpResponse<String> get(String path) throws Exception {
        return sendAs(KEY, "GET", path, "");
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        return sendAs(KEY, method, path, body);
    }

    private HttpResponse<String> sendAs(String key, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(origin + path)).header("X-API-Key", key);
        if (!body.isEmpty()) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }

    private String outbox() {
        try {
            return get("/sample/outbox").body();
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** Committed hooks run after the request answered, on threads of their own: wait for what they do. */
    private static void eventually(java.util.function.BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for a committed hook").isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
