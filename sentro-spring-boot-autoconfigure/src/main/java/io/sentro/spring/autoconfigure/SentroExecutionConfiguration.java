package io.sentro.spring.autoconfigure;

import javax.sql.DataSource;

import io.sentro.spring.dialect.SqlDialect;
import io.sentro.spring.execute.SqlExecutor;
import io.sentro.spring.schema.SchemaModel;
import io.sentro.spring.sql.SqlRenderer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.Assert;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * SQL rendering and execution. Sentro uses its own {@link JdbcTemplate} on the DataSource, so that settings of the
 * application's template (max rows, fetch size) do not change API results, and the application's transaction
 * manager when there is exactly one.
 */
@Configuration(proxyBeanMethods = false)
class SentroExecutionConfiguration {

    @Bean
    @ConditionalOnMissingBean
    SqlRenderer sentroSqlRenderer(SqlDialect dialect, SchemaModel model) {
        return new SqlRenderer(dialect, model);
    }

    @Bean
    @ConditionalOnMissingBean
    SqlExecutor sentroSqlExecutor(DataSource dataSource, SqlRenderer renderer, SchemaModel model,
            ObjectProvider<PlatformTransactionManager> transactionManager,
            ObjectProvider<io.micrometer.observation.ObservationRegistry> observations, SentroProperties properties) {
        PlatformTransactionManager transactions = transactionManager
                .getIfUnique(() -> new JdbcTransactionManager(dataSource));
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        java.time.Duration timeout = properties.getQueryTimeout();
        if (timeout != null && !timeout.isZero()) {
            Assert.state(!timeout.isNegative(), "sentro.query-timeout must be positive");
            // JDBC counts whole seconds; the driver cancels the statement in the database when they run out.
            jdbc.setQueryTimeout((int) Math.max(1, (timeout.toMillis() + 999) / 1000));
        }
        return new SqlExecutor(jdbc, new TransactionTemplate(transactions), renderer, model,
                properties.getPage().getExactCountThreshold(), properties.getPage().getEstimateMaxAge(),
                observations.getIfUnique(() -> io.micrometer.observation.ObservationRegistry.NOOP));
    }
}
