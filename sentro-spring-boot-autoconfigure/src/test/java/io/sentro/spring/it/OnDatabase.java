package io.sentro.spring.it;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.sentro.spring.it.FixtureDatabases.Dialect;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The dialect a scenario class runs on. When no database of that dialect can be had, every test of the class is
 * reported as skipped, with the reason.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@interface OnDatabase {

    Dialect value();

    /** Disables the class, naming the reason, when its database is unavailable. */
    final class Condition implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            OnDatabase onDatabase = context.getRequiredTestClass().getAnnotation(OnDatabase.class);
            if (onDatabase == null) {
                return ConditionEvaluationResult.enabled("no database requirement");
            }
            try {
                FixtureDatabase database = FixtureDatabases.of(onDatabase.value());
                return ConditionEvaluationResult.enabled(onDatabase.value() + " from " + database.source());
            }
            catch (FixtureDatabases.Unavailable ex) {
                System.err.println("[sentro] " + ex.getMessage());
                return ConditionEvaluationResult.disabled(ex.getMessage());
            }
        }
    }
}
