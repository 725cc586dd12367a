package io.sentro.spring.entities;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import org.jspecify.annotations.Nullable;

/**
 * Rows to and from what the application hands the entity API: maps become the JSON body the HTTP API would receive
 * (so a write is checked exactly as a request body is, naming the same fields), records and classes map by column
 * name as Spring's {@code DataClassRowMapper} does ({@code created_at} to {@code createdAt}), leaving out nulls so
 * that columns the record does not set keep their defaults.
 */
final class RowMapping {

    private final JsonMapper maps = JsonMapper.builder().build();

    private final JsonMapper records = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
            .disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** The body of one row: a map as it is, a record or bean by its properties in snake case. */
    JsonNode body(Object row) {
        if (row instanceof Map<?, ?> || row instanceof List<?>) {
            return maps.valueToTree(row);
        }
        return records.valueToTree(row);
    }

    /** A row as a record or class of the application's, by column name; columns it has no property for are left. */
    <T> T as(Map<String, @Nullable Object> row, Class<T> type) {
        return records.convertValue(row, type);
    }
}
