package io.sentro.spring.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;

/**
 * What the console serves under its path: the page ({@code {path}}), its own scripts and styles
 * ({@code {path}/assets/**}) and the libraries it is built on, from their WebJars ({@code {path}/vendor/preact/**},
 * {@code {path}/vendor/pico/**}), with version-free paths so that the scripts' imports do not name versions.
 */
public final class ConsoleResources {

    /** Where the console's own files are in the jar. */
    static final String FILES = "META-INF/sentro/console/";

    private ConsoleResources() {
    }

    /**
     * The handlers of the console's URL paths, for a {@code SimpleUrlHandlerMapping}; the sign-in page shows
     * {@code signInHint} as text.
     */
    public static Map<String, Object> handlers(String apiPath, String consolePath, String signInHint) {
        Map<String, Object> handlers = new LinkedHashMap<>();
        ConsolePage page = new ConsolePage(apiPath, consolePath, signInHint);
        handlers.put(consolePath, page);
        handlers.put(consolePath + "/", page);
        handlers.put(consolePath + "/assets/**", files(FILES));
        handlers.put(consolePath + "/vendor/preact/**", files(webJar("preact")));
        handlers.put(consolePath + "/vendor/pico/**", files(webJar("picocss__pico")));
        return handlers;
    }

    private static ResourceHttpRequestHandler files(String location) {
        ResourceHttpRequestHandler handler = new ResourceHttpRequestHandler();
        handler.setLocations(List.of(new ClassPathResource(location)));
        // Revalidated on each load (Last-Modified), so that an upgraded jar's files are never stale.
        handler.setCacheControl(CacheControl.noCache());
        try {
            handler.afterPropertiesSet();
        }
        catch (Exception ex) {
            throw new IllegalStateException("Could not serve the console's files from " + location, ex);
        }
        return handler;
    }

    /** The versioned directory of a WebJar on the classpath. */
    static String webJar(String name) {
        try {
            Resource[] found = new PathMatchingResourcePatternResolver()
                .getResources("classpath*:META-INF/resources/webjars/" + name + "/*/package.json");
            if (found.length == 0) {
                throw new IllegalStateException("The console needs the WebJar '" + name + "' on the classpath");
            }
            String url = found[0].getURL().toString();
            String directory = url.substring(0, url.length() - "package.json".length());
            String version = directory.substring(directory.lastIndexOf('/', directory.length() - 2) + 1);
            return "META-INF/resources/webjars/" + name + "/" + version;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
