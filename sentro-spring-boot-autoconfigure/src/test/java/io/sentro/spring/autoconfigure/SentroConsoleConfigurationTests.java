package io.sentro.spring.autoconfigure;

import io.sentro.spring.console.ConsolePage;
import io.sentro.spring.security.SentroCredentials;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's sign-in hint: {@code sentro.console.sign-in-hint}, else one that says where the key is when Sentro
 * generated it, else which credentials the API takes.
 */
class SentroConsoleConfigurationTests {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SentroAutoConfiguration.class))
            .withUserConfiguration(SentroAutoConfigurationTests.OfflineDatabase.class)
            .withPropertyValues("sentro.console.enabled=true");

    @Test
    void saysTheGeneratedKeyIsInTheStartUpLogWhenSentroGeneratedOne() {
        runner.run(context -> {
            assertThat(context.getBean(SentroCredentials.class).generatedKey()).isTrue();
            assertThat(hint(page(context))).contains("in the application's log")
                .contains("\"Using generated Sentro API key\"").contains("sentro.security.api-keys");
        });
    }

    @Test
    void namesTheApiKeyHeaderWhenKeysAreConfigured() {
        runner.withPropertyValues("sentro.security.api-keys[0].key=mine").run(context -> {
            assertThat(context.getBean(SentroCredentials.class).generatedKey()).isFalse();
            assertThat(hint(page(context))).contains("Sign in with an API key").contains("X-API-Key")
                .contains("sentro.security.api-keys").doesNotContain("generated").doesNotContain("log");
        });
    }

    @Test
    void showsTheConfiguredHintAsText() {
        runner.withPropertyValues("sentro.console.sign-in-hint=Keys: <b>ask</b> \"ops\" & {{csrf}}")
            .run(context -> {
                String page = page(context);
                assertThat(hint(page)).isEqualTo("Keys: <b>ask</b> \"ops\" & {{csrf}}");
                assertThat(page).doesNotContain("<b>").contains("&lt;b&gt;ask&lt;/b&gt; &quot;ops&quot; &amp; {{csrf}}");
            });
    }

    /** The console's page, as the mapped handler serves it. */
    private static String page(AssertableWebApplicationContext context) throws Exception {
        SimpleUrlHandlerMapping mapping = context.getBean("sentroConsoleHandlerMapping", SimpleUrlHandlerMapping.class);
        MockHttpServletResponse response = new MockHttpServletResponse();
        ((ConsolePage) mapping.getUrlMap().get("/sentro")).handleRequest(new MockHttpServletRequest("GET", "/sentro"),
                response);
        return response.getContentAsString();
    }

    /** The sign-in hint the page carries, as the browser reads it: its meta element's content, unescaped. */
    private static String hint(String page) {
        return HtmlUtils.htmlUnescape(
                page.replaceAll("(?s).*<meta name=\"sentro-sign-in-hint\" content=\"([^\"]*)\">.*", "$1"));
    }
}
