package io.sentro.spring.events;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/**
 * Delivers change events to RabbitMQ, through Spring AMQP: to a topic exchange, with the routing key
 * {@code <table>.<operation>} ({@code posts.create}), the event as a persistent JSON message whose id is the event's.
 * With publisher confirms ({@code spring.rabbitmq.publisher-confirm-type=simple}) a delivery counts only once the
 * broker confirmed it, so the outbox's at-least-once holds up to the broker; without them, once it was sent.
 */
public final class RabbitChangeEventTarget implements ChangeEventTarget {

    private final RabbitTemplate rabbit;
    private final String exchange;
    private final Duration confirmTimeout;
    private final ChangeEventJson json = new ChangeEventJson();

    public RabbitChangeEventTarget(RabbitTemplate rabbit, String exchange, Duration confirmTimeout) {
        this.rabbit = rabbit;
        this.exchange = exchange;
        this.confirmTimeout = confirmTimeout;
    }

    /** The routing key of an event: its table and operation ({@code posts.update}). */
    public static String routingKey(ChangeEvent event) {
        return event.table() + "." + event.operation();
    }

    @Override
    public void deliver(ChangeEvent event) {
        MessageProperties properties = new MessageProperties();
        properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
        properties.setContentEncoding("UTF-8");
        properties.setMessageId(event.id());
        properties.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
        properties.setHeader("sentro-table", event.table());
        properties.setHeader("sentro-operation", event.operation());
        properties.setHeader("sentro-transaction", event.transaction());
        Message message = new Message(json.write(event).getBytes(StandardCharsets.UTF_8), properties);
        if (confirms()) {
            rabbit.invoke(operations -> {
                operations.send(exchange, routingKey(event), message);
                operations.waitForConfirmsOrDie(confirmTimeout.toMillis());
                return null;
            });
        }
        else {
            rabbit.send(exchange, routingKey(event), message);
        }
    }

    private boolean confirms() {
        return rabbit.getConnectionFactory() instanceof CachingConnectionFactory factory
                && factory.isSimplePublisherConfirms();
    }
}
