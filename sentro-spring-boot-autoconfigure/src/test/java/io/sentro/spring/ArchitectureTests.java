package io.sentro.spring;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one allowed direction between the layers, read from the sources' imports: front ends ({@code web},
 * {@code request}, {@code openapi}, {@code console}) use the engine and the public API; the engine never uses a front
 * end, the wiring ({@code autoconfigure}, {@code reload}) or Spring MVC and the servlet API, so that it runs with no
 * HTTP request at all (the entity API). The public API for business logic ({@code customize}, {@code entities}) is
 * held to the same rule, except that a hook may read the HTTP request of a REST call (the servlet API).
 */
class ArchitectureTests {

    private static final Path SOURCES = Path.of("src/main/java/io/sentro/spring");

    /** The engine: the vocabulary, the model, planning, SQL, execution, the pipeline, access decisions, events. */
    private static final Set<String> ENGINE = Set.of("query", "schema", "introspect", "dialect", "plan", "sql",
            "execute", "pipeline", "security", "events", "error");

    private static final Set<String> PUBLIC_API = Set.of("customize", "entities");

    private static final List<String> FRONT_ENDS_AND_WIRING = List.of("io.sentro.spring.web.",
            "io.sentro.spring.request.", "io.sentro.spring.openapi.", "io.sentro.spring.console.",
            "io.sentro.spring.observe.", "io.sentro.spring.autoconfigure.", "io.sentro.spring.reload.");

    private static final List<String> SPRING_MVC = List.of("org.springframework.web.servlet.",
            "org.springframework.web.bind.", "org.springframework.web.method.", "org.springframework.http.server.",
            "org.springframework.web.context.");

    private static final String SERVLET_API = "jakarta.servlet.";

    private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?([\\w.]+)", Pattern.MULTILINE);

    private static final Pattern QUALIFIED_USE = Pattern.compile(
            "\\b(io\\.sentro\\.spring\\.(?:web|request|openapi|console|observe|autoconfigure|reload)\\.[A-Z]\\w*|"
                    + "jakarta\\.servlet\\.[\\w.]*[A-Z]\\w*)");

    @Test
    void theEngineUsesNoFrontEndNoWiringNoSpringMvcAndNoServletApi() throws IOException {
        assertThat(violations(ENGINE, true)).isEmpty();
    }

    @Test
    void thePublicApiUsesNoFrontEndAndNoWiring() throws IOException {
        assertThat(violations(PUBLIC_API, false)).isEmpty();
    }

    @Test
    void everyPackageIsClassified() throws IOException {
        try (Stream<Path> packages = Files.list(SOURCES)) {
            List<String> unknown = packages.filter(Files::isDirectory).map(path -> path.getFileName().toString())
                    .filter(name -> !ENGINE.contains(name) && !PUBLIC_API.contains(name)
                            && FRONT_ENDS_AND_WIRING.stream().noneMatch(prefix -> prefix.equals(
                                    "io.sentro.spring." + name + ".")))
                    .toList();
            assertThat(unknown).as("packages that belong to no layer of this test").isEmpty();
        }
    }

    private static List<String> violations(Set<String> packages, boolean servletForbidden) throws IOException {
        List<String> violations = new ArrayList<>();
        for (String name : packages) {
            try (Stream<Path> files = Files.walk(SOURCES.resolve(name))) {
                for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                    String source = Files.readString(file);
                    List<String> used = new ArrayList<>();
                    Matcher imports = IMPORT.matcher(source);
                    while (imports.find()) {
                        used.add(imports.group(1));
                    }
                    Matcher qualified = QUALIFIED_USE.matcher(source.replaceAll("(?m)^import .*$", ""));
                    while (qualified.find()) {
                        used.add(qualified.group(1));
                    }
                    for (String type : used) {
                        boolean forbidden = FRONT_ENDS_AND_WIRING.stream().anyMatch(type::startsWith)
                                || SPRING_MVC.stream().anyMatch(type::startsWith)
                                || (servletForbidden && type.startsWith(SERVLET_API));
                        if (forbidden) {
                            violations.add(SOURCES.relativize(file) + " uses " + type);
                        }
                    }
                }
            }
        }
        return violations;
    }
}
