package io.sentro.sample.integrations;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The in-process integrations of the seed examples. Each is a {@code SentroIntegration} bean, so Sentro registers it
 * under its bean name, where hooks and actions find it with {@code integrations.using("email")}.
 */
@Configuration(proxyBeanMethods = false)
public class SampleIntegrationsConfiguration {

    @Bean
    EmailService email() {
        return new EmailService();
    }

    @Bean
    StripeService stripe() {
        return new StripeService();
    }

    @Bean
    StorageService s3() {
        return new StorageService();
    }

    @Bean
    GeocodingService geocoder() {
        return new GeocodingService();
    }

    @Bean
    DocumentService documents() {
        return new DocumentService();
    }

    /**
     * What the integrations were asked to do: {@code GET /sample/outbox}, {@code /sample/integrations}. A debugging
     * aid of the sample, left out of the API's OpenAPI document.
     */
    @io.swagger.v3.oas.annotations.Hidden
    @RestController
    @RequestMapping("/sample")
    static class IntegrationsController {

        private final EmailService email;
        private final StripeService stripe;
        private final StorageService storage;
        private final GeocodingService geocoder;
        private final DocumentService documents;

        IntegrationsController(EmailService email, StripeService stripe, StorageService storage,
                GeocodingService geocoder, DocumentService documents) {
            this.email = email;
            this.stripe = stripe;
            this.storage = storage;
            this.geocoder = geocoder;
            this.documents = documents;
        }

        @GetMapping("/outbox")
        Object outbox() {
            return email.outbox();
        }

        @GetMapping("/integrations")
        Map<String, Object> integrations() {
            Map<String, Object> all = new LinkedHashMap<>();
            all.put("email", email.outbox());
            all.put("stripe", stripe.calls());
            all.put("s3", storage.uploads());
            all.put("geocoder", geocoder.lookups());
            all.put("documents", documents.rendered());
            return all;
        }
    }
}
