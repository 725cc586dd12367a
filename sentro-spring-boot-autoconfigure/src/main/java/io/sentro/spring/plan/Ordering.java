package io.sentro.spring.plan;

import java.util.ArrayList;
import java.util.List;

import io.sentro.spring.error.ErrorCode;
import io.sentro.spring.error.SentroException;
import io.sentro.spring.plan.OperationPlan.ReadPlan;
import io.sentro.spring.query.SortTerm;
import io.sentro.spring.schema.Column;
import io.sentro.spring.schema.Table;

import org.jspecify.annotations.Nullable;

/**
 * The order of a read's rows and the cursors that page through it: {@code sort} checked against the table, the
 * primary key appended to break ties, the {@code after} cursor opened into the sort columns' typed values, and the
 * {@code next} cursor sealed from a page's last row.
 */
final class Ordering {

    private final ValueConverter values;
    private final Cursors cursors;

    Ordering(ValueConverter values, Cursors cursors) {
        this.values = values;
        this.cursors = cursors;
    }

    static List<SortOrder> order(Table table, List<SortTerm> sort, Grant grant, String parameter) {
        List<SortOrder> order = new ArrayList<>();
        for (SortTerm term : sort) {
            Column column = VisibleColumns.column(table, term.column(), parameter, grant);
            if (!column.kind().isComparable()) {
                throw new SentroException(ErrorCode.INVALID_PARAMETER, "Cannot sort by column '" + column.name() + "' ("
                        + column.type().databaseType() + ")", parameter);
            }
            order.add(new SortOrder(column, term.descending()));
        }
        // The primary key breaks ties, so that pages are stable.
        for (Column keyColumn : table.primaryKeyColumns()) {
            if (order.stream().noneMatch(sortOrder -> sortOrder.column().equals(keyColumn))) {
                order.add(new SortOrder(keyColumn, false));
            }
        }
        return order;
    }

    /**
     * The cursor of the page to continue after, as the last row's values of the sort columns; a 400 naming
     * {@code after} for a cursor this API did not make for this table and sort.
     */
    List<Object> after(Table table, List<SortOrder> order, String cursor) {
        if (!table.hasPrimaryKey()) {
            throw new SentroException(ErrorCode.INVALID_PARAMETER, "Table '" + table.name() + "' has no primary key, "
                    + "so its pages cannot continue after a cursor; page it with 'offset'", "after");
        }
        List<String> texts = cursors.decode(cursor, table, order);
        List<Object> after = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            Column column = order.get(i).column();
            String text = texts.get(i);
            if (text == null) {
                if (!column.nullable()) {
                    throw new SentroException(ErrorCode.INVALID_CURSOR, "'after' is not a valid cursor", "after");
                }
                after.add(null);
                continue;
            }
            try {
                after.add(values.fromText(column, text, "after"));
            }
            catch (SentroException ex) {
                throw new SentroException(ErrorCode.INVALID_CURSOR, "'after' is not a valid cursor", "after");
            }
        }
        return after;
    }

    /**
     * The cursor that continues after a page's last row, from its values of the sort columns (as read); null for a
     * table without a primary key, whose rows may tie.
     */
    @Nullable String cursor(ReadPlan plan, List<Object> lastRow) {
        if (!plan.table().hasPrimaryKey()) {
            return null;
        }
        List<String> texts = new ArrayList<>(lastRow.size());
        for (Object value : lastRow) {
            texts.add(value == null ? null : value instanceof java.math.BigDecimal decimal ? decimal.toPlainString()
                    : String.valueOf(value));
        }
        return cursors.encode(plan.table(), plan.order(), texts);
    }
}
