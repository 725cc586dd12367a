package io.sentro.spring.autoconfigure;

import javax.sql.DataSource;

import io.sentro.spring.dialect.SqlDialect;
import io.sentro.spring.observe.MicrometerRowMeter;
import io.sentro.spring.observe.SentroEndpoint;
import io.sentro.spring.observe.SentroHealthIndicator;
import io.sentro.spring.reload.ApiGenerations;
import io.sentro.spring.web.Outages;
import io.sentro.spring.web.RowMeter;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Health and metrics, each when the application has what it needs: Spring Boot's health support for the
 * {@code sentro} health contributor, a Micrometer {@link MeterRegistry} for the row counters. The request observation
 * {@code sentro.requests} needs only an {@code ObservationRegistry} (Actuator provides one).
 */
@Configuration(proxyBeanMethods = false)
class SentroObservabilityConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
    static class Health {

        @Bean
        @ConditionalOnMissingBean(name = "sentroHealthIndicator")
        SentroHealthIndicator sentroHealthIndicator(ApiGenerations generations, SqlDialect dialect,
                DataSource dataSource, Outages outages, SentroReadReplicas replicas, SentroProperties properties,
                ObjectProvider<io.sentro.spring.events.Outbox> outbox) {
            return new SentroHealthIndicator(generations, dialect, dataSource,
                    replicas.replicas() == null ? java.util.List.of() : replicas.replicas().replicas(), outages,
                    properties.getHealth().getTimeout(), () -> {
                        io.sentro.spring.events.Outbox box = outbox.getIfAvailable();
                        return box == null ? null : box.counts();
                    });
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = { "org.springframework.boot.actuate.endpoint.annotation.Endpoint",
            "org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint" })
    static class Endpoint {

        @Bean
        @ConditionalOnMissingBean
        @org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint(
                SentroEndpoint.class)
        SentroEndpoint sentroEndpoint(ApiGenerations generations, SqlDialect dialect, SentroProperties properties) {
            return new SentroEndpoint(generations, SentroWebConfiguration.normalizedBasePath(properties.getBasePath()),
                    dialect.name());
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
    static class Metrics {

        @Bean
        @ConditionalOnMissingBean
        RowMeter sentroRowMeter(ObjectProvider<MeterRegistry> registry) {
            return new MicrometerRowMeter(registry::getIfUnique);
        }
    }
}
