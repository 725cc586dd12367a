package io.sentro.spring.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import io.micrometer.observation.ObservationRegistry;
import io.sentro.spring.dialect.SqlDialect;
import io.sentro.spring.execute.ReadReplicas;
import io.sentro.spring.execute.SentroReadReplica;
import io.sentro.spring.execute.SqlExecutor;
import io.sentro.spring.schema.SchemaModel;
import io.sentro.spring.sql.SqlRenderer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.Assert;

/**
 * SQL rendering and execution. Sentro uses its own {@link JdbcTemplate} on the DataSource, so that settings of the
 * application's template (max rows, fetch size) do not change API results, and the application's transaction
 * manager when there is exactly one. With {@code sentro.read-replicas}, Sentro runs on the primary with read-only
 * connections from the replicas ({@link ReadReplicas}), and on a transaction manager of its own over that routing.
 */
@Configuration(proxyBeanMethods = false)
class SentroExecutionConfiguration {

    @Bean
    @ConditionalOnMissingBean
    SqlRenderer sentroSqlRenderer(SqlDialect dialect, SchemaModel model) {
        return new SqlRenderer(dialect, model);
    }

    /** The read replicas' pools and routing, or none: a holder, so that the pools close with the context. */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    SentroReadReplicas sentroReadReplicas(DataSource dataSource, SentroProperties properties,
            @SentroReadReplica ObjectProvider<DataSource> replicaBeans) {
        List<String> urls = properties.getReadReplicas();
        List<DataSource> beans = replicaBeans.orderedStream().filter(bean -> bean != dataSource).toList();
        if (urls.isEmpty() && beans.isEmpty()) {
            return new SentroReadReplicas(null);
        }
        Assert.state(urls.isEmpty() || org.springframework.util.ClassUtils.isPresent(
                "com.zaxxer.hikari.HikariDataSource", getClass().getClassLoader()),
                "sentro.read-replicas needs HikariCP for the replicas' pools");
        List<DataSource> pools = new ArrayList<>();
        for (int i = 0; i < urls.size(); i++) {
            pools.add(ReplicaPools.pool(urls.get(i), i + 1, dataSource));
        }
        // The application's own replica beans: their lifecycle is the application's, not closed here.
        List<DataSource> all = new ArrayList<>(pools);
        beans.forEach(bean -> all.add(new org.springframework.jdbc.datasource.DelegatingDataSource(bean)));
        return new SentroReadReplicas(new ReadReplicas(dataSource, all, properties.getReadReplicaRetryAfter()));
    }

    @Bean
    @ConditionalOnMissingBean
    SqlExecutor sentroSqlExecutor(DataSource dataSource, SqlRenderer renderer, SchemaModel model,
            ObjectProvider<PlatformTransactionManager> transactionManager, SentroReadReplicas replicas,
            ObjectProvider<ObservationRegistry> observations, SentroProperties properties) {
        ReadReplicas routing = replicas.replicas();
        DataSource effective = routing != null ? routing.dataSource() : dataSource;
        PlatformTransactionManager transactions = routing != null ? new JdbcTransactionManager(effective)
                : transactionManager.getIfUnique(() -> new JdbcTransactionManager(dataSource));
        JdbcTemplate jdbc = new JdbcTemplate(effective);
        java.time.Duration timeout = properties.getQueryTimeout();
        if (timeout != null && !timeout.isZero()) {
            Assert.state(!timeout.isNegative(), "sentro.query-timeout must be positive");
            // JDBC counts whole seconds; the driver cancels the statement in the database when they run out.
            jdbc.setQueryTimeout((int) Math.max(1, (timeout.toMillis() + 999) / 1000));
        }
        return new SqlExecutor(jdbc, new TransactionTemplate(transactions), renderer, model,
                properties.getPage().getExactCountThreshold(), properties.getPage().getEstimateMaxAge(),
                observations.getIfUnique(() -> ObservationRegistry.NOOP), routing != null);
    }
}
