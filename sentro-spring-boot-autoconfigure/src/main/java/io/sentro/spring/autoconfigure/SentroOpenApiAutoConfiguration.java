package io.sentro.spring.autoconfigure;

import io.sentro.spring.openapi.SentroOpenApiCustomizer;
import io.sentro.spring.pipeline.CustomizerRegistry;
import io.sentro.spring.schema.SchemaModel;
import io.sentro.spring.web.SentroHandlerMapping;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.boot.autoconfigure.AutoConfiguration;
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
    SentroOpenApiCustomizer sentroOpenApiCustomizer(SchemaModel model, CustomizerRegistry registry,
            SentroProperties properties) {
        return new SentroOpenApiCustomizer(model, registry,
                SentroWebConfiguration.normalizedBasePath(properties.getBasePath()), properties.getPage().getMaxSize());
    }
}
