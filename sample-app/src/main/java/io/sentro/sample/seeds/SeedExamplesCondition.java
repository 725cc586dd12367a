package io.sentro.sample.seeds;

import io.sentro.sample.EmbeddedDatabaseConfiguration;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The seed examples' customizers need the seed schemas: they are on with the embedded database, which has them, and
 * off when the sample serves a database of your own, unless {@code sample.seeds.enabled=true} says it has the schemas
 * too. (Sentro refuses to start with a customizer for a table that does not exist.)
 */
class SeedExamplesCondition extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String enabled = context.getEnvironment().getProperty("sample.seeds.enabled");
        if (enabled != null) {
            return Boolean.parseBoolean(enabled) ? ConditionOutcome.match("sample.seeds.enabled=true")
                    : ConditionOutcome.noMatch("sample.seeds.enabled=false");
        }
        return new EmbeddedDatabaseConfiguration.NoDataSourceUrl().getMatchOutcome(context, metadata);
    }
}
