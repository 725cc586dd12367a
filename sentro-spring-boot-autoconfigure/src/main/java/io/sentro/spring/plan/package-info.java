/**
 * Checks intent against the schema model and turns it into typed, validated operation plans.
 */
@NullMarked
package io.sentro.spring.plan;

import org.jspecify.annotations.NullMarked;
