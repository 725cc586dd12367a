package io.sentro.spring.autoconfigure;

import io.sentro.spring.console.ConsoleResources;
import io.sentro.spring.security.SentroCredentials;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;

/**
 * The data console, at {@code sentro.console.path} when {@code sentro.console.enabled}: its page and files, mapped
 * after Sentro's API routes and before the application's static resources. The sign-in page's hint is
 * {@code sentro.console.sign-in-hint}, or one made from the credentials the API takes.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("sentro.console.enabled")
class SentroConsoleConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "sentroConsoleHandlerMapping")
    SimpleUrlHandlerMapping sentroConsoleHandlerMapping(SentroProperties properties,
            ObjectProvider<SentroCredentials> credentials) {
        String api = SentroWebConfiguration.normalizedBasePath(properties.getBasePath());
        String console = consolePath(properties);
        Assert.state(!console.equals(api) && !console.startsWith(api + "/"),
                "sentro.console.path must not be under sentro.base-path, got '" + console + "'");
        String hint = properties.getConsole().getSignInHint();
        if (!StringUtils.hasText(hint)) {
            hint = defaultSignInHint(credentials.getIfAvailable());
        }
        return new SimpleUrlHandlerMapping(ConsoleResources.handlers(api, console, hint), 2);
    }

    /**
     * What the sign-in page says without {@code sentro.console.sign-in-hint}: where the generated key is when Sentro
     * generated one (the plain application's first question), else which credentials the API takes and where keys are
     * configured.
     */
    static String defaultSignInHint(@Nullable SentroCredentials credentials) {
        if (credentials != null && credentials.generatedKey()) {
            return "No API keys are configured, so Sentro generated one at start-up: it is in the application's log, "
                    + "on the WARN line \"Using generated Sentro API key\". Keys of your own are set with "
                    + "sentro.security.api-keys.";
        }
        boolean jwt = credentials != null && credentials.jwtEnabled();
        boolean keys = credentials == null || credentials.apiKeysEnabled() || !jwt;
        String keyHint = "Sign in with an API key, the value a client sends in the " + SentroCredentials.API_KEY_HEADER
                + " header";
        if (keys && jwt) {
            return keyHint + ", or with a bearer token (JWT). API keys are set with sentro.security.api-keys: ask "
                    + "whoever runs this application for one.";
        }
        if (keys) {
            return keyHint + ". API keys are set with sentro.security.api-keys: ask whoever runs this application for "
                    + "one.";
        }
        return "Sign in with a bearer token (JWT) from this application's identity provider.";
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
