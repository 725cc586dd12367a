package io.sentro.spring.pipeline;

import java.time.Duration;
import java.util.List;

import io.sentro.spring.customize.ModelCustomizer;
import io.sentro.spring.customize.Operation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class CommittedHooksTests {

    @Test
    void runAfterWritesOnly() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> new ModelCustomizer("posts").onCommitted(Operation.READ, committed -> { }))
            .withMessageContaining("CREATE, UPDATE or DELETE");
    }

    @Test
    void runAtLeastOnce() {
        assertThatIllegalStateException().isThrownBy(() -> new CommittedHooks(Runnable::run, 0, Duration.ZERO))
            .withMessageContaining("sentro.events.committed.max-attempts");
        List.of(1, 5).forEach(attempts -> new CommittedHooks(Runnable::run, attempts, Duration.ofMillis(10)));
    }
}
