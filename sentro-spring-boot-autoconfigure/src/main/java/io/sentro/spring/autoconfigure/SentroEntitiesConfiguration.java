package io.sentro.spring.autoconfigure;

import io.sentro.spring.entities.SentroEntities;
import io.sentro.spring.reload.ApiGenerations;

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
        return new SentroEntities(() -> generations.getObject().current(),
                contexts.getIfAvailable(SecurityContextHolder::getContextHolderStrategy));
    }
}
