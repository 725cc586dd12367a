package io.sentro.spring.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.sentro.spring.error.ErrorCode;
import io.sentro.spring.error.SentroException;
import io.sentro.spring.query.Operator;
import io.sentro.spring.schema.Column;
import io.sentro.spring.schema.Table;

import org.jspecify.annotations.Nullable;

/**
 * The caller's row scope ({@link Grant#scope()}), for reads and writes alike: the condition every read, update and
 * delete adds, and the check that holds a row about to be written to it. The allowed values are converted to the
 * scoped column's type here; one that cannot be a value of the column matches no row.
 */
final class RowScopes {

    private final ValueConverter values;

    RowScopes(ValueConverter values) {
        this.values = values;
    }

    /**
     * The caller's row scope as a condition: each scoped column equal to (or in) its allowed values. A caller scoped
     * to nothing, or whose allowed values cannot be values of the column, matches no row.
     */
    Condition scope(Table table, Grant grant) {
        if (!grant.scoped()) {
            return Condition.NONE;
        }
        if (grant.noRows()) {
            return Condition.NOTHING;
        }
        List<Filter> filters = new ArrayList<>(grant.scope().size());
        for (Grant.ScopedColumn scoped : grant.scope()) {
            Column column = table.column(scoped.column()).orElseThrow(() -> new IllegalStateException(
                    "Row scope of '" + table.name() + "' names no column '" + scoped.column() + "'"));
            List<Object> allowed = allowedValues(column, scoped);
            if (allowed.isEmpty()) {
                return Condition.NOTHING;
            }
            filters.add(allowed.size() == 1 ? new Filter(column, Operator.EQ, allowed.get(0))
                    : new Filter(column, Operator.IN, allowed));
        }
        return Condition.allOf(filters);
    }

    private List<Object> allowedValues(Column column, Grant.ScopedColumn scoped) {
        List<Object> allowed = new ArrayList<>(scoped.allowedValues().size());
        for (Object value : scoped.allowedValues()) {
            try {
                allowed.add(values.fromText(column, String.valueOf(value), column.name()));
            }
            catch (SentroException ex) {
                // An attribute value that cannot be a value of the column matches no row.
            }
        }
        return allowed;
    }

    /**
     * A row about to be written, held to the caller's row scope: a scoped column left out is filled with the caller's
     * value when they have exactly one (and {@code fill}, for creates and replacements); a value outside the scope, or
     * a write by a caller scoped to nothing, is refused with 403 and nothing is written.
     */
    Map<String, @Nullable Object> held(Table table, Map<String, @Nullable Object> row, String prefix, Grant grant,
            boolean fill) {
        if (!grant.scoped()) {
            return row;
        }
        if (grant.noRows()) {
            throw new SentroException(ErrorCode.FORBIDDEN, "Your row scope on '" + table.name() + "' allows no rows: "
                    + "you may not write to it", null).withExtensions(Map.of("table", table.name()));
        }
        Map<String, @Nullable Object> checked = row;
        for (Grant.ScopedColumn scoped : grant.scope()) {
            Column column = table.column(scoped.column()).orElseThrow();
            List<Object> allowed = allowedValues(column, scoped);
            String field = prefix + column.name();
            if (!row.containsKey(column.name())) {
                if (!fill) {
                    continue;
                }
                if (allowed.size() != 1) {
                    throw new SentroException(ErrorCode.FORBIDDEN, "Field '" + field + "' must be given: your row "
                            + "scope on '" + table.name() + "' allows " + describe(allowed), field)
                            .withExtensions(Map.of("table", table.name()));
                }
                if (checked == row) {
                    checked = new LinkedHashMap<>(row);
                }
                checked.put(column.name(), allowed.get(0));
                continue;
            }
            Object given = values.fromObject(column, row.get(column.name()), field);
            if (allowed.stream().noneMatch(value -> given != null && sameValue(given, value))) {
                throw new SentroException(ErrorCode.FORBIDDEN, "Field '" + field + "' is outside your row scope on '"
                        + table.name() + "': it may only be " + describe(allowed), field)
                        .withExtensions(Map.of("table", table.name()));
            }
        }
        return checked;
    }

    private static String describe(List<Object> allowed) {
        if (allowed.isEmpty()) {
            return "no value";
        }
        return allowed.size() == 1 ? String.valueOf(allowed.get(0))
                : "one of " + String.join(", ", allowed.stream().map(String::valueOf).toList());
    }

    /** Whether a typed value given in a body is the same as {@code key} (decimals compared by value, not scale). */
    static boolean sameValue(@Nullable Object given, Object key) {
        if (given instanceof java.math.BigDecimal a && key instanceof java.math.BigDecimal b) {
            return a.compareTo(b) == 0;
        }
        return key.equals(given);
    }
}
