package io.sentro.spring.plan;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.sentro.spring.error.ErrorCode;
import io.sentro.spring.error.SentroException;
import io.sentro.spring.schema.Column;
import io.sentro.spring.schema.Table;

/**
 * The columns a read selects: those {@code fields} names (every visible one without it), the whole row for a
 * computed display field (it computes from the row), and the columns embedded relations join on, read as helpers and
 * left out of the response. Knows which names are display fields rather than columns.
 */
final class Projections {

    private final Planner.DisplayFields displayFields;

    Projections(Planner.DisplayFields displayFields) {
        this.displayFields = displayFields;
    }

    List<Column> projection(Table table, List<String> fields, Grant grant, String parameter) {
        if (fields.isEmpty()) {
            return grant.hiddenColumns().isEmpty() ? table.columns()
                    : table.columns().stream().filter(column -> !grant.hides(column.name())).toList();
        }
        List<Column> projection = new ArrayList<>(fields.size());
        for (String field : fields) {
            Column column = VisibleColumns.column(table, field, parameter, grant);
            if (!projection.contains(column)) {
                projection.add(column);
            }
        }
        return projection;
    }

    /**
     * The columns of an embedded table to select for the fields asked for: those columns, or the whole (visible)
     * row when a computed display field is asked for, since it computes from the row.
     */
    List<Column> embeddedProjection(Table table, List<String> fields, Grant grant, String parameter) {
        boolean display = false;
        for (String field : fields) {
            if (isDisplayField(table, field)) {
                display = true;
            }
            else {
                VisibleColumns.column(table, field, parameter, grant);
            }
        }
        return projection(table, display ? List.of() : fields, grant, parameter);
    }

    /** Whether {@code name} is a computed display field of {@code table} (not a column). */
    boolean isDisplayField(Table table, String name) {
        return table.column(name).isEmpty() && displayFields.isDisplayField(table, name);
    }

    /** A 400 naming {@code parameter} when {@code name} is a display field, which no SQL can filter or sort on. */
    void refuseDisplayField(Table table, String name, String parameter) {
        if (isDisplayField(table, name)) {
            throw new SentroException(ErrorCode.INVALID_PARAMETER, "'" + name + "' is a computed display field of '"
                    + table.name() + "'; it cannot be filtered or sorted on", parameter);
        }
    }

    /**
     * The names of the columns the embedded relations join on that {@code projection} lacks: they are read to match
     * related rows and left out of the response.
     */
    static Set<String> joinColumns(Table table, List<Column> projection, List<EmbedPlan> embeds) {
        Set<String> helpers = new LinkedHashSet<>();
        for (EmbedPlan embed : embeds) {
            for (String name : embed.relation().columns()) {
                if (!projection.contains(table.column(name).orElseThrow())) {
                    helpers.add(name);
                }
            }
        }
        return helpers;
    }

    /** {@code projection} and the columns {@code names} names, after it. */
    static List<Column> withColumns(Table table, List<Column> projection, Set<String> names) {
        if (names.isEmpty()) {
            return projection;
        }
        List<Column> columns = new ArrayList<>(projection);
        names.forEach(name -> columns.add(table.column(name).orElseThrow()));
        return columns;
    }
}
