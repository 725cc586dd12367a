package io.sentro.spring.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.sentro.spring.dialect.ReturningStyle;
import io.sentro.spring.dialect.SqlDialect;
import io.sentro.spring.plan.RawValue;
import io.sentro.spring.schema.Column;
import io.sentro.spring.schema.Table;

import org.jspecify.annotations.Nullable;

/** Renders the INSERT of one row or of several, with the fragments that return them where the dialect can. */
record InsertRenderer(SqlDialect dialect, SqlParts parts) {

    /**
     * An INSERT of one row, returning the stored row when the dialect can ({@link SqlDialect#insertReturning()});
     * otherwise it returns nothing and the caller selects the row again.
     */
    SqlStatement insert(Table table, Map<Column, @Nullable Object> row) {
        TableSql tableSql = parts.table(table);
        ReturningStyle returning = dialect.insertReturning();
        List<Object> parameters = new ArrayList<>(row.size());
        StringBuilder sql = new StringBuilder(128).append("INSERT INTO ").append(tableSql.name);
        if (row.isEmpty()) {
            sql.append(returning.output(tableSql.outputInserted)).append(' ').append(dialect.defaultValues());
        }
        else {
            sql.append(" (").append(parts.columnList(new ArrayList<>(row.keySet()))).append(')')
                    .append(returning.output(tableSql.outputInserted)).append(" VALUES (");
            int i = 0;
            for (Map.Entry<Column, Object> entry : row.entrySet()) {
                sql.append(i++ == 0 ? "" : ", ");
                parts.value(sql, parameters, entry.getKey(), entry.getValue());
            }
            sql.append(')');
        }
        sql.append(returning.end(tableSql.allColumns));
        return new SqlStatement(sql.toString(), parameters, returning.resultColumns(table));
    }

    /**
     * A multi-row INSERT of rows that each give some columns: the statement names every column any of them gives, and a
     * row that leaves one out gets its {@code DEFAULT}. It returns the rows as stored, in the order given, where the
     * dialect can ({@link SqlDialect#insertReturning()}); at most {@link SqlDialect#rowsPerInsert} rows.
     */
    SqlStatement insertMany(Table table, List<Map<Column, @Nullable Object>> rows) {
        TableSql tableSql = parts.table(table);
        List<Column> columns = table.columns().stream()
                .filter(column -> rows.stream().anyMatch(row -> row.containsKey(column))).toList();
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("A multi-row INSERT needs a column");
        }
        ReturningStyle returning = dialect.insertReturning();
        List<Object> parameters = new ArrayList<>(rows.size() * columns.size());
        StringBuilder sql = new StringBuilder(64 + rows.size() * columns.size() * 4).append("INSERT INTO ")
                .append(tableSql.name).append(" (").append(parts.columnList(columns)).append(')');
        sql.append(returning.output(tableSql.outputInserted)).append(" VALUES ");
        for (int r = 0; r < rows.size(); r++) {
            Map<Column, @Nullable Object> row = rows.get(r);
            sql.append(r == 0 ? "(" : ", (");
            for (int c = 0; c < columns.size(); c++) {
                Column column = columns.get(c);
                sql.append(c == 0 ? "" : ", ");
                parts.value(sql, parameters, column, row.containsKey(column) ? row.get(column) : RawValue.DEFAULT);
            }
            sql.append(')');
        }
        sql.append(returning.end(tableSql.allColumns));
        return new SqlStatement(sql.toString(), parameters, returning.resultColumns(table));
    }
}
