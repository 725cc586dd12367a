package io.sentro.spring.autoconfigure;

import java.time.Instant;

import io.sentro.spring.customize.SentroDb;
import io.sentro.spring.reload.ApiGeneration;
import io.sentro.spring.reload.ApiGenerations;
import io.sentro.spring.schema.SchemaModel;
import io.sentro.spring.web.ApiRoutes;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.ApplicationContextEvent;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.ResolvableType;

/**
 * Builds each generation as a child application context of the application's, from
 * {@link SentroGenerationConfiguration}: the beans built from the schema model (pipelines, access policy, planners,
 * runners, documents, routes) are made again for each model, while those that are not (the dialect, the pools, the
 * credentials, the cursor key, the metrics) stay the application's. A bean the application declares of one of the
 * generation's types is used instead of Sentro's in every generation, as {@code @ConditionalOnMissingBean} looks in
 * the parent too.
 */
final class GenerationContexts implements ApiGenerations.Factory {

    private final ApplicationContext application;

    GenerationContexts(ApplicationContext application) {
        this.application = application;
    }

    @Override
    public ApiGeneration build(SchemaModel model, long number) {
        GenerationContext context = new GenerationContext();
        context.setParent(application);
        context.setId(application.getId() + "-sentro-" + number);
        context.setClassLoader(application.getClassLoader());
        // The model is the generation's, primary over one an application might have declared itself.
        context.registerBean("sentroSchemaModel", SchemaModel.class, () -> model,
                definition -> definition.setPrimary(true));
        context.register(SentroGenerationConfiguration.class);
        context.refresh();
        return new ApiGeneration(number, Instant.now(), model, context.getBean(ApiRoutes.class),
                context.getBean(SentroDb.class), context, context::close);
    }

    /**
     * A generation's context keeps its own lifecycle events to itself: the application's listeners must not take a
     * generation's refresh or close for the application's own, and nothing in a generation listens to them. What
     * its beans publish (change events) goes to the application's listeners.
     */
    static final class GenerationContext extends AnnotationConfigApplicationContext {

        @Override
        protected void publishEvent(Object event, @Nullable ResolvableType typeHint) {
            ApplicationContext parent = getParent();
            if (!(event instanceof ApplicationContextEvent) && parent != null) {
                parent.publishEvent(event);
            }
        }
    }
}
