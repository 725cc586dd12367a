package io.sentro.spring.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.util.ClassUtils;
import org.springframework.web.HttpRequestHandler;
import org.springframework.web.util.HtmlUtils;

/**
 * The console's one page. It loads the console's scripts and styles from the jar, and nothing inline: its
 * Content-Security-Policy allows scripts, styles and requests to the application's own origin only, and no framing.
 * Where the API and the console are, and the sign-in page's hint, are written into {@code <meta>} elements
 * (HTML-escaped), for the scripts to read and show as text.
 */
public final class ConsolePage implements HttpRequestHandler {

    /** Scripts, styles, images and requests from the application itself only; no inline code, no framing. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
            + "base-uri 'none'";

    private static final boolean SPRING_SECURITY = ClassUtils
        .isPresent("org.springframework.security.web.csrf.CsrfToken", ConsolePage.class.getClassLoader());

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(api|console|sign-in-hint|csrf)}}");

    private final String template;
    private final String apiPath;
    private final String consolePath;
    private final String signInHint;

    /**
     * @param apiPath Sentro's base path ({@code /api})
     * @param consolePath where the console is served ({@code /sentro})
     * @param signInHint what the sign-in page says about where a credential comes from, plain text
     */
    public ConsolePage(String apiPath, String consolePath, String signInHint) {
        this.apiPath = apiPath;
        this.consolePath = consolePath;
        this.signInHint = signInHint;
        try (InputStream page = new ClassPathResource(ConsoleResources.FILES + "index.html").getInputStream()) {
            this.template = new String(page.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("The console's page is missing from the jar", ex);
        }
    }

    /**
     * For a browser signed in by the application's own login (a session), the CSRF token its writes need, as
     * {@code <meta>} elements: the API asks for one on writes a session cookie authenticates. Without a session
     * there is none to ask for, and none is created.
     */
    private static String csrfMeta(HttpServletRequest request) {
        if (!SPRING_SECURITY || request.getSession(false) == null
                || !(request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token)) {
            return "";
        }
        return "<meta name=\"sentro-csrf-header\" content=\"" + HtmlUtils.htmlEscape(token.getHeaderName()) + "\">\n  "
                + "<meta name=\"sentro-csrf\" content=\"" + HtmlUtils.htmlEscape(token.getToken()) + "\">";
    }

    @Override
    public void handleRequest(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!request.getMethod().equals("GET") && !request.getMethod().equals("HEAD")) {
            response.setHeader(HttpHeaders.ALLOW, "GET, HEAD");
            response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        String context = request.getContextPath();
        // One pass over the template: a value that holds a placeholder's text is not read as one.
        byte[] page = PLACEHOLDER.matcher(template).replaceAll(placeholder -> Matcher.quoteReplacement(
                switch (placeholder.group(1)) {
                    case "api" -> HtmlUtils.htmlEscape(context + apiPath);
                    case "console" -> HtmlUtils.htmlEscape(context + consolePath);
                    case "sign-in-hint" -> HtmlUtils.htmlEscape(signInHint);
                    default -> csrfMeta(request);
                }))
            .getBytes(StandardCharsets.UTF_8);
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setContentLength(page.length);
        if (request.getMethod().equals("GET")) {
            response.getOutputStream().write(page);
        }
    }
}
