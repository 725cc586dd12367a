package io.sentro.spring.sql;

import java.util.ArrayList;
import java.util.List;

import io.sentro.spring.dialect.SqlDialect;
import io.sentro.spring.plan.Condition;
import io.sentro.spring.plan.Exists;
import io.sentro.spring.plan.Filter;
import io.sentro.spring.schema.Column;
import io.sentro.spring.schema.Relation;
import io.sentro.spring.schema.Table;

/**
 * Renders conditions: WHERE clauses, their filters and related-row EXISTS, a row scope after a key predicate,
 * and lists of keys. Every value becomes a bound parameter, appended to the caller's list in order.
 */
record ConditionSql(SqlDialect dialect, SqlParts parts) {

    /**
     * {@code alias.c IN (?, ...)}, or for several columns {@code ((alias.a = ? AND alias.b = ?) OR ...)}. The list
     * is padded to a power of two by repeating its last key, so that pages of 17 to 32 parents send the same SQL:
     * the driver and the database reuse its prepared statement and plan instead of parsing a new one per count.
     */
    void keyIn(StringBuilder sql, List<Object> parameters, String alias, List<Column> columns,
            List<List<Object>> given) {
        List<List<Object>> keys = given;
        int padded = Integer.highestOneBit(Math.max(1, given.size() - 1)) << 1;
        if (given.size() > 1 && padded > given.size()) {
            keys = new ArrayList<>(given);
            while (keys.size() < padded) {
                keys.add(given.get(given.size() - 1));
            }
        }
        if (columns.size() == 1) {
            Column column = columns.get(0);
            sql.append(alias).append('.').append(dialect.quote(column.name())).append(" IN (");
            for (int i = 0; i < keys.size(); i++) {
                sql.append(i == 0 ? "?" : ", ?");
                parameters.add(parts.bind(column, keys.get(i).get(0)));
            }
            sql.append(')');
            return;
        }
        sql.append('(');
        for (int k = 0; k < keys.size(); k++) {
            sql.append(k == 0 ? "(" : " OR (");
            for (int i = 0; i < columns.size(); i++) {
                sql.append(i == 0 ? "" : " AND ").append(alias).append('.').append(dialect.quote(columns.get(i)
                        .name())).append(" = ?");
                parameters.add(parts.bind(columns.get(i), keys.get(k).get(i)));
            }
            sql.append(')');
        }
        sql.append(')');
    }

    /** Appends a row scope to a WHERE that already has the key predicate. */
    void andScope(StringBuilder sql, List<Object> parameters, Condition scope) {
        if (scope.matchesNothing()) {
            sql.append(" AND 1 = 0");
            return;
        }
        for (Filter filter : scope.allOf()) {
            sql.append(" AND ");
            filter(sql, parameters, filter);
        }
    }

    /**
     * The WHERE of a bulk UPDATE or DELETE. Where the dialect needs it and the condition has related-row filters, the
     * rows are named by their key from a derived table ({@code WHERE id IN (SELECT id FROM (SELECT id FROM t WHERE
     * ...) sentro_matched)}), which MySQL accepts where it refuses a subquery on the table being changed.
     */
    void writeWhere(StringBuilder sql, List<Object> parameters, Condition condition, Table table) {
        if (condition.related().isEmpty() || !dialect.writesSelectRowsThroughDerivedTable()
                || !table.hasPrimaryKey()) {
            where(sql, parameters, condition, table);
            return;
        }
        String key = String.join(", ", table.primaryKey().stream().map(dialect::quote).toList());
        sql.append(" WHERE ").append(table.primaryKey().size() == 1 ? key : "(" + key + ")").append(" IN (SELECT ")
                .append(key).append(" FROM (SELECT ").append(key).append(" FROM ").append(parts.table(table).name);
        where(sql, parameters, condition, table);
        sql.append(") sentro_matched)");
    }

    /** {@code WHERE <condition>} of a statement on {@code table}, unaliased. */
    void where(StringBuilder sql, List<Object> parameters, Condition condition, Table table) {
        where(sql, parameters, condition, "", parts.table(table).name, 0);
    }

    /**
     * Appends {@code WHERE <condition>} unless the condition is empty. Columns are prefixed with {@code qualifier}
     * (an alias and a dot, or nothing); {@code outer} is how related-row filters refer to the filtered table (its
     * qualified name or its alias), {@code depth} how deep in such filters this condition is.
     */
    void where(StringBuilder sql, List<Object> parameters, Condition condition, String qualifier,
            String outer, int depth) {
        if (condition.isEmpty()) {
            return;
        }
        sql.append(" WHERE ");
        predicate(sql, parameters, condition, qualifier, outer, depth);
    }

    /** The condition as one predicate; the caller has checked that it is not empty. */
    void predicate(StringBuilder sql, List<Object> parameters, Condition condition, String qualifier,
            String outer, int depth) {
        if (condition.matchesNothing()) {
            sql.append("1 = 0");
            return;
        }
        boolean first = true;
        for (Filter filter : condition.allOf()) {
            sql.append(first ? "" : " AND ");
            first = false;
            filter(sql, parameters, filter, qualifier);
        }
        if (!condition.anyOf().isEmpty()) {
            sql.append(first ? "(" : " AND (");
            first = false;
            for (int g = 0; g < condition.anyOf().size(); g++) {
                sql.append(g == 0 ? "(" : " OR (");
                List<Filter> group = condition.anyOf().get(g);
                for (int f = 0; f < group.size(); f++) {
                    sql.append(f == 0 ? "" : " AND ");
                    filter(sql, parameters, group.get(f), qualifier);
                }
                sql.append(')');
            }
            sql.append(')');
        }
        if (condition.search() != null) {
            sql.append(first ? "(" : " AND (");
            first = false;
            String pattern = "%" + dialect.escapeLike(condition.search()) + "%";
            for (int i = 0; i < condition.searchColumns().size(); i++) {
                sql.append(i == 0 ? "" : " OR ")
                        .append(dialect.caseInsensitiveLike(qualifier
                                + dialect.quote(condition.searchColumns().get(i).name())))
                        .append(" ESCAPE '").append(SqlDialect.LIKE_ESCAPE).append('\'');
                parameters.add(pattern);
            }
            sql.append(')');
        }
        for (Exists exists : condition.related()) {
            sql.append(first ? "" : " AND ");
            first = false;
            exists(sql, parameters, exists, outer, depth + 1);
        }
    }

    /**
     * {@code EXISTS (SELECT 1 FROM <related> r WHERE r.<fk> = <outer>.<key> AND <condition on r>)}; through the
     * join table of a many-to-many with a nested {@code EXISTS}, so that the related table's own columns stay the
     * only unqualified names in scope.
     */
    private void exists(StringBuilder sql, List<Object> parameters, Exists exists, String outer,
            int depth) {
        Relation relation = exists.relation();
        String alias = "sentro_r" + depth;
        sql.append("EXISTS (SELECT 1 FROM ").append(parts.table(exists.target()).name).append(' ').append(alias)
                .append(" WHERE ");
        if (exists.through() == null) {
            equalColumns(sql, alias, relation.targetColumns(), outer, relation.columns());
        }
        else {
            Relation.Through join = relation.through();
            String joinAlias = "sentro_j" + depth;
            sql.append("EXISTS (SELECT 1 FROM ").append(parts.table(exists.through()).name).append(' ')
                    .append(joinAlias).append(" WHERE ");
            equalColumns(sql, joinAlias, join.targetColumns(), alias, relation.targetColumns());
            sql.append(" AND ");
            equalColumns(sql, joinAlias, join.sourceColumns(), outer, relation.columns());
            if (!exists.throughScope().isEmpty()) {
                sql.append(" AND ");
                predicate(sql, parameters, exists.throughScope(), joinAlias + ".", joinAlias, depth);
            }
            sql.append(')');
        }
        if (!exists.condition().isEmpty()) {
            sql.append(" AND ");
            predicate(sql, parameters, exists.condition(), alias + ".", alias, depth);
        }
        sql.append(')');
    }

    /** {@code a.x = b.y AND ...} for columns pairwise. */
    void equalColumns(StringBuilder sql, String left, List<String> leftColumns, String right,
            List<String> rightColumns) {
        for (int i = 0; i < leftColumns.size(); i++) {
            sql.append(i == 0 ? "" : " AND ").append(left).append('.').append(dialect.quote(leftColumns.get(i)))
                    .append(" = ").append(right).append('.').append(dialect.quote(rightColumns.get(i)));
        }
    }

    private void filter(StringBuilder sql, List<Object> parameters, Filter filter) {
        filter(sql, parameters, filter, "");
    }

    private void filter(StringBuilder sql, List<Object> parameters, Filter filter, String qualifier) {
        Column column = filter.column();
        String quoted = qualifier + dialect.quote(column.name());
        switch (filter.operator()) {
            case EQ -> comparison(sql, parameters, quoted, " = ", filter);
            case NEQ -> comparison(sql, parameters, quoted, " <> ", filter);
            case GT -> comparison(sql, parameters, quoted, " > ", filter);
            case GTE -> comparison(sql, parameters, quoted, " >= ", filter);
            case LT -> comparison(sql, parameters, quoted, " < ", filter);
            case LTE -> comparison(sql, parameters, quoted, " <= ", filter);
            case IN, NIN -> {
                List<?> values = (List<?>) filter.value();
                sql.append(quoted).append(filter.operator() == io.sentro.spring.query.Operator.IN ? " IN (" : " NOT IN (");
                for (int i = 0; i < values.size(); i++) {
                    sql.append(i == 0 ? "?" : ", ?");
                    parameters.add(parts.bind(column, values.get(i)));
                }
                sql.append(')');
            }
            case LIKE -> {
                sql.append(quoted).append(" LIKE ?");
                parameters.add(filter.value());
            }
            case ILIKE -> {
                sql.append(dialect.caseInsensitiveLike(quoted));
                parameters.add(filter.value());
            }
            case IS_NULL -> sql.append(quoted).append(Boolean.TRUE.equals(filter.value()) ? " IS NULL" : " IS NOT NULL");
        }
    }

    private void comparison(StringBuilder sql, List<Object> parameters, String quoted, String operator, Filter filter) {
        sql.append(quoted).append(operator).append('?');
        parameters.add(parts.bind(filter.column(), filter.value()));
    }
}
