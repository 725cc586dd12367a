package io.sentro.spring.customize;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Computes a read-only field from a row, added to every row the API returns.
 */
@FunctionalInterface
public interface DisplayField {

    @Nullable Object compute(Map<String, @Nullable Object> row);
}
