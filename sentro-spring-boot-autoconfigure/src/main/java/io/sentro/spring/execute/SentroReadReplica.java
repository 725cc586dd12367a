package io.sentro.spring.execute;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.beans.factory.annotation.Qualifier;

/**
 * Marks a {@code DataSource} bean as a read replica of the application's (primary) DataSource, for Sentro's reads
 * (see {@link ReadReplicas}); with it, mark the primary {@code @Primary}. Replicas given this way come after those
 * of {@code sentro.read-replicas}:
 * <pre>{@code
 * @Bean @Primary @ConfigurationProperties("app.datasource.primary")
 * HikariDataSource dataSource() { ... }
 *
 * @Bean @SentroReadReplica @ConfigurationProperties("app.datasource.replica")
 * HikariDataSource replica() { ... }
 * }</pre>
 */
@Target({ ElementType.METHOD, ElementType.TYPE, ElementType.FIELD, ElementType.PARAMETER })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Qualifier
public @interface SentroReadReplica {
}
