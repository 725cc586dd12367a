package io.sentro.spring.openapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.sentro.spring.request.Preferences;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

import static io.sentro.spring.openapi.OpenApiParts.JSON;
import static io.sentro.spring.openapi.OpenApiParts.PROBLEM_JSON;
import static io.sentro.spring.openapi.OpenApiParts.jsonResponse;
import static io.sentro.spring.openapi.OpenApiParts.object;
import static io.sentro.spring.openapi.OpenApiParts.ref;
import static io.sentro.spring.openapi.OpenApiParts.string;

/**
 * The responses of the operations: the success answers with their headers ({@code ETag}, {@code Preference-Applied}),
 * and the shared problem responses (RFC 9457, with their {@code Problem} schema) that every operation refers to.
 */
final class OperationResponses {

    private OperationResponses() {
    }

    /** The success answer, then a reference to each problem response named, then 503. */
    static ApiResponses responses(String okStatus, ApiResponse ok, String... problems) {
        ApiResponses responses = new ApiResponses().addApiResponse(okStatus, ok);
        for (String status : problems) {
            responses.addApiResponse(status, new ApiResponse().$ref("#/components/responses/Problem" + status));
        }
        responses.addApiResponse("503", new ApiResponse().$ref("#/components/responses/Problem503"));
        return responses;
    }

    static Schema<Object> problemSchema() {
        Schema<Object> problem = object();
        problem.description("An RFC 9457 problem; 'detail' names what was wrong, 'parameter' the parameter or field");
        problem.addProperty("type", string().format("uri"));
        problem.addProperty("title", string());
        problem.addProperty("status", new JsonSchema().typesItem("integer").format("int32"));
        problem.addProperty("detail", string());
        problem.addProperty("instance", string());
        problem.addProperty("code", string().description("Sentro's stable code, e.g. SENTRO-102"));
        problem.addProperty("parameter", string());
        problem.required(List.of("type", "title", "status", "detail"));
        return problem;
    }

    static void addProblemResponses(Components components) {
        Map<String, String> descriptions = new LinkedHashMap<>();
        descriptions.put("400", "Bad request: an unknown column or operator, a value that does not fit its column, "
                + "a malformed body, a missing required field");
        descriptions.put("401", "No credentials, or credentials that were not accepted (see WWW-Authenticate)");
        descriptions.put("403", "The caller may not run this operation on this table");
        descriptions.put("404", "Unknown table, or no row with this key");
        descriptions.put("409", "A unique or foreign key constraint is violated");
        descriptions.put("412", "If-Match names a version of the row that is not the stored one; nothing was "
                + "written (the ETag header has the stored one)");
        descriptions.put("428", "If-Match is required (sentro.concurrency.require-if-match) and was not sent");
        descriptions.put("415", "The body is not JSON");
        descriptions.put("503", "The database is unavailable");
        descriptions.forEach((status, description) -> components.addResponses("Problem" + status, new ApiResponse()
                .description(description).content(new Content().addMediaType(PROBLEM_JSON,
                        new MediaType().schema(ref("Problem"))))));
    }

    /** A page of JSON, or every row streamed as NDJSON or CSV (format, or the Accept header). */
    static ApiResponse listResponse(String name) {
        return new ApiResponse().description("A page of rows; with format=ndjson or csv (or Accept: "
                + "application/x-ndjson or text/csv), every matching row, streamed").content(new Content()
                        .addMediaType(JSON, new MediaType().schema(ref(name + "Page")))
                        .addMediaType("application/x-ndjson", new MediaType().schema(ref(name)))
                        .addMediaType("text/csv", new MediaType().schema(new JsonSchema().typesItem("string"))));
    }

    static ApiResponse bulkResponse(String name, String rows) {
        return jsonResponse("The " + rows + ", and their count (the count alone with Prefer: return=minimal)",
                ref(name + "Bulk")).addHeaderObject(Preferences.APPLIED_HEADER, preferenceApplied());
    }

    static ApiResponse storedRow(String name) {
        return jsonResponse("The row as stored (no body with Prefer: return=minimal)", ref(name))
                .addHeaderObject(Preferences.APPLIED_HEADER, preferenceApplied())
                .addHeaderObject("ETag", etagHeader());
    }

    static ApiResponse actionResponse() {
        Schema<Object> file = new JsonSchema().typesItem("string").contentMediaType("application/octet-stream");
        return new ApiResponse().description("The action's result, or a file it produced").content(new Content()
                .addMediaType(JSON, new MediaType().schema(object().additionalProperties(true)))
                .addMediaType("application/octet-stream", new MediaType().schema(file)));
    }

    static Header etagHeader() {
        return new Header().description("The stored row's entity tag, for If-Match and If-None-Match: its version "
                + "column's value, or a hash of its values").schema(string());
    }

    static Header preferenceApplied() {
        return new Header().description("The preferences of Prefer the response honoured (RFC 7240)")
                .schema(string());
    }
}
