package io.sentro.spring.it;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import io.sentro.spring.it.FixtureDatabases.Dialect;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Change events delivered to a real RabbitMQ (the machine's, at 127.0.0.1:5672) by the outbox relay: a queue bound
 * to {@code posts.*} on the {@code sentro.changes} exchange receives each post's event, as JSON, with the event's id
 * as the message id and the table and operation as its routing key, confirmed by the broker. Skipped, saying so,
 * where no RabbitMQ answers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OnDatabase.Condition.class)
@OnDatabase(Dialect.POSTGRES)
class RabbitDeliveryTests {

    private RunningApp app;

    @BeforeAll
    void start() {
        Assumptions.assumeTrue(rabbitAnswers(), "RabbitMQ delivery test skipped: nothing answers at 127.0.0.1:5672");
        FixtureDatabase database = FixtureDatabases.of(Dialect.POSTGRES);
        database.resetRows();
        FixtureDatabases.forgetOutbox(database);
        app = RunningApp.start(PlainApplication.class, database, "sentro.security.access.default=permit-all",
                "sentro.events.enabled=true", "sentro.events.tables=posts", "sentro.events.outbox.enabled=true",
                "sentro.events.outbox.poll-interval=50ms", "sentro.events.rabbit.enabled=true",
                "spring.rabbitmq.host=127.0.0.1", "spring.rabbitmq.port=5672", "spring.rabbitmq.username=guest",
                "spring.rabbitmq.password=guest", "spring.rabbitmq.publisher-confirm-type=simple");
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    private static boolean rabbitAnswers() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 5672), 1000);
            return true;
        }
        catch (java.io.IOException ex) {
            return false;
        }
    }

    @Test
    void eachPostsEventReachesAQueueBoundToItsRoutingKey() throws Exception {
        AmqpAdmin admin = app.context().getBean(AmqpAdmin.class);
        RabbitTemplate rabbit = app.context().getBean(RabbitTemplate.class);
        Queue queue = new Queue("sentro-test-" + java.util.UUID.randomUUID(), false, false, false);
        admin.declareQueue(queue);
        Binding binding = BindingBuilder.bind(queue).to(app.context().getBean("sentroChangesExchange",
                TopicExchange.class)).with("posts.*");
        admin.declareBinding(binding);
        try {
            JsonNode post = app.api().post("/api/posts", "{\"author_id\": 1, \"title\": \"to the broker\"}").json();
            long id = post.get("id").asLong();
            assertThat(app.api().patch("/api/posts/" + id, "{\"title\": \"again\"}").status()).isEqualTo(200);

            Message created = rabbit.receive(queue.getName(), 15_000);
            Message updated = rabbit.receive(queue.getName(), 15_000);
            assertThat(created).as("the create's message").isNotNull();
            assertThat(updated).as("the update's message").isNotNull();
            assertThat(created.getMessageProperties().getReceivedRoutingKey()).isEqualTo("posts.create");
            assertThat(updated.getMessageProperties().getReceivedRoutingKey()).isEqualTo("posts.update");
            assertThat(created.getMessageProperties().getContentType()).isEqualTo("application/json");
            JsonNode event = JsonMapper.builder().build().readTree(new String(created.getBody(), StandardCharsets.UTF_8));
            assertThat(created.getMessageProperties().getMessageId()).isEqualTo(event.get("id").asString());
            assertThat(event.get("table").asString()).isEqualTo("posts");
            assertThat(event.at("/after/title").asString()).isEqualTo("to the broker");
            assertThat(event.at("/key/id").asLong()).isEqualTo(id);
            JsonNode change = JsonMapper.builder().build().readTree(new String(updated.getBody(), StandardCharsets.UTF_8));
            assertThat(change.at("/before/title").asString()).isEqualTo("to the broker");
            assertThat(change.at("/after/title").asString()).isEqualTo("again");
        }
        finally {
            admin.removeBinding(binding);
            admin.deleteQueue(queue.getName());
        }
    }
}
