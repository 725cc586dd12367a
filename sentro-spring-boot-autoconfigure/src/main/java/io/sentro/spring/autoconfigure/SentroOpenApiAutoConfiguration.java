package io.sentro.spring.autoconfigure;

import io.sentro.spring.openapi.SentroOpenApiCustomizer;
import io.sentro.spring.pipeline.CustomizerRegistry;
import io.sentro.spring.schema.Relations;
import io.sentro.spring.schema.SchemaModel;
import io.sentro.spring.web.SentroHandlerMapping;
import org.springdoc.core.customizers.OpenApiCustomizer;

import io.sentro.spring.security.AccessPolicy;
import io.sentro.spring.security.SentroCredentials;
import io.swagger.v3.oas.models.info.Info;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.info.BuildProperties;
import org.springframework.core.env.Environment;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Describes Sentro's routes in springdoc's OpenAPI document ({@code /v3/api-docs}, Swagger UI), when springdoc is on
 * the classpath and Sentro serves the DataSource.
 */
@AutoConfiguration(after = SentroAutoConfiguration.class)
@ConditionalOnClass(OpenApiCustomizer.class)
@ConditionalOnBean(SentroHandlerMapping.class)
public final class SentroOpenApiAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    SentroOpenApiCustomizer sentroOpenApiCustomizer(SchemaModel model, Relations relations,
            CustomizerRegistry registry, SentroProperties properties, AccessPolicy access, SentroCredentials credentials,
            Environment environment, ObjectProvider<BuildProperties> build) {
        SentroProperties.OpenApi openApi = properties.getOpenapi();
        String title = openApi.getTitle() != null ? openApi.getTitle()
                : environment.getProperty("spring.application.name", "Sentro API");
        BuildProperties buildProperties = build.getIfAvailable();
        String version = openApi.getVersion() != null ? openApi.getVersion()
                : buildProperties != null && buildProperties.getVersion() != null ? buildProperties.getVersion()
                : "1.0.0";
        Info info = new Info().title(title).version(version).description(openApi.getDescription());
        return new SentroOpenApiCustomizer(model, relations, registry,
                SentroWebConfiguration.normalizedBasePath(properties.getBasePath()), properties.getPage().getMaxSize(),
                properties.getWrites().getMaxAffected(), properties.getConcurrency().isRequireIfMatch(), access,
                credentials, info);
    }
}
