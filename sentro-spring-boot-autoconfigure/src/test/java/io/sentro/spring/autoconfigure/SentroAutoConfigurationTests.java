package io.sentro.spring.autoconfigure;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.sentro.spring.dialect.PostgresDialect;
import io.sentro.spring.dialect.SqlDialect;
import io.sentro.spring.execute.SqlExecutor;
import io.sentro.spring.plan.Grant;
import io.sentro.spring.plan.OperationPlan.ReadPlan;
import io.sentro.spring.plan.Planner;
import io.sentro.spring.query.CountMode;
import io.sentro.spring.query.ListQuery;
import io.sentro.spring.schema.SchemaModel;
import io.sentro.spring.schema.Table;
import io.sentro.spring.web.ApiEndpoints;
import io.sentro.spring.web.SentroHandlerMapping;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.web.servlet.DispatcherServlet;

import static org.assertj.core.api.Assertions.assertThat;

class SentroAutoConfigurationTests {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SentroAutoConfiguration.class));

    @Test
    void servesTheModelWhenThereIsADataSource() {
        runner.withUserConfiguration(OfflineDatabase.class).run(context -> {
            assertThat(context).hasSingleBean(SentroHandlerMapping.class);
            assertThat(context).hasSingleBean(io.sentro.spring.reload.ApiGenerations.class);
            io.sentro.spring.reload.ApiGeneration served = generation(context);
            assertThat(served.number()).isEqualTo(1);
            assertThat(served.model().table("posts")).isPresent();
            assertThat(served.component(ApiEndpoints.class)).isNotNull();
            assertThat(served.component(SqlExecutor.class)).isNotNull();
            assertThat(served.routes().of("posts")).contains("GET /api/posts", "GET /api/posts/{key}");
        });
    }

    @Test
    void servesTheConsoleOnlyWhenEnabledAndNeverUnderTheApi() {
        runner.withUserConfiguration(OfflineDatabase.class)
                .run(context -> assertThat(context).doesNotHaveBean("sentroConsoleHandlerMapping"));
        runner.withUserConfiguration(OfflineDatabase.class).withPropertyValues("sentro.console.enabled=true")
                .run(context -> {
                    var mapping = context.getBean("sentroConsoleHandlerMapping",
                            org.springframework.web.servlet.handler.SimpleUrlHandlerMapping.class);
                    assertThat(mapping.getUrlMap()).containsKeys("/sentro", "/sentro/assets/**",
                            "/sentro/vendor/preact/**", "/sentro/vendor/pico/**");
                });
        runner.withUserConfiguration(OfflineDatabase.class)
                .withPropertyValues("sentro.console.enabled=true", "sentro.console.path=/api/console")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("sentro.console.path must not be under sentro.base-path"));
    }

    @Test
    void reloadsOnNotifyOnlyWhereTheDatabaseNotifies() {
        runner.withUserConfiguration(OfflineDatabase.class).run(context -> assertThat(context)
                .doesNotHaveBean(io.sentro.spring.reload.NotifiedReloads.class)
                .doesNotHaveBean(io.sentro.spring.reload.ScheduledReloads.class));
        runner.withUserConfiguration(OfflineDatabase.class)
                .withPropertyValues("sentro.schema.reload-on-notify=true", "sentro.schema.reload-interval=1m")
                .run(context -> assertThat(context).hasSingleBean(io.sentro.spring.reload.NotifiedReloads.class)
                        .hasSingleBean(io.sentro.spring.reload.ScheduledReloads.class));
        runner.withUserConfiguration(OfflineDatabase.class).withAllowBeanDefinitionOverriding(true)
                .withBean("sqlDialect", SqlDialect.class, io.sentro.spring.dialect.MariaDbDialect::new)
                .withPropertyValues("sentro.schema.reload-on-notify=true")
                .run(context -> assertThat(context).hasFailed().getFailure().hasStackTraceContaining(
                        "sentro.schema.reload-on-notify needs a database that notifies listeners"));
        runner.withUserConfiguration(OfflineDatabase.class)
                .withPropertyValues("sentro.schema.reload-on-notify=true", "sentro.schema.notify-channel=Sentro; --")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("sentro.schema.notify-channel must be a lower-case identifier"));
        runner.withUserConfiguration(OfflineDatabase.class).withPropertyValues("sentro.schema.reload-interval=0s")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("sentro.schema.reload-interval must be positive"));
    }

    @Test
    void answersTomcatsOwnRefusalsWithProblemsOnTomcatOnly() {
        runner.withUserConfiguration(OfflineDatabase.class).run(context -> assertThat(context)
                .hasBean("sentroTomcatProblemReports"));
        runner.withUserConfiguration(OfflineDatabase.class)
                .withClassLoader(new FilteredClassLoader("org.apache.catalina"))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean("sentroTomcatProblemReports"));
    }

    @Test
    void readsFromReplicasGivenAsUrlsOrAsQualifiedDataSourceBeans() {
        runner.withUserConfiguration(OfflineDatabase.class).run(context -> assertThat(context
                .getBean(SentroReadReplicas.class).replicas()).isNull());
        runner.withUserConfiguration(OfflineDatabase.class, ReplicaBean.class)
                .withPropertyValues("sentro.read-replicas=jdbc:postgresql://127.0.0.1:1/replica-by-url")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(generation(context).component(SqlExecutor.class)).isNotNull();
                    assertThat(context.getBean(SentroReadReplicas.class).replicas().replicas()).hasSize(2);
                });
    }

    @Configuration(proxyBeanMethods = false)
    static class ReplicaBean {

        @Bean
        @io.sentro.spring.execute.SentroReadReplica
        DataSource replica() {
            return new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:1/replica-bean");
        }

        @Bean
        @org.springframework.context.annotation.Primary
        DataSource primaryDataSource() {
            return new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:1/none");
        }
    }

    @Test
    void backsOffWithoutADataSource() {
        runner.run(context -> assertThat(context).doesNotHaveBean(SentroHandlerMapping.class));
    }

    @Test
    void backsOffWhenDisabled() {
        runner.withUserConfiguration(OfflineDatabase.class).withPropertyValues("sentro.enabled=false")
                .run(context -> {
                    assertThat(context).doesNotHaveBean(SentroHandlerMapping.class);
                    assertThat(context).doesNotHaveBean(SqlExecutor.class);
                });
    }

    @Test
    void backsOffOutsideAServletWebApplication() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(SentroAutoConfiguration.class))
                .withUserConfiguration(OfflineDatabase.class)
                .run(context -> assertThat(context).doesNotHaveBean(SentroHandlerMapping.class));
    }

    @Test
    void backsOffWithoutSpringMvc() {
        runner.withUserConfiguration(OfflineDatabase.class)
                .withClassLoader(new FilteredClassLoader(DispatcherServlet.class))
                .run(context -> assertThat(context).doesNotHaveBean(SentroHandlerMapping.class));
    }

    @Test
    void bindsProperties() {
        runner.withUserConfiguration(OfflineDatabase.class)
                .withPropertyValues("sentro.base-path=/rest/", "sentro.page.default-size=5", "sentro.page.max-size=50",
                        "sentro.read-only-tables=audit_*", "sentro.schemas=app,crm")
                .run(context -> {
                    SentroProperties properties = context.getBean(SentroProperties.class);
                    assertThat(properties.getBasePath()).isEqualTo("/rest/");
                    assertThat(properties.getPage().getDefaultSize()).isEqualTo(5);
                    assertThat(properties.getPage().getMaxSize()).isEqualTo(50);
                    assertThat(properties.getReadOnlyTables()).containsExactly("audit_*");
                    assertThat(properties.getSchemas()).containsExactly("app", "crm");
                    assertThat(SentroWebConfiguration.normalizedBasePath(properties.getBasePath())).isEqualTo("/rest");
                });
    }

    @Test
    void countsEstimatedByDefaultAndAsConfigured() {
        runner.withUserConfiguration(OfflineDatabase.class).run(context -> {
            SentroProperties.Page page = context.getBean(SentroProperties.class).getPage();
            assertThat(page.getCount()).isEqualTo(CountMode.ESTIMATED);
            assertThat(page.getExactCountThreshold()).isEqualTo(10_000);
        });
        runner.withUserConfiguration(OfflineDatabase.class)
                .withPropertyValues("sentro.page.count=exact", "sentro.page.exact-count-threshold=0")
                .run(context -> {
                    SentroProperties.Page page = context.getBean(SentroProperties.class).getPage();
                    assertThat(page.getCount()).isEqualTo(CountMode.EXACT);
                    assertThat(page.getExactCountThreshold()).isZero();
                    Table posts = generation(context).model().tables().get(0);
                    ReadPlan plan = generation(context).component(Planner.class).read(posts, new ListQuery(List.of(), List.of(),
                            List.of(), Map.of(), null, null, null, null), Grant.FULL, io.sentro.spring.plan.Grants.NONE);
                    assertThat(plan.count()).isEqualTo(CountMode.EXACT);
                });
    }

    @Test
    void failsFastOnANegativeExactCountThreshold() {
        runner.withUserConfiguration(OfflineDatabase.class).withPropertyValues("sentro.page.exact-count-threshold=-1")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("sentro.page.exact-count-threshold must not be negative"));
    }

    @Test
    void failsFastOnANegativeEstimateMaxAge() {
        runner.withUserConfiguration(OfflineDatabase.class).withPropertyValues("sentro.page.estimate-max-age=-1s")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("sentro.page.estimate-max-age must not be negative"));
    }

    @Test
    void failsFastOnAnUnknownCountMode() {
        runner.withUserConfiguration(OfflineDatabase.class).withPropertyValues("sentro.page.count=planned")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("sentro.page.count"));
    }

    @Test
    void failsFastOnABasePathWithoutLeadingSlash() {
        runner.withUserConfiguration(OfflineDatabase.class).withPropertyValues("sentro.base-path=api")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("sentro.base-path must start with '/'"));
    }

    @Test
    void failsFastOnARenameOfAnUnknownRelation() {
        runner.withUserConfiguration(OfflineDatabase.class)
                .withBean("relationTypo", io.sentro.spring.customize.ModelCustomizer.class,
                        () -> new io.sentro.spring.customize.ModelCustomizer("posts").renameRelation("autor", "writer"))
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("ModelCustomizer bean 'relationTypo': renameRelation('autor', "
                                + "'writer'): table 'posts' has no relation 'autor'"));
    }

    @Test
    void usesTheApplicationsOwnMapping() {
        runner.withUserConfiguration(OfflineDatabase.class, CustomMapping.class).run(context -> {
            assertThat(context).hasSingleBean(SentroHandlerMapping.class);
            assertThat(context.getBean(SentroHandlerMapping.class)).isSameAs(context.getBean("customMapping"));
        });
    }

    @Test
    void failsFastOnACustomizerThatNamesAnUnknownTable() {
        runner.withUserConfiguration(OfflineDatabase.class)
                .withBean("typoCustomizer", io.sentro.spring.customize.ModelCustomizer.class,
                        () -> new io.sentro.spring.customize.ModelCustomizer("pots"))
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("ModelCustomizer bean 'typoCustomizer': unknown table 'pots'"));
    }

    @Test
    void registersSentroIntegrationBeansByName() {
        runner.withUserConfiguration(OfflineDatabase.class)
                .withBean("mailer", Mailer.class, Mailer::new)
                .run(context -> {
                    io.sentro.spring.customize.Integrations integrations = context
                            .getBean(io.sentro.spring.customize.Integrations.class);
                    assertThat(integrations.using("mailer", Mailer.class)).isSameAs(context.getBean(Mailer.class));
                    assertThat((Object) integrations.using("stripe")).isNull();
                });
    }

    @Test
    void registersIntegrationBeansInTheApplicationsOwnRegistry() {
        io.sentro.spring.customize.Integrations own = new io.sentro.spring.customize.Integrations().use("stripe", "fake");
        runner.withUserConfiguration(OfflineDatabase.class)
                .withBean(io.sentro.spring.customize.Integrations.class, () -> own)
                .withBean("mailer", Mailer.class, Mailer::new)
                .run(context -> {
                    assertThat(context.getBean(io.sentro.spring.customize.Integrations.class)).isSameAs(own);
                    assertThat(own.using("mailer", Mailer.class)).isNotNull();
                    assertThat((Object) own.using("stripe")).isEqualTo("fake");
                });
    }

    private static io.sentro.spring.reload.ApiGeneration generation(
            org.springframework.context.ApplicationContext context) {
        return context.getBean(io.sentro.spring.reload.ApiGenerations.class).current();
    }

    static class Mailer implements io.sentro.spring.customize.SentroIntegration {
    }

    /** A DataSource that is never connected to, with the dialect and model given as beans. */
    @Configuration(proxyBeanMethods = false)
    static class OfflineDatabase {

        @Bean
        DataSource dataSource() {
            return new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:1/none");
        }

        @Bean
        SqlDialect sqlDialect() {
            return new PostgresDialect();
        }

        @Bean
        io.sentro.spring.introspect.SchemaSource schemaSource() {
            return TestSchemas::posts;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class CustomMapping {

        @Bean
        SentroHandlerMapping customMapping(io.sentro.spring.reload.ApiGenerations generations) {
            return new SentroHandlerMapping(generations, "/custom", new io.sentro.spring.web.JsonResponses(),
                    io.sentro.spring.web.Outages.DEFAULT, io.micrometer.observation.ObservationRegistry.NOOP,
                    io.sentro.spring.web.RowMeter.NONE);
        }
    }
}
