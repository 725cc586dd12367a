package io.sentro.spring.autoconfigure;

import javax.sql.DataSource;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * Serves the application's {@link DataSource} as a REST API: introspects it at start-up and registers one Spring MVC
 * handler per table operation under {@code sentro.base-path}.
 */
@AutoConfiguration(after = { DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ DispatcherServlet.class, JdbcTemplate.class })
@ConditionalOnSingleCandidate(DataSource.class)
@ConditionalOnBooleanProperty(name = "sentro.enabled", matchIfMissing = true)
@EnableConfigurationProperties(SentroProperties.class)
@Import({ SentroConnectionPoolConfiguration.class, SentroSchemaConfiguration.class, SentroExecutionConfiguration.class,
        SentroAccessConfiguration.class, SentroWebConfiguration.class, SentroTomcatConfiguration.class,
        SentroObservabilityConfiguration.class, SentroReloadConfiguration.class,
        SentroConsoleConfiguration.class, SentroEventsConfiguration.class, SentroEntitiesConfiguration.class })
public final class SentroAutoConfiguration {

}
