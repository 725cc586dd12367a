package io.sentro.spring.autoconfigure;

import io.sentro.spring.openapi.SentroOpenApiDocument;
import io.sentro.spring.reload.ApiGenerations;
import io.sentro.spring.web.SentroHandlerMapping;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.service.OpenAPIService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Describes Sentro's routes in springdoc's OpenAPI document ({@code /v3/api-docs}, Swagger UI), when springdoc is on
 * the classpath and Sentro serves the DataSource. Each generation describes itself (its
 * {@code SentroOpenApiCustomizer}); the document follows schema reloads.
 */
@AutoConfiguration(after = SentroAutoConfiguration.class)
@ConditionalOnClass(OpenApiCustomizer.class)
@ConditionalOnBean(SentroHandlerMapping.class)
public final class SentroOpenApiAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    SentroOpenApiDocument sentroOpenApiDocument(ApiGenerations generations, ObjectProvider<OpenAPIService> service) {
        return new SentroOpenApiDocument(generations, service::getIfUnique);
    }
}
