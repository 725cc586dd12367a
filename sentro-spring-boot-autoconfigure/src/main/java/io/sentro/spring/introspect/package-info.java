/**
 * Reads a database's own catalogs into the schema model, one introspector per database family.
 */
@NullMarked
package io.sentro.spring.introspect;

import org.jspecify.annotations.NullMarked;
