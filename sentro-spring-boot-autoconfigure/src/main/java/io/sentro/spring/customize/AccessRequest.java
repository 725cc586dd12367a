package io.sentro.spring.customize;

import io.sentro.spring.schema.Table;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * What an access rule decides on: a table, the operation, the action when the request runs one, and the HTTP request.
 * An {@code AuthorizationManager<AccessRequest>} given to {@link ModelCustomizer#authorize} receives it.
 *
 * @param table the table
 * @param operation the operation; actions are decided with their own id in {@code action}
 * @param action the action id, or null when the request is not an action
 * @param request the HTTP request
 */
public record AccessRequest(Table table, Operation operation, @Nullable String action, HttpServletRequest request) {
}
