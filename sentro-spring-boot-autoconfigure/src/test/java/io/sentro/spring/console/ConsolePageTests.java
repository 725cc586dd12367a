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
        new ConsolePage("/api", "/sentro").handleRequest(request, response);
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
        new ConsolePage("/a\"><script>x</script>", "/sentro").handleRequest(request, response);
        assertThat(response.getContentAsString()).doesNotContain("<script>x").contains("&quot;&gt;&lt;script&gt;");
    }

    @Test
    void answersOnlyGetAndHead() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        new ConsolePage("/api", "/sentro").handleRequest(new MockHttpServletRequest("POST", "/sentro"), response);
        assertThat(response.getStatus()).isEqualTo(405);
        assertThat(response.getHeader("Allow")).isEqualTo("GET, HEAD");
    }
}
