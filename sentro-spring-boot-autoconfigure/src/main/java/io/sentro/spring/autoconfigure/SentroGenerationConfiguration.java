package io.sentro.spring.autoconfigure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.sentro.spring.customize.ModelCustomizer;
import io.sentro.spring.customize.Operation;
import io.sentro.spring.dialect.SqlDialect;
import io.sentro.spring.events.ChangeEvents;
import io.sentro.spring.web.ChangeStreams;
import io.sentro.spring.openapi.SentroOpenApiCustomizer;
import io.sentro.spring.openapi.TypeScriptDeclarations;
import io.sentro.spring.pipeline.ActionRunner;
import io.sentro.spring.pipeline.CustomizerRegistry;
import io.sentro.spring.pipeline.ExportRunner;
import io.sentro.spring.pipeline.InvalidCustomizerException;
import io.sentro.spring.pipeline.OperationRunner;
import io.sentro.spring.pipeline.WriteRunner;
import io.sentro.spring.request.ApiRequestParser;
import io.sentro.spring.schema.Relations;
import io.sentro.spring.schema.SchemaModel;
import io.sentro.spring.security.AccessPolicy;
import io.sentro.spring.security.SentroCredentials;
import io.sentro.spring.security.TableRules;
import io.sentro.spring.web.ApiEndpoints;
import io.sentro.spring.web.ApiRoutes;
import io.sentro.spring.web.JsonResponses;
import io.sentro.spring.web.SchemaDocument;
import io.sentro.spring.web.WriteLimits;
import io.swagger.v3.oas.models.info.Info;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.BeanFactoryUtils;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * One generation of the API, built from the schema model registered in its context (see
 * {@link GenerationContexts}): the customizers applied to it, the relations, the access policy, the documents,
 * the endpoints and their routes. Execution, planning and the runners are {@link SentroGenerationExecution}'s.
 */
@Configuration(proxyBeanMethods = false)
@Import(SentroGenerationExecution.class)
class SentroGenerationConfiguration {

    private static final Log log = LogFactory.getLog(SentroGenerationConfiguration.class);

    /**
     * The customizer beans in {@code @Order} order, each with its bean name so that a mistake can name it.
     */
    @Bean
    @ConditionalOnMissingBean
    CustomizerRegistry sentroCustomizerRegistry(SchemaModel model, ListableBeanFactory beans,
            ObjectProvider<ModelCustomizer> customizers) {
        Map<ModelCustomizer, String> names = new IdentityHashMap<>();
        BeanFactoryUtils.beansOfTypeIncludingAncestors(beans, ModelCustomizer.class)
            .forEach((name, customizer) -> names.put(customizer, name));
        List<CustomizerRegistry.NamedCustomizer> ordered = new ArrayList<>();
        customizers.orderedStream().forEach(customizer -> ordered.add(
                new CustomizerRegistry.NamedCustomizer(names.getOrDefault(customizer, "(unnamed)"), customizer)));
        return new CustomizerRegistry(model, ordered);
    }

    /** The relations between served tables, from their foreign keys, as the customizers renamed them. */
    @Bean
    @ConditionalOnMissingBean
    Relations sentroRelations(SchemaModel model, CustomizerRegistry customizers) {
        Relations relations = Relations.of(model);
        for (CustomizerRegistry.RelationRename rename : customizers.relationRenames()) {
            try {
                relations = relations.renamed(rename.table(), rename.from(), rename.to());
            }
            catch (IllegalArgumentException ex) {
                throw new InvalidCustomizerException(rename.beanName(), "renameRelation('" + rename.from() + "', '"
                        + rename.to() + "'): " + ex.getMessage());
            }
        }
        return relations;
    }

    @Bean
    @ConditionalOnMissingBean
    AccessPolicy sentroAccessPolicy(SchemaModel model, CustomizerRegistry registry, SentroProperties properties,
            SentroCredentials credentials, ObjectProvider<SecurityContextHolderStrategy> contexts) {
        SentroProperties.Access access = properties.getSecurity().getAccess();
        Map<String, TableRules> tables = new LinkedHashMap<>();
        access.getTables().forEach((name, table) -> {
            Map<Operation, String> operations = new EnumMap<>(Operation.class);
            putIfSet(operations, Operation.READ, table.getRead());
            putIfSet(operations, Operation.CREATE, table.getCreate());
            putIfSet(operations, Operation.UPDATE, table.getUpdate());
            putIfSet(operations, Operation.DELETE, table.getDelete());
            tables.put(name, new TableRules(operations, table.getActions(), table.getHiddenColumns(),
                    table.getRowScope()));
        });
        return new AccessPolicy(model, registry, SentroAccessConfiguration.defaults(access), tables,
                contexts.getIfAvailable(SecurityContextHolder::getContextHolderStrategy), credentials.challenge());
    }

    /** Logs, once the generation is built, who may do what to each table. */
    @Bean
    static SmartInitializingSingleton sentroAccessReport(ObjectProvider<AccessPolicy> policy) {
        return () -> policy.ifAvailable(access -> {
            if (log.isInfoEnabled()) {
                log.info("Sentro access (default: " + access.defaults() + ")");
                access.describe().forEach(line -> log.info("Sentro access " + line));
            }
        });
    }

    private static void putIfSet(Map<Operation, String> operations, Operation operation, String rule) {
        if (StringUtils.hasText(rule)) {
            operations.put(operation, rule);
        }
    }

    @Bean
    @ConditionalOnMissingBean
    TypeScriptDeclarations sentroTypeScriptDeclarations(SchemaModel model, Relations relations,
            CustomizerRegistry registry, AccessPolicy access) {
        return new TypeScriptDeclarations(model, relations, registry, access::hiddenFromEveryone);
    }

    /** Writes the TypeScript declarations to {@code sentro.types.output} for each generation, when it is set. */
    @Bean
    @ConditionalOnProperty("sentro.types.output")
    SmartInitializingSingleton sentroTypeScriptOutput(TypeScriptDeclarations typeScript, SentroProperties properties) {
        return () -> {
            Path output = Path.of(properties.getTypes().getOutput());
            try {
                if (output.getParent() != null) {
                    Files.createDirectories(output.getParent());
                }
                Files.writeString(output, typeScript.source());
            }
            catch (IOException ex) {
                throw new UncheckedIOException("Could not write sentro.types.output " + output, ex);
            }
        };
    }

    @Bean
    @ConditionalOnMissingBean
    ApiEndpoints sentroApiEndpoints(SchemaModel model, Relations relations, CustomizerRegistry registry,
            SqlDialect dialect, OperationRunner runner, WriteRunner writes, ActionRunner actions, ExportRunner exports,
            TypeScriptDeclarations typeScript, AccessPolicy access, SentroProperties properties,
            ApiRequestParser parser) {
        String basePath = SentroWebConfiguration.normalizedBasePath(properties.getBasePath());
        SentroProperties.Writes limits = properties.getWrites();
        Assert.state(limits.getMaxBodySize().toBytes() > 0, "sentro.writes.max-body-size must be positive");
        Assert.state(limits.getMaxRows() > 0, "sentro.writes.max-rows must be positive");
        return new ApiEndpoints(model, basePath, parser, runner, writes, actions, exports, new JsonResponses(),
                new SchemaDocument(model, relations, registry, dialect.name(), basePath, access::hiddenFromEveryone),
                typeScript, access, new WriteLimits(limits.getMaxBodySize().toBytes(), limits.getMaxRows()));
    }

    @Bean
    @ConditionalOnMissingBean
    ApiRoutes sentroApiRoutes(SchemaModel model, CustomizerRegistry registry, ApiEndpoints endpoints,
            AccessPolicy access, SentroProperties properties, ObjectProvider<ChangeStreams> streams,
            ChangeEvents events) {
        return ApiRoutes.of(model, registry, SentroWebConfiguration.normalizedBasePath(properties.getBasePath()),
                endpoints, access, streams.getIfAvailable(), events::enabled);
    }

    /** The generation's part of springdoc's document: served by the application's {@code SentroOpenApiDocument}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(OpenApiCustomizer.class)
    static class OpenApi {

        @Bean
        @ConditionalOnMissingBean
        SentroOpenApiCustomizer sentroOpenApiCustomizer(SchemaModel model, Relations relations,
                CustomizerRegistry registry, SentroProperties properties, AccessPolicy access,
                SentroCredentials credentials, Environment environment, ObjectProvider<BuildProperties> build) {
            SentroProperties.OpenApi openApi = properties.getOpenapi();
            String title = openApi.getTitle() != null ? openApi.getTitle()
                    : environment.getProperty("spring.application.name", "Sentro API");
            BuildProperties buildProperties = build.getIfAvailable();
            String version = openApi.getVersion() != null ? openApi.getVersion()
                    : buildProperties != null && buildProperties.getVersion() != null ? buildProperties.getVersion()
                    : "1.0.0";
            Info info = new Info().title(title).version(version).description(openApi.getDescription());
            return new SentroOpenApiCustomizer(model, relations, registry,
                    SentroWebConfiguration.normalizedBasePath(properties.getBasePath()),
                    properties.getPage().getMaxSize(), properties.getWrites().getMaxAffected(),
                    properties.getConcurrency().isRequireIfMatch(), access, credentials, info);
        }
    }
}
