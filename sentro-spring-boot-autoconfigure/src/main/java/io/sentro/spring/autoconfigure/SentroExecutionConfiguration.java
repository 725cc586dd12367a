package io.sentro.spring.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import io.sentro.spring.execute.ReadReplicas;
import io.sentro.spring.execute.SentroReadReplica;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.Assert;

/**
 * The read replicas: {@code sentro.read-replicas} and the application's {@link SentroReadReplica} DataSource beans,
 * routed by {@link ReadReplicas}. They outlive schema reloads; each generation's SQL executor runs on them.
 */
@Configuration(proxyBeanMethods = false)
class SentroExecutionConfiguration {

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
}
