package io.sentro.spring.plan;

import io.sentro.spring.error.ErrorCode;
import io.sentro.spring.error.SentroException;
import io.sentro.spring.schema.Column;
import io.sentro.spring.schema.Table;

/**
 * The columns a caller may name in a request: a column their grant hides is as unknown as one the table lacks, and
 * no error lists it (no oracle). Every part of planning looks the columns a request names up here.
 */
final class VisibleColumns {

    private VisibleColumns() {
    }

    /** A column the caller may name; a hidden one is as unknown as a column the table lacks (no oracle). */
    static Column column(Table table, String name, String parameter, Grant grant) {
        return table.column(name).filter(found -> !grant.hides(found.name())).orElseThrow(() ->
                new SentroException(ErrorCode.UNKNOWN_COLUMN, "Unknown column '" + name + "' in '" + parameter
                        + "': table '" + table.name() + "' has columns " + columnNames(table, grant), parameter));
    }

    /** The names of the columns of {@code table} the caller may see, comma-separated, for error details. */
    static String columnNames(Table table, Grant grant) {
        return String.join(", ", table.columns().stream().map(Column::name).filter(name -> !grant.hides(name))
                .toList());
    }
}
