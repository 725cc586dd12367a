package io.sentro.spring.openapi;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.sentro.spring.reload.ApiGenerations;
import io.sentro.spring.reload.SchemaReloadedEvent;
import io.swagger.v3.oas.models.OpenAPI;

import org.jspecify.annotations.Nullable;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OpenApiLocaleCustomizer;
import org.springdoc.core.service.OpenAPIService;
import org.springframework.context.ApplicationListener;

/**
 * Sentro's part of springdoc's document, from the generation served when springdoc builds it. Springdoc caches the
 * document it built, per locale; a schema reload drops those copies, so that the next request for
 * {@code /v3/api-docs} describes the new generation.
 */
public final class SentroOpenApiDocument
        implements OpenApiCustomizer, OpenApiLocaleCustomizer, ApplicationListener<SchemaReloadedEvent> {

    private final ApiGenerations generations;
    private final Supplier<@Nullable OpenAPIService> service;
    /** The locales springdoc built the document for, which are the keys of its cache. */
    private final Set<Locale> built = ConcurrentHashMap.newKeySet();

    public SentroOpenApiDocument(ApiGenerations generations, Supplier<@Nullable OpenAPIService> service) {
        this.generations = generations;
        this.service = service;
    }

    @Override
    public void customise(OpenAPI openApi) {
        generations.current().component(SentroOpenApiCustomizer.class).customise(openApi);
    }

    @Override
    public void customise(OpenAPI openApi, Locale locale) {
        built.add(locale);
    }

    @Override
    public void onApplicationEvent(SchemaReloadedEvent event) {
        OpenAPIService openApi = service.get();
        if (openApi != null) {
            built.forEach(locale -> openApi.setCachedOpenAPI(null, locale));
        }
    }
}
