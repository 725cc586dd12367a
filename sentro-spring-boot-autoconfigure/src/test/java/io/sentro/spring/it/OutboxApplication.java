package io.sentro.spring.it;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.sentro.spring.events.ChangeEvent;
import io.sentro.spring.events.ChangeEventTarget;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The application of the outbox scenarios: a target that records what the relay delivers, and fails as a scenario
 * asks: the first delivery of a post titled "flaky ...", every delivery of one titled "poison".
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class OutboxApplication {

    static final List<ChangeEvent> DELIVERED = Collections.synchronizedList(new ArrayList<>());
    static final Map<String, Integer> TRIES = new ConcurrentHashMap<>();

    /** The events published in-process, as a transactional listener receives them: after their commit. */
    static final List<ChangeEvent> COMMITTED = Collections.synchronizedList(new ArrayList<>());

    @org.springframework.transaction.event.TransactionalEventListener
    void committed(ChangeEvent event) {
        COMMITTED.add(event);
    }

    @Bean
    ChangeEventTarget recordingTarget() {
        return event -> {
            String title = event.after() != null ? String.valueOf(event.after().get("title")) : "";
            int tries = TRIES.merge(event.id(), 1, Integer::sum);
            if (title.equals("poison") || (title.startsWith("flaky") && tries == 1)) {
                throw new IllegalStateException("the target refuses " + title);
            }
            DELIVERED.add(event);
        };
    }
}
