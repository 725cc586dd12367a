package io.sentro.sample.seeds;

import io.sentro.sample.SeedsProfile;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The seed examples' customizers need the seed schemas: they are on with the {@value SeedsProfile#NAME} profile,
 * which {@link SeedsProfile} activates on the embedded database (it has them) and, on a database of your own, only
 * with {@code sample.seeds.enabled=true}. (Sentro refuses to start with a customizer for a table that does not exist.)
 */
class SeedExamplesCondition extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return context.getEnvironment().matchesProfiles(SeedsProfile.NAME)
                ? ConditionOutcome.match("profile '" + SeedsProfile.NAME + "' is active")
                : ConditionOutcome.noMatch("profile '" + SeedsProfile.NAME + "' is not active");
    }
}
