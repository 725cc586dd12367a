/**
 * The customizer pipeline: customizer beans merged per table and checked at start-up, and the runners that take each
 * operation through before hooks, field writers, around hooks, the database and after hooks, in one transaction for
 * writes. The REST API and the entity API call the same runners; a call carries its
 * {@link io.sentro.spring.customize.CallSite}, which hooks see as {@code ctx.origin()}.
 * <p>
 * Reads go through {@link io.sentro.spring.pipeline.OperationRunner} (embedding with {@code RelatedRows}), exports
 * through {@link io.sentro.spring.pipeline.ExportRunner}, actions through
 * {@link io.sentro.spring.pipeline.ActionRunner}. Writes enter by {@link io.sentro.spring.pipeline.WriteRunner}, a
 * facade over one class per kind of write: {@code Creates} (one row, an array, related rows inline with
 * {@code NestedCreates}), {@code Upserts}, {@code KeyedWrites} (one row by key, with its {@code If-Match}
 * precondition) and {@code BulkWrites} (by filter and by array, within the {@code AffectedLimit} guard). Each writes
 * its rows one by one through {@code RowWrites} when hooks or change events need them so; {@code HookChain} runs the
 * hooks and {@code DisplayFieldRefusals} keeps display fields out of filters, sorts and bodies.
 */
@NullMarked
package io.sentro.spring.pipeline;

import org.jspecify.annotations.NullMarked;
