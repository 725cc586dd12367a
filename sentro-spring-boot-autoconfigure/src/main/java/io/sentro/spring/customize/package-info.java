/**
 * The public API for business logic: {@link io.sentro.spring.customize.ModelCustomizer} beans with display names,
 * display fields, hooks, field writers and actions; the {@code db} helper and the integration registry they use.
 */
@NullMarked
package io.sentro.spring.customize;

import org.jspecify.annotations.NullMarked;
