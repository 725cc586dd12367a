package io.sentro.spring.openapi;

import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;

/**
 * The small pieces every builder of the document writes the same way: media types, a reference to a component
 * schema, the bare object and string schemas, and a JSON response or request body.
 */
final class OpenApiParts {

    static final String JSON = "application/json";
    static final String PROBLEM_JSON = "application/problem+json";
    private static final String REF = "#/components/schemas/";

    private OpenApiParts() {
    }

    static ApiResponse jsonResponse(String description, Schema<?> schema) {
        return new ApiResponse().description(description)
                .content(new Content().addMediaType(JSON, new MediaType().schema(schema)));
    }

    static RequestBody jsonBody(Schema<?> schema) {
        return new RequestBody().required(true)
                .content(new Content().addMediaType(JSON, new MediaType().schema(schema)));
    }

    @SuppressWarnings("unchecked")
    static Schema<Object> ref(String name) {
        return (Schema<Object>) (Schema<?>) new JsonSchema().$ref(REF + name);
    }

    @SuppressWarnings("unchecked")
    static Schema<Object> object() {
        return (Schema<Object>) (Schema<?>) new JsonSchema().typesItem("object");
    }

    @SuppressWarnings("unchecked")
    static Schema<Object> string() {
        return (Schema<Object>) (Schema<?>) new JsonSchema().typesItem("string");
    }
}
