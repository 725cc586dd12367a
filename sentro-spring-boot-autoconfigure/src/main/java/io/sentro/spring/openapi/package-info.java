/**
 * Descriptions of the generated API for tools: the OpenAPI 3.1 paths and schemas added to springdoc's document, and
 * TypeScript declarations of the tables, both derived from the schema model and the customizers.
 */
@NullMarked
package io.sentro.spring.openapi;

import org.jspecify.annotations.NullMarked;
