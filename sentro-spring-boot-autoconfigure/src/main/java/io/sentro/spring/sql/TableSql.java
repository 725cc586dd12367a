package io.sentro.spring.sql;

import java.util.List;
import java.util.Map;

import io.sentro.spring.dialect.SqlDialect;
import io.sentro.spring.schema.Column;
import io.sentro.spring.schema.Table;

/**
 * The fixed parts of one table's statements, rendered once: its quoted name, its full column list, its key predicate
 * and the statements and OUTPUT clauses built from them.
 */
final class TableSql {

    final String name;
    final String allColumns;
    final String keyPredicate;
    final String selectByKey;
    final String deleteByKey;
    final String outputInserted;
    final String outputDeleted;
    private final Map<String, String> qualifiedColumns = new java.util.concurrent.ConcurrentHashMap<>();

    /** Every column, each prefixed with {@code alias} and a dot. */
    String allColumns(String alias) {
        return qualifiedColumns.computeIfAbsent(alias, key -> parts.columnList(key + ".", columns));
    }

    private final SqlParts parts;
    private final SqlDialect dialect;
    private final List<Column> columns;

    TableSql(SqlParts parts, Table table) {
        this.parts = parts;
        this.dialect = parts.dialect();
        this.columns = table.columns();
        this.name = dialect.qualifiedName(table);
        this.allColumns = parts.columnList(table.columns());
        StringBuilder predicate = new StringBuilder();
        for (int i = 0; i < table.primaryKey().size(); i++) {
            predicate.append(i == 0 ? "" : " AND ").append(dialect.quote(table.primaryKey().get(i))).append(" = ?");
        }
        this.keyPredicate = predicate.toString();
        this.selectByKey = "SELECT " + allColumns + " FROM " + name + " WHERE " + keyPredicate;
        this.deleteByKey = "DELETE FROM " + name + " WHERE " + keyPredicate;
        this.outputInserted = output("INSERTED", table);
        this.outputDeleted = output("DELETED", table);
    }

    /** SQL Server's {@code OUTPUT INSERTED.a, INSERTED.b} (or DELETED): every column of the written rows. */
    private String output(String rows, Table table) {
        StringBuilder output = new StringBuilder("OUTPUT ");
        for (int i = 0; i < table.columns().size(); i++) {
            output.append(i == 0 ? "" : ", ").append(rows).append('.')
                    .append(dialect.quote(table.columns().get(i).name()));
        }
        return output.toString();
    }
}
