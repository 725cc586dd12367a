package io.sentro.spring.autoconfigure;

import io.sentro.spring.console.ConsoleResources;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.Assert;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;

/**
 * The data console, at {@code sentro.console.path} when {@code sentro.console.enabled}: its page and files, mapped
 * after Sentro's API routes and before the application's static resources.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("sentro.console.enabled")
class SentroConsoleConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "sentroConsoleHandlerMapping")
    SimpleUrlHandlerMapping sentroConsoleHandlerMapping(SentroProperties properties) {
        String api = SentroWebConfiguration.normalizedBasePath(properties.getBasePath());
        String console = consolePath(properties);
        Assert.state(!console.equals(api) && !console.startsWith(api + "/"),
                "sentro.console.path must not be under sentro.base-path, got '" + console + "'");
        return new SimpleUrlHandlerMapping(ConsoleResources.handlers(api, console), 2);
    }

    static String consolePath(SentroProperties properties) {
        String path = properties.getConsole().getPath().trim();
        Assert.state(path.startsWith("/") && path.length() > 1, "sentro.console.path must start with '/' and not be '/'");
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return path;
    }
}
