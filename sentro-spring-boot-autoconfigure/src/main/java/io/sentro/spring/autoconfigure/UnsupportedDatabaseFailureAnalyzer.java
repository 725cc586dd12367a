package io.sentro.spring.autoconfigure;

import io.sentro.spring.dialect.SqlDialects.UnsupportedDatabaseException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a start-up on a database Sentro has no dialect for, and what to do about it.
 */
class UnsupportedDatabaseFailureAnalyzer extends AbstractFailureAnalyzer<UnsupportedDatabaseException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, UnsupportedDatabaseException cause) {
        return new FailureAnalysis(cause.getMessage(), "Point spring.datasource.url at a PostgreSQL, MySQL, MariaDB or "
                + "SQL Server database, declare your own SqlDialect bean, or set sentro.enabled=false.", cause);
    }
}
