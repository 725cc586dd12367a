package io.sentro.spring.execute;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.sentro.spring.plan.AggregatePlan;
import io.sentro.spring.plan.OperationPlan.ReadPlan;
import io.sentro.spring.plan.SortOrder;
import io.sentro.spring.query.CountMode;
import io.sentro.spring.sql.SqlRenderer;

import org.jspecify.annotations.Nullable;

/**
 * Reads one page of a list or of groups, and its total as asked: none; exact, from the page when it shows it,
 * otherwise from {@code COUNT(*)}; or estimated, from the planner's estimate (kept a few seconds per condition by
 * {@link RowEstimates}) when it is large, else counted exactly in the page's own statement
 * ({@code COUNT(*) OVER ()}). Each statement reads one row more than the page, to tell whether more follow.
 */
final class PagedReads {

    /** The rows of a page, and whether more follow (the statement reads one row more than the page). */
    private record Fetched(List<Map<String, Object>> rows, boolean more) {
    }

    private final SqlRenderer renderer;
    private final StatementRunner statements;
    private final RowEstimates estimates;
    private final long exactCountThreshold;

    PagedReads(SqlRenderer renderer, StatementRunner statements, RowEstimates estimates, long exactCountThreshold) {
        this.renderer = renderer;
        this.statements = statements;
        this.estimates = estimates;
        this.exactCountThreshold = exactCountThreshold;
    }

    RowPage read(ReadPlan plan) {
        return switch (plan.count()) {
            case NONE -> page(plan, fetch(plan), null, false);
            case EXACT -> counted(plan, fetch(plan));
            case ESTIMATED -> estimated(plan);
        };
    }

    private Fetched fetch(ReadPlan plan) {
        if (plan.limit() == 0) {
            return new Fetched(new ArrayList<>(), true); // rows may follow; none were read to tell
        }
        return trimmed(plan, statements.query(renderer.selectPage(plan), null, plan));
    }

    private static Fetched trimmed(ReadPlan plan, List<Map<String, Object>> rows) {
        boolean more = rows.size() > plan.limit();
        if (more) {
            rows.remove(rows.size() - 1);
        }
        return new Fetched(rows, more);
    }

    /** The page; when more rows follow, with the last row's values of the sort columns, for the next cursor. */
    private static RowPage page(ReadPlan plan, Fetched fetched, @Nullable Long total, boolean estimate) {
        List<Object> next = null;
        if (fetched.more() && !fetched.rows().isEmpty() && !plan.order().isEmpty()) {
            Map<String, Object> last = fetched.rows().get(fetched.rows().size() - 1);
            next = new ArrayList<>(plan.order().size());
            for (SortOrder order : plan.order()) {
                next.add(last.get(order.column().name()));
            }
        }
        return new RowPage(fetched.rows(), total, estimate, plan.limit(), plan.offset(), next);
    }

    /** The page with its exact total: from the page when it shows it, otherwise from {@code SELECT COUNT(*)}. */
    private RowPage counted(ReadPlan plan, Fetched fetched) {
        long total = showsTotal(plan, fetched) ? plan.offset() + fetched.rows().size()
                : statements.count(renderer.count(plan));
        return page(plan, fetched, total, false);
    }

    /**
     * The last page from the start shows the total by itself (when it is not past the end); a page after a cursor
     * does not: the rows before the cursor are not in it.
     */
    private static boolean showsTotal(ReadPlan plan, Fetched fetched) {
        return plan.after() == null && !fetched.more() && (!fetched.rows().isEmpty() || plan.offset() == 0);
    }

    /**
     * The page with the database's estimate as its total when the estimate is at or above the threshold; otherwise
     * the page with its exact total, counted in the page's own statement (or, after a cursor, on its own).
     */
    private RowPage estimated(ReadPlan plan) {
        Long estimate = renderer.rowEstimate(plan).map(estimates::rows).orElse(null);
        if (estimate != null && estimate >= exactCountThreshold) {
            Fetched fetched = fetch(plan);
            if (showsTotal(plan, fetched)) {
                return page(plan, fetched, plan.offset() + fetched.rows().size(), false);
            }
            // Never fewer than the rows the page has shown to exist.
            return page(plan, fetched, Math.max(estimate, plan.offset() + fetched.rows().size()), true);
        }
        if (plan.limit() == 0 || plan.after() != null) {
            return counted(plan, fetch(plan));
        }
        long[] total = { -1 };
        Fetched fetched = trimmed(plan, statements.query(renderer.selectWithTotal(plan), total, plan));
        if (total[0] < 0) { // no row, so no total in the page: past the end, or nothing matches
            return counted(plan, fetched);
        }
        return page(plan, fetched, total[0], false);
    }

    /**
     * A page of groups and their aggregates; counted (when asked) from the page when it shows the total, otherwise
     * with {@code COUNT(*)} over the groups. Sums of integers are read exactly and returned as integers; averages
     * without trailing zeros.
     */
    RowPage aggregate(AggregatePlan plan) {
        List<Map<String, Object>> rows = plan.limit() == 0 ? new ArrayList<>()
                : statements.query(renderer.aggregate(plan));
        boolean more = plan.limit() == 0 || rows.size() > plan.limit();
        if (rows.size() > plan.limit()) {
            rows.remove(rows.size() - 1);
        }
        ResultMapping.aggregateValues(plan, rows);
        Long total = null;
        if (plan.count() != CountMode.NONE) {
            total = !more && (!rows.isEmpty() || plan.offset() == 0) ? plan.offset() + rows.size()
                    : statements.count(renderer.countGroups(plan));
        }
        return new RowPage(rows, total, false, plan.limit(), plan.offset(), null);
    }
}
