package io.sentro.spring.autoconfigure;

import io.sentro.spring.web.JsonResponses;
import io.sentro.spring.web.ProblemErrorReportValve;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * On embedded Tomcat: requests under the base path that Tomcat refuses before any servlet runs (an encoded
 * {@code /} in the path, more query parameters than {@code server.tomcat.max-parameter-count}) are answered with a
 * problem, as every other refusal of the API, rather than Tomcat's HTML page.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = { "org.apache.catalina.valves.ErrorReportValve",
        "org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory" })
class SentroTomcatConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "sentroTomcatProblemReports")
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> sentroTomcatProblemReports(
            SentroProperties properties) {
        String basePath = properties.getBasePath();
        JsonResponses responses = new JsonResponses();
        // Added to the host after Spring Boot's own ErrorReportValve, so that it reports first on the way out.
        return factory -> factory.addContextCustomizers(context -> context.getParent().getPipeline()
                .addValve(new ProblemErrorReportValve(basePath, responses)));
    }
}
