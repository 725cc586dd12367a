package io.sentro.spring.pipeline;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.sentro.spring.customize.CallSite;
import io.sentro.spring.customize.Operation;
import io.sentro.spring.error.ErrorCode;
import io.sentro.spring.error.SentroException;
import io.sentro.spring.events.ChangeEvents;
import io.sentro.spring.execute.SqlExecutor;
import io.sentro.spring.pipeline.RowWrites.WrittenRow;
import io.sentro.spring.pipeline.WriteRunner.UpdateOutcome;
import io.sentro.spring.plan.Grant;
import io.sentro.spring.plan.Key;
import io.sentro.spring.plan.RowTags;
import io.sentro.spring.plan.WritePlanner;
import io.sentro.spring.query.EntityTags;
import io.sentro.spring.schema.Table;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Updates and deletes one row by its key ({@link WriteRunner#update}, {@link WriteRunner#delete}) through its
 * pipeline ({@link RowWrites}), with their {@code If-Match} preconditions: the row is read and locked, in the write's
 * transaction, and written only if its tag is one {@code If-Match} names (else 412); without {@code If-Match}, a 428
 * when {@code sentro.concurrency.require-if-match} asks for it.
 */
final class KeyedWrites {

    private final CustomizerRegistry registry;
    private final WritePlanner planner;
    private final SqlExecutor executor;
    private final ChangeEvents events;
    private final RowTags tags;
    private final boolean requireIfMatch;
    private final RowWrites rows;

    KeyedWrites(CustomizerRegistry registry, WritePlanner planner, SqlExecutor executor, ChangeEvents events,
            RowTags tags, boolean requireIfMatch, RowWrites rows) {
        this.registry = registry;
        this.planner = planner;
        this.executor = executor;
        this.events = events;
        this.tags = tags;
        this.requireIfMatch = requireIfMatch;
        this.rows = rows;
    }

    UpdateOutcome update(Table table, List<String> rawKey, JsonNode body, boolean replace,
            @Nullable EntityTags ifMatch, Grant grant, CallSite call) {
        TablePipeline pipeline = registry.pipeline(table);
        DisplayFieldRefusals.refuseInBodies(pipeline, List.of(body));
        Key key = planner.key(table, rawKey);
        Map<String, @Nullable Object> values = planner.updateBody(table, body, replace ? key : null, grant);
        requireIfMatch(ifMatch, table, replace ? "PUT" : "PATCH");
        return writeByKey(pipeline, Operation.UPDATE, ifMatch, () -> {
            Map<String, @Nullable Object> previous = ifMatch != null ? precondition(table, key, ifMatch, grant)
                    : previousIfNeeded(pipeline, Operation.UPDATE, key, grant);
            WrittenRow updated = rows.update(pipeline, key, values, replace, previous, "", grant, call,
                    () -> notFound(table));
            if (updated.shown() == null) {
                throw notFound(table); // an after hook took it out of the result
            }
            return new UpdateOutcome(grant.strip(updated.shown()), updated.tag());
        });
    }

    void delete(Table table, List<String> rawKey, @Nullable EntityTags ifMatch, Grant grant, CallSite call) {
        TablePipeline pipeline = registry.pipeline(table);
        Key key = planner.key(table, rawKey);
        requireIfMatch(ifMatch, table, "DELETE");
        writeByKey(pipeline, Operation.DELETE, ifMatch, () -> {
            // Committed hooks get the row as it was: read it, under a lock, when If-Match did not already.
            Map<String, @Nullable Object> previous = ifMatch != null ? precondition(table, key, ifMatch, grant)
                    : previousIfNeeded(pipeline, Operation.DELETE, key, grant);
            rows.delete(pipeline, key, previous, grant, call);
            return null;
        });
    }

    /**
     * A write of one row by key runs in a transaction when the table has hooks for it (what they write commits or
     * rolls back with the row) or when it carries If-Match (the row stays locked from the check to the write).
     * Otherwise it is a single statement, atomic by itself, in auto-commit: no BEGIN and COMMIT round trips.
     */
    private <T> T writeByKey(TablePipeline pipeline, Operation operation, @Nullable EntityTags ifMatch,
            Supplier<T> work) {
        return rows.oneByOne(pipeline, operation) || ifMatch != null ? executor.inTransaction(pipeline.table(), work)
                : work.get();
    }

    private void requireIfMatch(@Nullable EntityTags ifMatch, Table table, String method) {
        if (ifMatch == null && requireIfMatch) {
            throw new SentroException(ErrorCode.PRECONDITION_REQUIRED, "A " + method + " of a row of '" + table.name()
                    + "' must say which version of the row it changes: send If-Match with the ETag of a GET of it "
                    + "(sentro.concurrency.require-if-match)", "If-Match");
        }
    }

    /**
     * The row as stored, locked, if its tag is one {@code ifMatch} names; 404 when no row has the key (or the caller's
     * scope hides it), 412 with the current {@code ETag} when it has changed.
     */
    private Map<String, @Nullable Object> precondition(Table table, Key key, EntityTags ifMatch, Grant grant) {
        Map<String, @Nullable Object> row = executor.lockByKey(table, key, planner.scope(table, grant))
                .orElseThrow(() -> notFound(table));
        String current = tags.tag(table, row, grant);
        if (!ifMatch.matchesStrongly(current)) {
            throw new SentroException(ErrorCode.PRECONDITION_FAILED, "The row of '" + table.name() + "' has changed "
                    + "since the version If-Match names: it is now " + current + ". Read it again, and send its new "
                    + "ETag", "If-Match").withHeaders(Map.of("ETag", current));
        }
        return row;
    }

    /**
     * The row as it is, locked for the write, when something needs it (committed hooks of a delete, change events)
     * and the caller did not read it already.
     */
    private @Nullable Map<String, @Nullable Object> previousIfNeeded(TablePipeline pipeline, Operation operation,
            Key key, Grant grant) {
        Table table = pipeline.table();
        boolean needed = events.enabled(table)
                || (operation == Operation.DELETE && !pipeline.committed(Operation.DELETE).isEmpty());
        return needed ? executor.lockByKey(table, key, planner.scope(table, grant)).orElseThrow(() -> notFound(table))
                : null;
    }

    private static SentroException notFound(Table table) {
        return SentroException.rowNotFound(table.name());
    }
}
