package io.sentro.spring.web;

import java.time.Duration;

import io.sentro.spring.error.ErrorCode;
import io.sentro.spring.error.SentroException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An outage is logged once when it starts and once when it ends; a request that waited through it and failed just
 * after the database answered again belongs to it and starts no second one.
 */
@ExtendWith(OutputCaptureExtension.class)
class OutagesTests {

    private final Outages outages = new Outages(Duration.ofSeconds(2), Duration.ofMinutes(1));
    private final SentroException unavailable = new SentroException(ErrorCode.DATABASE_UNAVAILABLE, "no connection");

    @Test
    void aRequestBegunDuringAnOutageThatFailsAfterItEndedStartsNoOtherOne(CapturedOutput output) {
        long waiting = System.nanoTime() - 1;
        outages.failed(System.nanoTime(), "Sentro GET /api/posts", unavailable);
        assertThat(outages.ongoing()).isTrue();
        outages.succeeded(System.nanoTime());
        assertThat(outages.ongoing()).isFalse();
        outages.failed(waiting, "Sentro POST /api/posts", unavailable);
        assertThat(outages.ongoing()).as("a straggler of the outage that ended").isFalse();
        assertThat(output.getOut().split("The database is unavailable", -1)).hasSize(2);
        assertThat(output.getOut()).containsOnlyOnce("The database answers again");

        outages.failed(System.nanoTime(), "Sentro GET /api/posts", unavailable);
        assertThat(outages.ongoing()).as("a request begun after the recovery starts a new outage").isTrue();
        assertThat(output.getOut().split("The database is unavailable", -1)).hasSize(3);
    }
}
