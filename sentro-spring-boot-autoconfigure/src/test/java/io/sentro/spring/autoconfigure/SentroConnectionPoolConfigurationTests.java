package io.sentro.spring.autoconfigure;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class SentroConnectionPoolConfigurationTests {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SentroAutoConfiguration.class));

    @Test
    void asksMySqlToCacheServerPreparedStatementsUnlessTheUrlSaysOtherwise() {
        runner.withUserConfiguration(OfflineModel.class)
                .withBean("dataSource", HikariDataSource.class, () -> pool("jdbc:mysql://db/shop?cachePrepStmts=false"))
                .run(context -> {
                    HikariDataSource pool = context.getBean("dataSource", HikariDataSource.class);
                    assertThat(pool.getDataSourceProperties()).containsEntry("useServerPrepStmts", "true")
                            .doesNotContainKey("cachePrepStmts");
                });
    }

    @Test
    void leavesOtherDriversAndOptOutsAlone() {
        runner.withUserConfiguration(OfflineModel.class)
                .withBean("dataSource", HikariDataSource.class, () -> pool("jdbc:postgresql://db/shop"))
                .run(context -> assertThat(context.getBean("dataSource", HikariDataSource.class).getDataSourceProperties())
                        .isEmpty());
        runner.withUserConfiguration(OfflineModel.class)
                .withPropertyValues("sentro.tune-connection-pool=false")
                .withBean("dataSource", HikariDataSource.class, () -> pool("jdbc:mariadb://db/shop"))
                .run(context -> assertThat(context.getBean("dataSource", HikariDataSource.class).getDataSourceProperties())
                        .isEmpty());
    }

    private static HikariDataSource pool(String url) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        return pool;
    }

    /** The dialect and model as beans, so that the pool is never connected to. */
    @Configuration(proxyBeanMethods = false)
    static class OfflineModel {

        @Bean
        io.sentro.spring.dialect.SqlDialect sqlDialect() {
            return new io.sentro.spring.dialect.PostgresDialect();
        }

        @Bean
        io.sentro.spring.schema.SchemaModel schemaModel() {
            return TestSchemas.posts();
        }
    }
}
