package io.sentro.spring.console;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class ConsolePageTests {

    @Test
    void servesThePageUnderAStrictPolicyWithNothingInline() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/app/sentro");
        request.setContextPath("/app");
        MockHttpServletResponse response = new MockHttpServletResponse();
        new ConsolePage("/api", "/sentro", "Ask ops for a key").handleRequest(request, response);
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeader("Content-Security-Policy")).contains("script-src 'self'")
            .contains("default-src 'none'").contains("frame-ancestors 'none'").doesNotContain("unsafe");
        String page = response.getContentAsString();
        assertThat(page).contains("<meta name=\"sentro-api\" content=\"/app/api\">")
            .contains("src=\"/app/sentro/assets/console.js\"");
        // Scripts only by src: no inline code for the policy to allow.
        assertThat(page.replaceAll("<script type=\"module\" src=\"[^\"]+\"></script>", "")).doesNotContain("<script");
        assertThat(page).doesNotContain(" on").doesNotContain("style=");
    }

    @Test
    void escapesWhereTheApiIs() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/sentro");
        MockHttpServletResponse response = new MockHttpServletResponse();
        new ConsolePage("/a\"><script>x</script>", "/sentro", "hint").handleRequest(request, response);
        assertThat(response.getContentAsString()).doesNotContain("<script>x").contains("&quot;&gt;&lt;script&gt;");
    }

    @Test
    void writesTheSignInHintAsEscapedTextWhereNothingInItIsReadAsAPlaceholder() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        new ConsolePage("/api", "/sentro", "<img src=x onerror=alert(1)> \"{{api}}\"\nnext line")
            .handleRequest(new MockHttpServletRequest("GET", "/sentro"), response);
        assertThat(response.getContentAsString()).contains("<meta name=\"sentro-sign-in-hint\" content=\""
                + "&lt;img src=x onerror=alert(1)&gt; &quot;{{api}}&quot;\nnext line\">").doesNotContain("<img");
    }

    @Test
    void answersOnlyGetAndHead() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        new ConsolePage("/api", "/sentro", "Ask ops for a key")
            .handleRequest(new MockHttpServletRequest("POST", "/sentro"), response);
        assertThat(response.getStatus()).isEqualTo(405);
        assertThat(response.getHeader("Allow")).isEqualTo("GET, HEAD");
    }
}
