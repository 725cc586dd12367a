package io.sentro.spring.autoconfigure;

import io.sentro.spring.pipeline.InvalidCustomizerException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a customizer bean that does not match the database.
 */
class InvalidCustomizerFailureAnalyzer extends AbstractFailureAnalyzer<InvalidCustomizerException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidCustomizerException cause) {
        return new FailureAnalysis(cause.getMessage(), "Fix the ModelCustomizer bean '" + cause.beanName()
                + "' so that it names served tables and columns (see GET {sentro.base-path}/_schema), or exclude "
                + "the bean.", cause);
    }
}
