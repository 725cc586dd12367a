package io.sentro.spring.autoconfigure;

import io.sentro.spring.dialect.SqlDialect;
import io.sentro.spring.execute.SqlExecutor;
import io.sentro.spring.plan.Planner;
import io.sentro.spring.plan.ValueConverter;
import io.sentro.spring.request.ApiRequestParser;
import io.sentro.spring.schema.SchemaModel;
import io.sentro.spring.web.ApiEndpoints;
import io.sentro.spring.web.JsonResponses;
import io.sentro.spring.web.SchemaDocument;
import io.sentro.spring.web.SentroHandlerMapping;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.Assert;

/**
 * The HTTP side: request parsing, planning, and the handler mapping that serves every table.
 */
@Configuration(proxyBeanMethods = false)
class SentroWebConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ApiEndpoints sentroApiEndpoints(SchemaModel model, SqlDialect dialect, SqlExecutor executor,
            SentroProperties properties) {
        String basePath = normalizedBasePath(properties.getBasePath());
        ApiRequestParser parser = new ApiRequestParser();
        Planner planner = new Planner(new ValueConverter(parser.jsonMapper()), properties.getPage().getDefaultSize(),
                properties.getPage().getMaxSize());
        return new ApiEndpoints(model, basePath, parser, planner, executor, new JsonResponses(),
                new SchemaDocument(model, dialect.name(), basePath));
    }

    @Bean
    @ConditionalOnMissingBean
    SentroHandlerMapping sentroHandlerMapping(SchemaModel model, ApiEndpoints endpoints, SentroProperties properties) {
        return new SentroHandlerMapping(model, normalizedBasePath(properties.getBasePath()), endpoints,
                new JsonResponses());
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
