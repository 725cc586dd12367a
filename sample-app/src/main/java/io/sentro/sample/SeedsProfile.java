package io.sentro.sample;

import java.util.Arrays;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.StringUtils;

/**
 * Activates the {@value #NAME} profile when the sample serves the seed examples' schemas: always on its embedded
 * database (no {@code spring.datasource.url}), and on a database of your own only with
 * {@code sample.seeds.enabled=true}. The profile carries everything that only makes sense on those schemas: the demo
 * keys and their access rules ({@code application-seeds.yml}), and the five examples' customizers. Without it the
 * sample is a plain application of the starter: every table served, and a generated API key logged at start-up.
 * <p>
 * It runs before the configuration files are read, so that {@code application-seeds.yml} is read too: the datasource
 * URL and {@code sample.seeds.enabled} are taken from the command line, system properties or the environment.
 */
public class SeedsProfile implements EnvironmentPostProcessor, Ordered {

    /** The profile's name. */
    public static final String NAME = "seeds";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String enabled = environment.getProperty("sample.seeds.enabled");
        boolean seeds = enabled != null ? Boolean.parseBoolean(enabled)
                : !StringUtils.hasText(environment.getProperty("spring.datasource.url"));
        if (seeds && !Arrays.asList(environment.getActiveProfiles()).contains(NAME)) {
            environment.addActiveProfile(NAME);
        }
    }

    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER - 1;
    }
}
