package io.sentro.spring.customize;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;

/**
 * The value (or a {@code Collection} of values) a scoped column must hold for the caller's rows, derived from their
 * {@link Authentication}: the seeds' SaaS example scopes {@code organization_id} to the caller's organization.
 * Return {@code null} when the caller has no such value (they then see and touch no row), or {@link #ALL_ROWS} to
 * leave this caller unscoped (an administrator).
 */
@FunctionalInterface
public interface RowScope {

    /** Returned by a scope for callers who see every row. */
    Object ALL_ROWS = new Object() {
        @Override
        public String toString() {
            return "ALL_ROWS";
        }
    };

    /** @param caller the request's authentication; anonymous callers have Spring Security's anonymous token */
    @Nullable Object valueFor(Authentication caller);
}
