/**
 * Descriptions of the generated API for tools: the OpenAPI 3.1 paths and schemas added to springdoc's document, and
 * TypeScript declarations of the tables, both derived from the schema model and the customizers.
 * <p>
 * The document: {@link io.sentro.spring.openapi.SentroOpenApiCustomizer} (the bean) puts it together; per table,
 * {@code TablePaths} writes the operations of each route, {@code QueryParameters} their parameters,
 * {@code TableSchemas} the schemas from the columns, {@code OperationResponses} the answers and the shared problem
 * responses, and {@code SecurityDescriptions} what the access rules and credentials say (security requirements,
 * 401/403, schemes). {@code ColumnSchemas} is a column's JSON Schema; {@code OpenApiNames} the names and relations,
 * shared with {@link io.sentro.spring.openapi.TypeScriptDeclarations}.
 */
@NullMarked
package io.sentro.spring.openapi;

import org.jspecify.annotations.NullMarked;
