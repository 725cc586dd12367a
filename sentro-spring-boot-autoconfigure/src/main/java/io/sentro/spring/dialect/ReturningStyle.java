package io.sentro.spring.dialect;

import java.util.List;

import io.sentro.spring.schema.Column;
import io.sentro.spring.schema.Table;

/**
 * How a database hands back the rows a statement wrote, and the fragments of SQL that ask for them: the renderer puts
 * {@link #output} after the statement's target and {@link #end} at its end, and the executor selects the rows again
 * when the statement {@linkplain #returnsRows() returns none}.
 */
public enum ReturningStyle {

    /** {@code ... RETURNING a, b} at the end of the statement (PostgreSQL; MariaDB for INSERT and DELETE). */
    RETURNING_CLAUSE {
        @Override
        public String end(String columns) {
            return " RETURNING " + columns;
        }
    },

    /** {@code OUTPUT INSERTED.a, INSERTED.b} before {@code VALUES} or {@code WHERE} (SQL Server). */
    OUTPUT_CLAUSE {
        @Override
        public String output(String outputClause) {
            return " " + outputClause;
        }
    },

    /** Nothing: the row is selected again by its key in the same transaction (MySQL). */
    RESELECT {
        @Override
        public boolean returnsRows() {
            return false;
        }
    };

    /**
     * The fragment after the statement's target (after an INSERT's column list, an UPDATE's SET list, a DELETE's
     * table), with its leading space; empty unless the rows come back through an OUTPUT clause.
     *
     * @param outputClause the table's {@code OUTPUT INSERTED.a, ...} or {@code OUTPUT DELETED.a, ...}
     */
    public String output(String outputClause) {
        return "";
    }

    /** The fragment at the statement's end, with its leading space; empty unless rows come back through RETURNING. */
    public String end(String columns) {
        return "";
    }

    /** Whether the statement itself returns the rows it wrote. */
    public boolean returnsRows() {
        return true;
    }

    /** The columns of the rows the statement returns: the table's, or none. */
    public List<Column> resultColumns(Table table) {
        return returnsRows() ? table.columns() : List.of();
    }
}
