package io.sentro.spring.customize;

/**
 * Marks a Spring bean as an integration: it is registered in {@link Integrations} under its bean name.
 */
public interface SentroIntegration {
}
