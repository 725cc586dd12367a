/**
 * The generated API in OpenAPI 3.1: paths, parameters and component schemas derived from the schema model and the
 * customizers, added to springdoc's document.
 */
@NullMarked
package io.sentro.spring.openapi;

import org.jspecify.annotations.NullMarked;
