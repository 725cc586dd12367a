package io.sentro.spring.autoconfigure;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executor;

import io.micrometer.observation.ObservationRegistry;
import io.sentro.spring.customize.Integrations;
import io.sentro.spring.customize.SentroDb;
import io.sentro.spring.customize.SentroIntegration;
import io.sentro.spring.web.ChangeStreams;
import io.sentro.spring.events.Outbox;
import io.sentro.spring.pipeline.CommittedHooks;
import io.sentro.spring.plan.Cursors;
import io.sentro.spring.plan.RowTags;
import io.sentro.spring.reload.ApiGenerations;
import io.sentro.spring.reload.CurrentGenerationDb;
import io.sentro.spring.web.JsonResponses;
import io.sentro.spring.web.Outages;
import io.sentro.spring.web.RowMeter;
import io.sentro.spring.web.SentroHandlerMapping;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.util.Assert;

/**
 * The HTTP side that outlives schema reloads: the handler mapping, which serves each request with the current
 * generation, and what every generation shares (the integrations, the cursor key, the row tags, outage tracking).
 */
@Configuration(proxyBeanMethods = false)
class SentroWebConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Integrations sentroIntegrations() {
        return new Integrations();
    }

    /**
     * Registers every {@link SentroIntegration} bean under its bean name, in whichever {@link Integrations} bean
     * there is (Sentro's or the application's own), once all singletons exist.
     */
    @Bean
    static SmartInitializingSingleton sentroIntegrationRegistration(ListableBeanFactory beans) {
        return () -> {
            Integrations integrations = beans.getBean(Integrations.class);
            beans.getBeansOfType(SentroIntegration.class, false, true).forEach((name, integration) -> {
                if (integrations.using(name) == null) {
                    integrations.use(name, integration);
                }
            });
        };
    }

    /** For application code: runs on the generation served at the time of each call. */
    @Bean
    @ConditionalOnMissingBean
    SentroDb sentroDb(ObjectProvider<ApiGenerations> generations) {
        return new CurrentGenerationDb(generations::getObject);
    }

    /** One key for every generation, so that a page cursor handed out before a reload still works after it. */
    @Bean
    @ConditionalOnMissingBean
    Cursors sentroCursors(SentroProperties properties) {
        String secret = properties.getPage().getCursorSecret();
        if (secret == null || secret.isBlank()) {
            return Cursors.withRandomKey();
        }
        Assert.state(secret.length() >= 16, "sentro.page.cursor-secret must be at least 16 characters");
        return new Cursors(secret.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Runs committed hooks on Spring Boot's task executor ({@code applicationTaskExecutor}) when there is one, else
     * on threads of its own; the same for every generation.
     */
    @Bean
    @ConditionalOnMissingBean
    CommittedHooks sentroCommittedHooks(ListableBeanFactory beans, SentroProperties properties) {
        Executor executor = beans.containsBean("applicationTaskExecutor")
                ? beans.getBean("applicationTaskExecutor", Executor.class)
                : new SimpleAsyncTaskExecutor("sentro-committed-");
        SentroProperties.Committed committed = properties.getEvents().getCommitted();
        Assert.state(!committed.getDelay().isNegative(), "sentro.events.committed.delay must not be negative");
        return new CommittedHooks(executor, committed.getMaxAttempts(), committed.getDelay());
    }

    /** Live change events over SSE, when writes make change events; the same streams across schema reloads. */
    @Bean
    @ConditionalOnBooleanProperty("sentro.events.enabled")
    @ConditionalOnMissingBean
    ChangeStreams sentroChangeStreams(SentroProperties properties, ObjectProvider<Outbox> outbox) {
        SentroProperties.Sse sse = properties.getEvents().getSse();
        return new ChangeStreams(sse.getMaxSubscribers(), sse.getHeartbeat(), outbox::getIfAvailable);
    }

    @Bean
    @ConditionalOnMissingBean
    RowTags sentroRowTags(SentroProperties properties) {
        return new RowTags(properties.getConcurrency().getVersionColumn());
    }

    @Bean
    @ConditionalOnMissingBean
    SentroHandlerMapping sentroHandlerMapping(ApiGenerations generations, Outages outages,
            ObjectProvider<ObservationRegistry> observations, ObjectProvider<RowMeter> rows,
            SentroProperties properties) {
        return new SentroHandlerMapping(generations, normalizedBasePath(properties.getBasePath()),
                new JsonResponses(), outages, observations.getIfUnique(() -> ObservationRegistry.NOOP),
                rows.getIfUnique(() -> RowMeter.NONE));
    }

    @Bean
    @ConditionalOnMissingBean
    Outages sentroOutages(SentroProperties properties) {
        return new Outages(properties.getOutage().getRetryAfter(), properties.getOutage().getLogInterval());
    }

    static String normalizedBasePath(String basePath) {
        String trimmed = basePath.trim();
        Assert.state(trimmed.startsWith("/"), "sentro.base-path must start with '/', got '" + basePath + "'");
        while (trimmed.length() > 1 && trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        Assert.state(trimmed.length() > 1, "sentro.base-path must not be '/': Sentro's routes need a prefix");
        return trimmed;
    }
}
