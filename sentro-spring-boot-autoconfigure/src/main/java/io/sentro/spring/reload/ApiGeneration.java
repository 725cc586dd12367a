package io.sentro.spring.reload;

import java.time.Instant;

import io.sentro.spring.customize.SentroDb;
import io.sentro.spring.schema.SchemaModel;
import io.sentro.spring.web.ApiRoutes;

import org.springframework.beans.factory.BeanFactory;

/**
 * Everything Sentro built from one schema model: its routes and, as components, its customizer pipelines, access
 * policy, planners, runners and documents. A generation never changes; a reload builds the next one. A request takes
 * the current generation once, when it starts, and finishes on it even when a reload swaps in the next meanwhile.
 *
 * @param number 1 for the model read at start-up, then one more for each reload that changed it
 * @param loadedAt when its model was read
 * @param model the schema model it serves
 * @param routes its routes and their handlers
 * @param db its {@link SentroDb}, which customizers' hooks and actions use
 * @param components the generation's other parts, by type (the planner, the access policy, the OpenAPI customizer...)
 * @param resources released when the generation is retired (its application context)
 */
public record ApiGeneration(long number, Instant loadedAt, SchemaModel model, ApiRoutes routes, SentroDb db,
        BeanFactory components, AutoCloseable resources) {

    /** One of the generation's parts; they are looked up, so call it once, not per request. */
    public <T> T component(Class<T> type) {
        return components.getBean(type);
    }

    void retire() {
        try {
            resources.close();
        }
        catch (Exception ex) {
            // Nothing the retired generation held is needed any more: requests still on it keep their own objects.
            org.apache.commons.logging.LogFactory.getLog(ApiGeneration.class)
                .debug("Closing Sentro's schema generation " + number + " failed", ex);
        }
    }
}
