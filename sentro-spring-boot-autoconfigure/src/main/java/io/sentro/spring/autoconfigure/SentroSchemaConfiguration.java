package io.sentro.spring.autoconfigure;

import java.sql.DatabaseMetaData;

import javax.sql.DataSource;

import io.sentro.spring.dialect.SqlDialect;
import io.sentro.spring.dialect.SqlDialects;
import io.sentro.spring.introspect.SchemaLoader;
import io.sentro.spring.introspect.SchemaSource;
import io.sentro.spring.reload.ApiGenerations;
import io.sentro.spring.schema.SchemaModel;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;

/**
 * The dialect, detected once, and the schema: read at start-up and at each reload, each time served by a new
 * generation of the API ({@link ApiGenerations}).
 */
@Configuration(proxyBeanMethods = false)
class SentroSchemaConfiguration {

    @Bean
    @ConditionalOnMissingBean
    SqlDialect sentroSqlDialect(DataSource dataSource) throws Exception {
        return JdbcUtils.extractDatabaseMetaData(dataSource, (DatabaseMetaData metaData) -> SqlDialects.detect(metaData));
    }

    /**
     * Reads the catalog with the {@code sentro.*} table settings. An application's own {@link SchemaModel} bean is
     * served as it is, at start-up and at every reload; a {@link SchemaSource} bean of its own is read each time.
     */
    @Bean
    @ConditionalOnMissingBean
    SchemaSource sentroSchemaSource(DataSource dataSource, SqlDialect dialect, SentroProperties properties,
            ObjectProvider<SchemaModel> applicationModel) {
        SchemaModel fixed = applicationModel.getIfUnique();
        if (fixed != null) {
            return () -> fixed;
        }
        // The outbox is Sentro's own table, never served.
        java.util.List<String> excluded = new java.util.ArrayList<>(properties.getExcludeTables());
        excluded.add(properties.getEvents().getOutbox().getTable());
        SchemaLoader.Options options = new SchemaLoader.Options(properties.getSchemas(), properties.getIncludeTables(),
                excluded, properties.isReadOnly(), properties.getReadOnlyTables());
        SchemaLoader loader = new SchemaLoader(dialect.introspector());
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        String version = properties.getConcurrency().getVersionColumn();
        return () -> {
            SchemaModel model = loader.load(jdbc, options);
            if (version == null || version.isBlank()) {
                return model;
            }
            // The version column is Sentro's to write: read-only to clients in _schema, OpenAPI and TypeScript.
            return SchemaModel.of(model.tables().stream().map(table -> table.column(version)
                    .filter(column -> column.kind().isIntegral()).isPresent() ? table.withManagedColumn(version) : table)
                    .toList());
        };
    }

    /**
     * The served generation; the first is built here, so that a schema or customizer that cannot be served fails
     * start-up.
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    ApiGenerations sentroApiGenerations(SchemaSource source, ApplicationContext context) {
        return new ApiGenerations(source, new GenerationContexts(context), context);
    }
}
