package io.sentro.spring.pipeline;

import java.util.Map;

import io.sentro.spring.error.ErrorCode;
import io.sentro.spring.error.SentroException;
import io.sentro.spring.pipeline.WriteRunner.BulkOptions;
import io.sentro.spring.schema.Table;

/**
 * The max-affected guard of bulk writes: the most rows one may change ({@code sentro.writes.max-affected}, or fewer
 * when the request asks with {@code Prefer: max-affected}), and the 400 for one that would change more.
 *
 * @param maxAffected the most rows a bulk write may change here ({@code sentro.writes.max-affected})
 */
record AffectedLimit(long maxAffected) {

    AffectedLimit {
        if (maxAffected < 1) {
            throw new IllegalArgumentException("sentro.writes.max-affected must be 1 or more, not " + maxAffected);
        }
    }

    /** The most rows this write may change: what the request asked for, when not above the configured most. */
    long max(BulkOptions options, Table table, String method) {
        Long asked = options.maxAffected();
        if (asked == null) {
            return maxAffected;
        }
        if (asked > maxAffected) {
            throw new SentroException(ErrorCode.INVALID_HEADER, "Prefer: max-affected=" + asked + " is above the most "
                    + "rows a " + method + " on '" + table.name() + "' may change here, " + maxAffected
                    + " (sentro.writes.max-affected)", "Prefer");
        }
        return asked;
    }

    /** The count, unless it is above the maximum: then a 400, and the transaction rolls back what was written. */
    static long refuseAbove(long count, long max, Table table, String method, BulkOptions options) {
        if (count > max) {
            boolean asked = options.maxAffected() != null;
            throw new SentroException(ErrorCode.TOO_MANY_ROWS, "This " + method + " would change more than " + max
                    + " rows of '" + table.name() + "', the most " + (asked ? "its Prefer: max-affected allows"
                            : "a request may change (sentro.writes.max-affected)") + "; nothing was changed. Narrow "
                    + "its filters" + (asked ? ", or raise max-affected" : ""), asked ? "Prefer" : "where")
                    .withExtensions(Map.of("maxAffected", String.valueOf(max)));
        }
        return count;
    }
}
