package io.sentro.spring.autoconfigure;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import io.sentro.spring.customize.Integrations;
import io.sentro.spring.customize.ModelCustomizer;
import io.sentro.spring.customize.SentroDb;
import io.sentro.spring.customize.SentroIntegration;
import io.sentro.spring.dialect.SqlDialect;
import io.sentro.spring.execute.SqlExecutor;
import io.sentro.spring.openapi.TypeScriptDeclarations;
import io.sentro.spring.pipeline.ActionRunner;
import io.sentro.spring.pipeline.CustomizerRegistry;
import io.sentro.spring.pipeline.ExportRunner;
import io.sentro.spring.pipeline.OperationRunner;
import io.sentro.spring.pipeline.WriteRunner;
import io.sentro.spring.plan.Cursors;
import io.sentro.spring.plan.Planner;
import io.sentro.spring.plan.RowTags;
import io.sentro.spring.plan.WritePlanner;
import io.sentro.spring.plan.ValueConverter;
import io.sentro.spring.request.ApiRequestParser;
import io.sentro.spring.schema.Relations;
import io.sentro.spring.schema.SchemaModel;
import io.sentro.spring.security.AccessPolicy;
import io.micrometer.observation.ObservationRegistry;
import io.sentro.spring.web.ApiEndpoints;
import io.sentro.spring.web.JsonResponses;
import io.sentro.spring.web.Outages;
import io.sentro.spring.web.RowMeter;
import io.sentro.spring.web.WriteLimits;
import io.sentro.spring.web.SchemaDocument;
import io.sentro.spring.web.SentroHandlerMapping;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.Assert;

/**
 * The HTTP side and the customizer pipeline: request parsing, planning, the customizers merged per table, and the
 * handler mapping that serves every table.
 */
@Configuration(proxyBeanMethods = false)
class SentroWebConfiguration {

    private final ApiRequestParser parser = new ApiRequestParser();

    private final ValueConverter values = new ValueConverter(parser.jsonMapper());

    private final JsonResponses responses = new JsonResponses();

    @Bean
    @ConditionalOnMissingBean
    Integrations sentroIntegrations() {
        return new Integrations();
    }

    /**
     * Registers every {@link SentroIntegration} bean under its bean name, in whichever {@link Integrations} bean
     * there is (Sentro's or the application's own), once all singletons exist.
     */
    @Bean
    static SmartInitializingSingleton sentroIntegrationRegistration(ListableBeanFactory beans) {
        return () -> {
            Integrations integrations = beans.getBean(Integrations.class);
            beans.getBeansOfType(SentroIntegration.class, false, true).forEach((name, integration) -> {
                if (integrations.using(name) == null) {
                    integrations.use(name, integration);
                }
            });
        };
    }

    /**
     * The customizer beans in {@code @Order} order, each with its bean name so that a mistake can name it.
     */
    @Bean
    @ConditionalOnMissingBean
    CustomizerRegistry sentroCustomizerRegistry(SchemaModel model, ListableBeanFactory beans,
            ObjectProvider<ModelCustomizer> customizers) {
        Map<ModelCustomizer, String> names = new IdentityHashMap<>();
        beans.getBeansOfType(ModelCustomizer.class).forEach((name, customizer) -> names.put(customizer, name));
        List<CustomizerRegistry.NamedCustomizer> ordered = new ArrayList<>();
        customizers.orderedStream().forEach(customizer -> ordered.add(
                new CustomizerRegistry.NamedCustomizer(names.getOrDefault(customizer, "(unnamed)"), customizer)));
        return new CustomizerRegistry(model, ordered);
    }

    @Bean
    @ConditionalOnMissingBean
    SentroDb sentroDb(SchemaModel model, SqlExecutor executor, RowTags tags) {
        return OperationRunner.db(model, values, executor, tags);
    }

    @Bean
    @ConditionalOnMissingBean
    Cursors sentroCursors(SentroProperties properties) {
        String secret = properties.getPage().getCursorSecret();
        if (secret == null || secret.isBlank()) {
            return Cursors.withRandomKey();
        }
        Assert.state(secret.length() >= 16, "sentro.page.cursor-secret must be at least 16 characters");
        return new Cursors(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Bean
    @ConditionalOnMissingBean
    Planner sentroPlanner(SentroProperties properties, SchemaModel model, Relations relations,
            CustomizerRegistry registry, Cursors cursors, ObjectProvider<ObservationRegistry> observations) {
        SentroProperties.Page page = properties.getPage();
        Assert.state(page.getDefaultSize() > 0, "sentro.page.default-size must be positive");
        Assert.state(page.getDefaultSize() <= page.getMaxSize(),
                "sentro.page.default-size must not exceed sentro.page.max-size");
        Assert.state(page.getExactCountThreshold() >= 0, "sentro.page.exact-count-threshold must not be negative");
        Assert.state(!page.getEstimateMaxAge().isNegative(), "sentro.page.estimate-max-age must not be negative");
        Assert.state(properties.getEmbed().getMaxDepth() > 0, "sentro.embed.max-depth must be positive");
        return new Planner(values, model, relations,
                (table, name) -> registry.pipeline(table).isDisplayField(name), page.getDefaultSize(),
                page.getMaxSize(), page.getCount(), properties.getEmbed().getMaxDepth(), cursors,
                observations.getIfUnique(() -> ObservationRegistry.NOOP));
    }

    @Bean
    @ConditionalOnMissingBean
    OperationRunner sentroOperationRunner(CustomizerRegistry registry, Planner planner, SqlExecutor executor,
            SentroDb db, Integrations integrations, RowTags tags) {
        return new OperationRunner(registry, planner, executor, db, integrations, tags);
    }

    @Bean
    @ConditionalOnMissingBean
    RowTags sentroRowTags(SentroProperties properties) {
        return new RowTags(properties.getConcurrency().getVersionColumn());
    }

    @Bean
    @ConditionalOnMissingBean
    WritePlanner sentroWritePlanner(Planner planner, RowTags tags, SentroProperties properties) {
        return new WritePlanner(values, planner, tags, properties.getWrites().isRoundDecimals(),
                properties.getWrites().getMaxRows());
    }

    @Bean
    @ConditionalOnMissingBean
    WriteRunner sentroWriteRunner(CustomizerRegistry registry, WritePlanner planner, SqlExecutor executor,
            SentroDb db, Integrations integrations, RowTags tags, SentroProperties properties) {
        long maxAffected = properties.getWrites().getMaxAffected();
        Assert.state(maxAffected >= 1, "sentro.writes.max-affected must be 1 or more");
        return new WriteRunner(registry, planner, executor, db, integrations, maxAffected, tags,
                properties.getConcurrency().isRequireIfMatch());
    }

    @Bean
    @ConditionalOnMissingBean
    ExportRunner sentroExportRunner(CustomizerRegistry registry, Planner planner, SqlExecutor executor, SentroDb db,
            Integrations integrations, SentroProperties properties) {
        long maxRows = properties.getExport().getMaxRows();
        Assert.state(maxRows >= 0, "sentro.export.max-rows must be 0 (no limit) or more");
        return new ExportRunner(registry, planner, executor, db, integrations, maxRows);
    }

    @Bean
    @ConditionalOnMissingBean
    ActionRunner sentroActionRunner(OperationRunner runner, Planner planner, SentroDb db) {
        return new ActionRunner(runner, planner, db);
    }

    @Bean
    @ConditionalOnMissingBean
    ApiEndpoints sentroApiEndpoints(SchemaModel model, Relations relations, CustomizerRegistry registry,
            SqlDialect dialect, OperationRunner runner, WriteRunner writes, ActionRunner actions, ExportRunner exports,
            TypeScriptDeclarations typeScript, AccessPolicy access, SentroProperties properties) {
        String basePath = normalizedBasePath(properties.getBasePath());
        SentroProperties.Writes limits = properties.getWrites();
        Assert.state(limits.getMaxBodySize().toBytes() > 0, "sentro.writes.max-body-size must be positive");
        Assert.state(limits.getMaxRows() > 0, "sentro.writes.max-rows must be positive");
        return new ApiEndpoints(model, basePath, parser, runner, writes, actions, exports, responses, new SchemaDocument(model,
                relations, registry, dialect.name(), basePath, access::hiddenFromEveryone), typeScript, access,
                new WriteLimits(limits.getMaxBodySize().toBytes(), limits.getMaxRows()));
    }

    @Bean
    @ConditionalOnMissingBean
    TypeScriptDeclarations sentroTypeScriptDeclarations(SchemaModel model, Relations relations,
            CustomizerRegistry registry, AccessPolicy access) {
        return new TypeScriptDeclarations(model, relations, registry, access::hiddenFromEveryone);
    }

    /** Writes the TypeScript declarations to {@code sentro.types.output} at start-up, when it is set. */
    @Bean
    @ConditionalOnProperty("sentro.types.output")
    SmartInitializingSingleton sentroTypeScriptOutput(TypeScriptDeclarations typeScript, SentroProperties properties) {
        return () -> {
            java.nio.file.Path output = java.nio.file.Path.of(properties.getTypes().getOutput());
            try {
                if (output.getParent() != null) {
                    java.nio.file.Files.createDirectories(output.getParent());
                }
                java.nio.file.Files.writeString(output, typeScript.source());
            }
            catch (java.io.IOException ex) {
                throw new java.io.UncheckedIOException("Could not write sentro.types.output " + output, ex);
            }
        };
    }

    @Bean
    @ConditionalOnMissingBean
    SentroHandlerMapping sentroHandlerMapping(SchemaModel model, CustomizerRegistry registry, ApiEndpoints endpoints,
            AccessPolicy access, Outages outages, ObjectProvider<ObservationRegistry> observations,
            ObjectProvider<RowMeter> rows, SentroProperties properties) {
        return new SentroHandlerMapping(model, registry, normalizedBasePath(properties.getBasePath()), endpoints,
                responses, access, outages, observations.getIfUnique(() -> ObservationRegistry.NOOP),
                rows.getIfUnique(() -> RowMeter.NONE));
    }

    @Bean
    @ConditionalOnMissingBean
    Outages sentroOutages(SentroProperties properties) {
        return new Outages(properties.getOutage().getRetryAfter(), properties.getOutage().getLogInterval());
    }

    static String normalizedBasePath(String basePath) {
        String trimmed = basePath.trim();
        Assert.state(trimmed.startsWith("/"), "sentro.base-path must start with '/', got '" + basePath + "'");
        while (trimmed.length() > 1 && trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        Assert.state(trimmed.length() > 1, "sentro.base-path must not be '/': Sentro's routes need a prefix");
        return trimmed;
    }
}
