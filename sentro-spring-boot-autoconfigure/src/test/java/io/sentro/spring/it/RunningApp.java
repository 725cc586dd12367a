package io.sentro.spring.it;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** A Boot application of the scenarios, started on a random port against a fixture database. */
final class RunningApp implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final HttpApi api;

    private RunningApp(ConfigurableApplicationContext context) {
        this.context = context;
        this.api = new HttpApi(((WebServerApplicationContext) context).getWebServer().getPort());
    }

    static RunningApp start(Class<?> application, FixtureDatabase database, String... properties) {
        // Spring AMQP is on the test classpath for the broker tests: its health is not the scenarios' business.
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.main.banner-mode=off",
                "--spring.datasource.url=" + database.url(), "--management.health.rabbit.enabled=false"));
        if (java.util.Arrays.stream(properties).noneMatch(property -> property.startsWith("springdoc.api-docs."))) {
            args.add("--springdoc.api-docs.enabled=false");
        }
        if (database.username() != null) {
            args.add("--spring.datasource.username=" + database.username());
            args.add("--spring.datasource.password=" + database.password());
        }
        for (String property : properties) {
            args.add("--" + property);
        }
        return new RunningApp(new SpringApplicationBuilder(application).run(args.toArray(String[]::new)));
    }

    HttpApi api() {
        return api;
    }

    ConfigurableApplicationContext context() {
        return context;
    }

    @Override
    public void close() {
        context.close();
    }
}
