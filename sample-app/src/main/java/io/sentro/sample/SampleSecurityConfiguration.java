package io.sentro.sample;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The sample's own security for everything outside Sentro's base path: Swagger UI, the OpenAPI document and the
 * integration stand-ins are open to anyone. Sentro's chain (for /api) comes first and is untouched by this one; an
 * application with pages of its own would protect them here.
 */
@Configuration(proxyBeanMethods = false)
class SampleSecurityConfiguration {

    @Bean
    SecurityFilterChain sampleSecurityFilterChain(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll()).build();
    }
}
