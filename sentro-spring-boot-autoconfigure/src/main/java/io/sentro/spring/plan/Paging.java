package io.sentro.spring.plan;

import io.sentro.spring.error.ErrorCode;
import io.sentro.spring.error.SentroException;
import io.sentro.spring.query.CountMode;
import io.sentro.spring.query.ListQuery;

import org.jspecify.annotations.Nullable;

/**
 * How reads are paged: a request's {@code limit} (of a list, of groups or of an embedded relation's rows per parent
 * row) held to {@code sentro.page.max-size}, and the page size and count mode where a request gives none.
 *
 * @param defaultPageSize rows per page when a request gives no {@code limit}, and embedded rows per parent row
 * @param maxPageSize the largest {@code limit} a request may give
 * @param defaultCount how lists count when a request gives no {@code count}
 */
record Paging(int defaultPageSize, int maxPageSize, CountMode defaultCount) {

    /** The page size of a list or of groups. */
    long limit(ListQuery query) {
        return limit(query.limit(), "");
    }

    /**
     * The page size for a {@code limit} given (null when none was), a 400 naming it when above the maximum;
     * {@code prefix} names an embedded relation's parameter ({@code comments.}).
     */
    long limit(@Nullable Long given, String prefix) {
        long limit = given == null ? defaultPageSize : given;
        if (limit > maxPageSize) {
            throw new SentroException(ErrorCode.INVALID_PARAMETER, "'" + prefix + "limit' is " + limit
                    + ", above the maximum page size " + maxPageSize + " (sentro.page.max-size)", prefix + "limit");
        }
        return limit;
    }

    /** The rows to skip. */
    static long offset(ListQuery query) {
        return query.offset() == null ? 0 : query.offset();
    }

    /** How to count the rows of a list or the groups of an aggregate. */
    CountMode count(ListQuery query) {
        return query.count() != null ? query.count() : defaultCount;
    }
}
