package io.sentro.spring.autoconfigure;

import java.net.http.HttpClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import io.sentro.spring.dialect.SqlDialect;
import io.sentro.spring.events.ChangeEventTarget;
import io.sentro.spring.events.Outbox;
import io.sentro.spring.events.OutboxRelay;
import io.sentro.spring.events.RabbitChangeEventTarget;
import io.sentro.spring.events.WebhookChangeEventTarget;
import io.sentro.spring.introspect.SchemaLoader;

import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.util.Assert;
import org.springframework.web.client.RestClient;

/**
 * The transactional outbox ({@code sentro.events.outbox.enabled}): its table, and the relay that delivers its events
 * to the {@link ChangeEventTarget} beans. Both outlive schema reloads; each generation's change events write into it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("sentro.events.outbox.enabled")
class SentroEventsConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Outbox sentroOutbox(DataSource dataSource, SentroReadReplicas replicas, SqlDialect dialect,
            SentroProperties properties) {
        SentroProperties.Events events = properties.getEvents();
        Assert.state(events.isEnabled(), "sentro.events.outbox.enabled needs sentro.events.enabled: the outbox holds "
                + "the change events of the tables sentro.events.tables names");
        String table = events.getOutbox().getTable();
        Assert.state(table.matches("[A-Za-z_][A-Za-z0-9_]*"), "sentro.events.outbox.table must be a plain table name");
        Outbox outbox = new Outbox(new JdbcTemplate(replicas.writes(dataSource)), dialect.outbox(table), table);
        outbox.createIfMissing();
        return outbox;
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "sentro.events.outbox.relay", matchIfMissing = true)
    @ConditionalOnMissingBean
    OutboxRelay sentroOutboxRelay(Outbox outbox, DataSource dataSource, SentroReadReplicas replicas,
            ObjectProvider<ChangeEventTarget> targets, SentroProperties properties) {
        SentroProperties.Outbox settings = properties.getEvents().getOutbox();
        return new OutboxRelay(outbox, new JdbcTransactionManager(replicas.writes(dataSource)),
                () -> targets.orderedStream().toList(), settings.getPollInterval(), settings.getBatchSize(),
                settings.getMaxAttempts(), settings.getBackoff(), settings.getRetention());
    }

    /**
     * The webhooks of {@code sentro.events.webhooks}, as one target that posts each event to every webhook that
     * takes it, in order. A webhook that fails fails the delivery: the event comes again, to every webhook (at least
     * once).
     */
    @Bean
    @ConditionalOnMissingBean(name = "sentroWebhooks")
    ChangeEventTarget sentroWebhooks(SentroProperties properties) {
        List<WebhookChangeEventTarget> webhooks = new ArrayList<>();
        List<SentroProperties.Webhook> configured = properties.getEvents().getWebhooks();
        for (int i = 0; i < configured.size(); i++) {
            SentroProperties.Webhook webhook = configured.get(i);
            String where = "sentro.events.webhooks[" + i + "]";
            Assert.state(webhook.getUrl() != null && (webhook.getUrl().startsWith("http://")
                    || webhook.getUrl().startsWith("https://")), where + ".url must be an http(s) URL");
            Set<String> operations = new HashSet<>(webhook.getOperations());
            Assert.state(Set.of("create", "update", "delete").containsAll(operations),
                    where + ".operations takes create, update and delete, got " + operations);
            Assert.state(!webhook.getTimeout().isNegative() && !webhook.getTimeout().isZero(),
                    where + ".timeout must be positive");
            JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                        .connectTimeout(webhook.getTimeout()).build());
            requests.setReadTimeout(webhook.getTimeout());
            java.util.function.Predicate<String> tables = webhook.getTables().isEmpty() ? table -> true
                    : SchemaLoader.nameMatcher(webhook.getTables());
            webhooks.add(new WebhookChangeEventTarget(webhook.getUrl(),
                    WebhookChangeEventTarget.selecting(tables, operations),
                    webhook.getSecret(), RestClient.builder().requestFactory(requests)
                        .build(), Clock.systemUTC()));
        }
        return event -> {
            for (WebhookChangeEventTarget webhook : webhooks) {
                webhook.deliver(event);
            }
        };
    }

    /**
     * Delivery to RabbitMQ ({@code sentro.events.rabbit.enabled}): a durable topic exchange, declared by the
     * application's {@code AmqpAdmin}, and a target that publishes each event to it.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.amqp.rabbit.core.RabbitTemplate")
    @ConditionalOnBooleanProperty("sentro.events.rabbit.enabled")
    static class Rabbit {

        @Bean
        @ConditionalOnMissingBean(name = "sentroChangesExchange")
        TopicExchange sentroChangesExchange(SentroProperties properties) {
            return new TopicExchange(properties.getEvents().getRabbit().getExchange(),
                    true, false);
        }

        @Bean
        @ConditionalOnMissingBean
        RabbitChangeEventTarget sentroRabbitTarget(
                ObjectProvider<RabbitTemplate> rabbit,
                SentroProperties properties) {
            RabbitTemplate template = rabbit.getIfUnique();
            Assert.state(template != null, "sentro.events.rabbit.enabled needs a RabbitTemplate: add "
                    + "spring-boot-starter-amqp and configure spring.rabbitmq.*");
            SentroProperties.Rabbit settings = properties.getEvents().getRabbit();
            return new RabbitChangeEventTarget(template, settings.getExchange(),
                    settings.getConfirmTimeout());
        }
    }
}
