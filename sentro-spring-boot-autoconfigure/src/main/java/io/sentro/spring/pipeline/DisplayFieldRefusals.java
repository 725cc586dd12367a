package io.sentro.spring.pipeline;

import io.sentro.spring.error.ErrorCode;
import io.sentro.spring.error.SentroException;
import io.sentro.spring.query.FilterTerm;
import io.sentro.spring.query.ListQuery;
import io.sentro.spring.query.SortTerm;

import tools.jackson.databind.JsonNode;

/**
 * Refuses display fields where they cannot go. They are computed after the rows are read or written, so they can
 * neither select nor order rows (a 400 naming the filter or {@code sort}), nor be written (a 400 naming the field).
 * Reads, exports and bulk writes check their filters here; creates, upserts and updates their bodies.
 */
final class DisplayFieldRefusals {

    private DisplayFieldRefusals() {
    }

    /** A list or an export: its filters and its sort. */
    static void refuseInQuery(TablePipeline pipeline, ListQuery query) {
        refuseInFilters(pipeline, query);
        for (SortTerm term : query.sort()) {
            refuse(pipeline, term.column(), "sort");
        }
    }

    /** Display fields are computed after the rows are read: they cannot select rows (reads and bulk writes). */
    static void refuseInFilters(TablePipeline pipeline, ListQuery query) {
        for (FilterTerm term : query.filters()) {
            refuse(pipeline, term.column(), term.parameter());
        }
        query.anyOf().values().forEach(group -> group.forEach(term -> refuse(pipeline, term.column(),
                term.parameter())));
    }

    /** The objects of a write's body: none may set a display field. */
    static void refuseInBodies(TablePipeline pipeline, Iterable<JsonNode> objects) {
        for (JsonNode object : objects) {
            if (!object.isObject()) {
                continue;
            }
            for (String name : object.propertyNames()) {
                if (pipeline.isDisplayField(name)) {
                    throw new SentroException(ErrorCode.READ_ONLY_COLUMN, "Field '" + name + "' is a computed display "
                            + "field of '" + pipeline.table().name() + "'; it cannot be written", name);
                }
            }
        }
    }

    private static void refuse(TablePipeline pipeline, String name, String parameter) {
        if (pipeline.isDisplayField(name)) {
            throw new SentroException(ErrorCode.INVALID_PARAMETER, "'" + name + "' is a computed display field of '"
                    + pipeline.table().name() + "'; it cannot be filtered or sorted on", parameter);
        }
    }
}
