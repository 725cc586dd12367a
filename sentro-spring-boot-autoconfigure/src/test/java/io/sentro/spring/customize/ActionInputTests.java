package io.sentro.spring.customize;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ActionInputTests {

    private final Action adjust = Action.detail("adjust", "Adjust Inventory", (request, row, db) -> Map.of());

    @Test
    void declaresTheBodysFieldsInOrderAndKeepsTheActionAsItWas() {
        Action declared = adjust.withInput("adjustment", "Adjustment", ActionInput.Kind.INTEGER, true)
                .withInput("reason", null, ActionInput.Kind.TEXT, false).readOnly();
        assertThat(declared.label()).isEqualTo("Adjust Inventory");
        assertThat(declared.onlyReads()).isTrue();
        assertThat(declared.inputs()).containsExactly(
                new ActionInput("adjustment", "Adjustment", ActionInput.Kind.INTEGER, true),
                new ActionInput("reason", "reason", ActionInput.Kind.TEXT, false));
        assertThat(declared.inputs().get(0).kind().schemaName()).isEqualTo("integer");
        assertThat(ActionInput.Kind.TIMESTAMP.schemaName()).isEqualTo("timestamp_tz");
        assertThat(adjust.inputs()).isEmpty();
    }

    @Test
    void refusesAFieldDeclaredTwiceOrWithoutAName() {
        Action declared = adjust.withInput("adjustment", "Adjustment", ActionInput.Kind.INTEGER, true);
        assertThatIllegalArgumentException()
            .isThrownBy(() -> declared.withInput("adjustment", "Again", ActionInput.Kind.TEXT, false))
            .withMessageContaining("already declares the input 'adjustment'");
        assertThatIllegalArgumentException().isThrownBy(() -> adjust.withInput(" ", "x", ActionInput.Kind.TEXT, false));
    }
}
