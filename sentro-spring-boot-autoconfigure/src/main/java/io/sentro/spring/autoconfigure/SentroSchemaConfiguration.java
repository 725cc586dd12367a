package io.sentro.spring.autoconfigure;

import java.sql.DatabaseMetaData;

import javax.sql.DataSource;

import io.sentro.spring.dialect.SqlDialect;
import io.sentro.spring.dialect.SqlDialects;
import io.sentro.spring.introspect.SchemaLoader;
import io.sentro.spring.pipeline.CustomizerRegistry;
import io.sentro.spring.pipeline.InvalidCustomizerException;
import io.sentro.spring.schema.Relations;
import io.sentro.spring.schema.SchemaModel;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;

/**
 * The dialect and the schema model, both read from the database once at start-up.
 */
@Configuration(proxyBeanMethods = false)
class SentroSchemaConfiguration {

    @Bean
    @ConditionalOnMissingBean
    SqlDialect sentroSqlDialect(DataSource dataSource) throws Exception {
        return JdbcUtils.extractDatabaseMetaData(dataSource, (DatabaseMetaData metaData) -> SqlDialects.detect(metaData));
    }

    /** The relations between served tables, from their foreign keys, as the customizers renamed them. */
    @Bean
    @ConditionalOnMissingBean
    Relations sentroRelations(SchemaModel model, ObjectProvider<CustomizerRegistry> registry) {
        Relations relations = Relations.of(model);
        CustomizerRegistry customizers = registry.getIfAvailable();
        if (customizers != null) {
            for (CustomizerRegistry.RelationRename rename : customizers.relationRenames()) {
                try {
                    relations = relations.renamed(rename.table(), rename.from(), rename.to());
                }
                catch (IllegalArgumentException ex) {
                    throw new InvalidCustomizerException(rename.beanName(), "renameRelation('" + rename.from() + "', '"
                            + rename.to() + "'): " + ex.getMessage());
                }
            }
        }
        return relations;
    }

    @Bean
    @ConditionalOnMissingBean
    SchemaModel sentroSchemaModel(DataSource dataSource, SqlDialect dialect, SentroProperties properties) {
        SchemaLoader.Options options = new SchemaLoader.Options(properties.getSchemas(), properties.getIncludeTables(),
                properties.getExcludeTables(), properties.isReadOnly(), properties.getReadOnlyTables());
        SchemaModel model = new SchemaLoader(dialect.introspector()).load(new JdbcTemplate(dataSource), options);
        String version = properties.getConcurrency().getVersionColumn();
        if (version == null || version.isBlank()) {
            return model;
        }
        // The version column is Sentro's to write: read-only to clients in _schema, OpenAPI and TypeScript.
        return SchemaModel.of(model.tables().stream().map(table -> table.column(version)
                .filter(column -> column.kind().isIntegral()).isPresent() ? table.withManagedColumn(version) : table)
                .toList());
    }
}
