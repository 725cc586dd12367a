package io.sentro.spring.autoconfigure;

import io.sentro.spring.entities.Engine;
import io.sentro.spring.entities.SentroEntities;
import io.sentro.spring.pipeline.ActionRunner;
import io.sentro.spring.pipeline.CustomizerRegistry;
import io.sentro.spring.pipeline.ExportRunner;
import io.sentro.spring.pipeline.OperationRunner;
import io.sentro.spring.pipeline.WriteRunner;
import io.sentro.spring.reload.ApiGeneration;
import io.sentro.spring.reload.ApiGenerations;
import io.sentro.spring.security.AccessPolicy;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * The entity API for the application's own code, over the schema generation served at the time of each call.
 */
@Configuration(proxyBeanMethods = false)
class SentroEntitiesConfiguration {

    @Bean
    @ConditionalOnMissingBean
    SentroEntities sentroEntities(ObjectProvider<ApiGenerations> generations,
            ObjectProvider<SecurityContextHolderStrategy> contexts) {
        return new SentroEntities(() -> engine(generations.getObject().current()),
                contexts.getIfAvailable(SecurityContextHolder::getContextHolderStrategy));
    }

    /** The engine objects of a generation, which its child context holds. */
    private static Engine engine(ApiGeneration generation) {
        return new Engine(generation.model(), generation.component(CustomizerRegistry.class),
                generation.component(AccessPolicy.class), generation.component(OperationRunner.class),
                generation.component(WriteRunner.class), generation.component(ActionRunner.class),
                generation.component(ExportRunner.class));
    }
}
