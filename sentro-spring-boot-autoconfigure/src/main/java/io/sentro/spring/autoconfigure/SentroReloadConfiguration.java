package io.sentro.spring.autoconfigure;

import java.time.Duration;

import javax.sql.DataSource;

import io.sentro.spring.dialect.SchemaNotifications;
import io.sentro.spring.dialect.SqlDialect;
import io.sentro.spring.reload.ApiGenerations;
import io.sentro.spring.reload.NotifiedReloads;
import io.sentro.spring.reload.ScheduledReloads;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.util.Assert;

/**
 * What triggers a schema reload besides the actuator endpoint: a PostgreSQL {@code NOTIFY}
 * ({@code sentro.schema.reload-on-notify}) and a schedule ({@code sentro.schema.reload-interval}).
 */
@Configuration(proxyBeanMethods = false)
class SentroReloadConfiguration {

    private static final Log log = LogFactory.getLog(SentroReloadConfiguration.class);

    @Bean
    @ConditionalOnBooleanProperty("sentro.schema.reload-on-notify")
    @ConditionalOnMissingBean
    NotifiedReloads sentroNotifiedReloads(ApiGenerations generations, SqlDialect dialect, DataSource dataSource,
            SentroProperties properties) {
        SentroProperties.Schema schema = properties.getSchema();
        SchemaNotifications notifications = dialect.notifications().orElseThrow(() -> new IllegalStateException(
                "sentro.schema.reload-on-notify needs a database that notifies listeners (PostgreSQL's LISTEN/NOTIFY); "
                        + dialect.name() + " does not: reload with the sentro actuator endpoint, or on a schedule with "
                        + "sentro.schema.reload-interval"));
        Assert.state(schema.getNotifyChannel().matches("[a-z_][a-z0-9_]*"),
                "sentro.schema.notify-channel must be a lower-case identifier, got '" + schema.getNotifyChannel() + "'");
        Assert.state(!schema.getReloadDebounce().isNegative(), "sentro.schema.reload-debounce must not be negative");
        return new NotifiedReloads(generations, notifications, listeningConnections(dataSource)::getConnection,
                schema.getNotifyChannel(), schema.getReloadDebounce());
    }

    @Bean
    @ConditionalOnProperty("sentro.schema.reload-interval")
    @ConditionalOnMissingBean
    ScheduledReloads sentroScheduledReloads(ApiGenerations generations, SentroProperties properties) {
        Duration interval = properties.getSchema().getReloadInterval();
        Assert.state(interval != null, "sentro.schema.reload-interval must be a duration");
        return new ScheduledReloads(generations, interval);
    }

    /**
     * The listening connection is held for as long as the application runs: it is opened outside the pool, with the
     * pool's URL and credentials, so that the pool keeps all its connections for requests. A DataSource Spring Boot
     * cannot derive from lends one of its own.
     */
    private static DataSource listeningConnections(DataSource dataSource) {
        try {
            return DataSourceBuilder.derivedFrom(dataSource).type(SimpleDriverDataSource.class).build();
        }
        catch (RuntimeException ex) {
            log.info("Sentro listens for schema reloads on a connection of the application's pool ("
                    + ex.getMessage() + ")");
            return dataSource;
        }
    }
}
