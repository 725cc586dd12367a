/**
 * The introspected database as immutable records: tables, columns, types, keys and relations, looked up by their API names.
 */
@NullMarked
package io.sentro.spring.schema;

import org.jspecify.annotations.NullMarked;
