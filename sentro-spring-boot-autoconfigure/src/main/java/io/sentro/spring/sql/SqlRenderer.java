package io.sentro.spring.sql;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.sentro.spring.dialect.ReturningStyle;
import io.sentro.spring.dialect.RowEstimate;
import io.sentro.spring.dialect.SqlDialect;
import io.sentro.spring.dialect.UpsertStatement;
import io.sentro.spring.plan.RawValue;
import io.sentro.spring.plan.AggregatePlan;
import io.sentro.spring.plan.Condition;
import io.sentro.spring.plan.EmbedPlan;
import io.sentro.spring.plan.Exists;
import io.sentro.spring.plan.Filter;
import io.sentro.spring.plan.Increment;
import io.sentro.spring.plan.Key;
import io.sentro.spring.plan.OperationPlan.DeleteWherePlan;
import io.sentro.spring.plan.OperationPlan.ReadPlan;
import io.sentro.spring.plan.OperationPlan.UpdateWherePlan;
import io.sentro.spring.plan.OperationPlan.UpsertPlan;
import io.sentro.spring.plan.SortOrder;
import io.sentro.spring.schema.Column;
import io.sentro.spring.schema.ColumnType;
import io.sentro.spring.schema.Relation;
import io.sentro.spring.schema.SchemaModel;
import io.sentro.spring.schema.Table;
import io.sentro.spring.schema.TypeKind;

import org.jspecify.annotations.Nullable;

/**
 * Renders plans into SQL for one dialect. Identifiers come only from the schema model and are always quoted; every
 * value is a bound parameter. The parts of each table's statements that never change (quoted names, the full
 * column list, the key predicate) are rendered once, when the renderer is built.
 */
public final class SqlRenderer {

    /** The most keys one statement looks rows up by ({@link #selectByKeys}); callers split longer lists. */
    public static final int MAX_KEYS_PER_STATEMENT = 500;

    private final SqlDialect dialect;
    private final Map<Table, TableSql> tables = new IdentityHashMap<>();

    public SqlRenderer(SqlDialect dialect, SchemaModel model) {
        this.dialect = dialect;
        for (Table table : model.tables()) {
            tables.put(table, new TableSql(table));
        }
    }

    public SqlDialect dialect() {
        return dialect;
    }

    /** The rows of a page. */
    public SqlStatement select(ReadPlan plan) {
        return select(plan, false, false);
    }

    /**
     * The rows of a page and one more, which tells whether another page follows (and is not returned); after the
     * plan's cursor, when it has one.
     */
    public SqlStatement selectPage(ReadPlan plan) {
        return select(plan, false, true);
    }

    /**
     * The rows of a page and one more, as {@link #selectPage}, each followed by the number of rows matching the
     * condition ({@code COUNT(*) OVER ()}): the page and its total in one statement. The database visits every
     * matching row for it, so it is for conditions expected to match few; and not for a page after a cursor, whose
     * total is not that of its rows.
     */
    public SqlStatement selectWithTotal(ReadPlan plan) {
        if (plan.after() != null) {
            throw new IllegalArgumentException("A page after a cursor is counted on its own");
        }
        return select(plan, true, true);
    }

    private SqlStatement select(ReadPlan plan, boolean withTotal, boolean lookAhead) {
        TableSql table = sql(plan.table());
        List<Object> parameters = new ArrayList<>();
        StringBuilder sql = new StringBuilder(256);
        // With joined relations every column is qualified: the main table is sentro_m, the joined ones sentro_e<n>.
        boolean joins = !plan.joined().isEmpty();
        String qualifier = joins ? "sentro_m." : "";
        List<Column> resultColumns = plan.projection();
        sql.append("SELECT ").append(plan.projection() != plan.table().columns() ? columnList(qualifier,
                plan.projection()) : joins ? table.allColumns("sentro_m") : table.allColumns);
        StringBuilder from = new StringBuilder(128).append(" FROM ").append(table.name);
        if (joins) {
            resultColumns = new ArrayList<>(plan.projection());
            from.append(" sentro_m");
            for (int i = 0; i < plan.joined().size(); i++) {
                EmbedPlan embed = plan.joined().get(i);
                String alias = "sentro_e" + (i + 1);
                List<Column> keyColumns = embed.keyColumns();
                resultColumns.addAll(keyColumns);
                resultColumns.addAll(embed.projection());
                sql.append(", ").append(columnList(alias + ".", keyColumns)).append(", ")
                        .append(embed.projection() == embed.target().columns()
                                ? sql(embed.target()).allColumns(alias) : columnList(alias + ".", embed.projection()));
                from.append(" LEFT JOIN ").append(sql(embed.target()).name).append(' ').append(alias).append(" ON ");
                equalColumns(from, alias, embed.relation().targetColumns(), "sentro_m", embed.relation().columns());
                if (!embed.condition().isEmpty()) {
                    from.append(" AND ");
                    predicate(from, parameters, embed.condition(), alias + ".", alias, 0);
                }
            }
        }
        if (withTotal) {
            sql.append(", COUNT(*) OVER ()");
        }
        sql.append(from);
        where(sql, parameters, plan.condition(), qualifier, joins ? "sentro_m" : table.name, 0);
        if (plan.after() != null) {
            sql.append(plan.condition().isEmpty() ? " WHERE " : " AND ");
            after(sql, parameters, plan.order(), plan.after(), qualifier);
        }
        boolean ordered = !plan.order().isEmpty();
        if (ordered) {
            sql.append(" ORDER BY ");
            for (int i = 0; i < plan.order().size(); i++) {
                SortOrder order = plan.order().get(i);
                sql.append(i == 0 ? "" : ", ").append(qualifier).append(dialect.quote(order.column().name()));
                if (order.descending()) {
                    sql.append(" DESC");
                }
            }
        }
        dialect.paginate(sql, ordered, lookAhead ? plan.limit() + 1 : plan.limit(), plan.offset());
        return new SqlStatement(sql.toString(), parameters, resultColumns);
    }

    /**
     * The rows after a row in the page's order: after it in the first sort column, or equal there and after it in
     * the second, and so on; the primary key ends every order, so no two rows tie. NULLs sort as the dialect sorts
     * them. A bound on the first column lets an index on it start the scan at the cursor.
     */
    private void after(StringBuilder sql, List<Object> parameters, List<SortOrder> order, List<Object> values,
            String qualifier) {
        SortOrder first = order.get(0);
        Object firstValue = values.get(0);
        if (firstValue != null && !first.column().nullable() && order.size() > 1) {
            sql.append(qualifier).append(dialect.quote(first.column().name())).append(first.descending() ? " <= ?" : " >= ?")
                    .append(" AND ");
            parameters.add(bind(first.column(), firstValue));
        }
        sql.append('(');
        int terms = 0;
        for (int i = 0; i < order.size(); i++) {
            StringBuilder term = new StringBuilder();
            List<Object> termParameters = new ArrayList<>();
            for (int j = 0; j < i; j++) {
                String quoted = qualifier + dialect.quote(order.get(j).column().name());
                if (values.get(j) == null) {
                    term.append(quoted).append(" IS NULL AND ");
                }
                else {
                    term.append(quoted).append(" = ? AND ");
                    termParameters.add(bind(order.get(j).column(), values.get(j)));
                }
            }
            if (!strictlyAfter(term, termParameters, order.get(i), values.get(i), qualifier)) {
                continue;
            }
            sql.append(terms++ == 0 ? "(" : " OR (").append(term).append(')');
            parameters.addAll(termParameters);
        }
        sql.append(terms == 0 ? "1 = 0)" : ")");
    }

    /** Appends "this column's value comes after {@code value}"; false when nothing comes after it. */
    private boolean strictlyAfter(StringBuilder term, List<Object> parameters, SortOrder order,
            @Nullable Object value, String qualifier) {
        String quoted = qualifier + dialect.quote(order.column().name());
        // Whether NULLs come after every value in this direction.
        boolean nullsAfter = dialect.nullsSortHigh() != order.descending();
        if (value == null) {
            if (nullsAfter) {
                return false;
            }
            term.append(quoted).append(" IS NOT NULL");
            return true;
        }
        boolean orNull = nullsAfter && order.column().nullable();
        term.append(orNull ? "(" : "").append(quoted).append(order.descending() ? " < ?" : " > ?");
        parameters.add(bind(order.column(), value));
        if (orNull) {
            term.append(" OR ").append(quoted).append(" IS NULL)");
        }
        return true;
    }

    /** The number of rows matching a page's condition. */
    public SqlStatement count(ReadPlan plan) {
        List<Object> parameters = new ArrayList<>();
        return new SqlStatement(matching("COUNT(*)", plan, parameters), parameters, List.of());
    }

    /**
     * A statement estimating the number of rows matching a page's condition from the database's statistics, when the
     * dialect has one; it runs nothing but the planner.
     */
    public Optional<RowEstimate> rowEstimate(ReadPlan plan) {
        List<Object> parameters = new ArrayList<>();
        return dialect.rowEstimate(matching("1", plan, parameters), parameters, plan.table(),
                !plan.condition().isEmpty());
    }

    /** {@code SELECT <what> FROM <table> WHERE <the page's condition>}, its parameters added to {@code parameters}. */
    private String matching(String what, ReadPlan plan, List<Object> parameters) {
        StringBuilder sql = new StringBuilder(128).append("SELECT ").append(what).append(" FROM ")
                .append(sql(plan.table()).name);
        where(sql, parameters, plan.condition(), plan.table());
        return sql.toString();
    }

    /**
     * The related rows of an embedded relation for some parent rows, in one statement: each result row begins with
     * the values that name its parent ({@link EmbedPlan#keyColumns()}, as {@code sentro_k0...}), then the plan's
     * projection. A to-many relation reads at most {@code limit} rows per parent, in the plan's order: with one
     * parent as a page, with several numbered per parent ({@code ROW_NUMBER() OVER (PARTITION BY ...)}).
     *
     * @param parentKeys the parents' values of the relation's columns, converted to the related key columns' types
     */
    public SqlStatement related(EmbedPlan plan, List<List<Object>> parentKeys) {
        Relation relation = plan.relation();
        List<Column> keyColumns = plan.keyColumns();
        String keyAlias = plan.through() == null ? "sentro_t" : "sentro_j";
        List<Object> parameters = new ArrayList<>();
        StringBuilder select = new StringBuilder(256).append("SELECT ");
        for (int i = 0; i < keyColumns.size(); i++) {
            select.append(i == 0 ? "" : ", ").append(keyAlias).append('.').append(dialect.quote(keyColumns.get(i)
                    .name())).append(" AS sentro_k").append(i);
        }
        for (Column column : plan.projection()) {
            select.append(", sentro_t.").append(dialect.quote(column.name()));
        }
        StringBuilder from = new StringBuilder(128).append(" FROM ").append(sql(plan.target()).name)
                .append(" sentro_t");
        if (plan.through() != null) {
            from.append(" JOIN ").append(sql(plan.through()).name).append(" sentro_j ON ");
            equalColumns(from, "sentro_j", relation.through().targetColumns(), "sentro_t", relation.targetColumns());
        }
        from.append(" WHERE ");
        keyIn(from, parameters, keyAlias, keyColumns, parentKeys);
        if (!plan.condition().isEmpty()) {
            from.append(" AND ");
            predicate(from, parameters, plan.condition(), "sentro_t.", "sentro_t", 0);
        }
        if (!plan.throughScope().isEmpty()) {
            from.append(" AND ");
            predicate(from, parameters, plan.throughScope(), "sentro_j.", "sentro_j", 0);
        }
        List<Column> resultColumns = new ArrayList<>(keyColumns);
        resultColumns.addAll(plan.projection());
        if (!plan.toMany()) {
            return new SqlStatement(select.append(from).toString(), parameters, resultColumns);
        }
        StringBuilder order = new StringBuilder();
        for (SortOrder item : plan.order()) {
            order.append(order.isEmpty() ? "" : ", ").append("sentro_t.").append(dialect.quote(item.column().name()))
                    .append(item.descending() ? " DESC" : "");
        }
        if (parentKeys.size() == 1) {
            StringBuilder sql = select.append(from);
            if (!order.isEmpty()) {
                sql.append(" ORDER BY ").append(order);
            }
            dialect.paginate(sql, !order.isEmpty(), plan.limit(), 0);
            return new SqlStatement(sql.toString(), parameters, resultColumns);
        }
        StringBuilder partition = new StringBuilder();
        for (Column keyColumn : keyColumns) {
            partition.append(partition.isEmpty() ? "" : ", ").append(keyAlias).append('.')
                    .append(dialect.quote(keyColumn.name()));
        }
        StringBuilder outer = new StringBuilder(256).append("SELECT ");
        for (int i = 0; i < keyColumns.size(); i++) {
            outer.append(i == 0 ? "" : ", ").append("sentro_k").append(i);
        }
        for (Column column : plan.projection()) {
            outer.append(", ").append(dialect.quote(column.name()));
        }
        outer.append(" FROM (").append(select).append(", ROW_NUMBER() OVER (PARTITION BY ").append(partition)
                .append(" ORDER BY ").append(order.isEmpty() ? partition : order).append(") AS sentro_rn")
                .append(from).append(") sentro_page WHERE sentro_rn <= ").append(plan.limit())
                .append(" ORDER BY sentro_rn"); // a literal, as dialect.paginate explains
        return new SqlStatement(outer.toString(), parameters, resultColumns);
    }

    /**
     * {@code alias.c IN (?, ...)}, or for several columns {@code ((alias.a = ? AND alias.b = ?) OR ...)}. The list
     * is padded to a power of two by repeating its last key, so that pages of 17 to 32 parents send the same SQL:
     * the driver and the database reuse its prepared statement and plan instead of parsing a new one per count.
     */
    private void keyIn(StringBuilder sql, List<Object> parameters, String alias, List<Column> columns,
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
                parameters.add(bind(column, keys.get(i).get(0)));
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
                parameters.add(bind(columns.get(i), keys.get(k).get(i)));
            }
            sql.append(')');
        }
        sql.append(')');
    }

    /**
     * The groups of an aggregate plan and their aggregates, one more than the page (see {@link #selectPage}). Result
     * columns: the group columns, then one per aggregate, named by its key ({@link #aggregateColumns}).
     */
    public SqlStatement aggregate(AggregatePlan plan) {
        List<Object> parameters = new ArrayList<>();
        StringBuilder sql = new StringBuilder(256).append("SELECT ");
        StringBuilder groupBy = new StringBuilder();
        for (Column column : plan.group()) {
            groupBy.append(groupBy.isEmpty() ? "" : ", ").append(dialect.quote(column.name()));
        }
        sql.append(groupBy);
        boolean first = groupBy.isEmpty();
        for (AggregatePlan.Aggregate aggregate : plan.aggregates()) {
            sql.append(first ? "" : ", ").append(aggregateExpression(aggregate)).append(" AS ")
                    .append(dialect.quote(aggregate.key()));
            first = false;
        }
        groupedRows(sql, parameters, plan, groupBy);
        StringBuilder order = new StringBuilder();
        for (AggregatePlan.Order item : plan.order()) {
            order.append(order.isEmpty() ? "" : ", ").append(item.column() != null
                    ? dialect.quote(item.column().name()) : aggregateExpression(item.aggregate()))
                    .append(item.descending() ? " DESC" : "");
        }
        if (!order.isEmpty()) {
            sql.append(" ORDER BY ").append(order);
        }
        dialect.paginate(sql, !order.isEmpty(), plan.limit() + 1, plan.offset());
        return new SqlStatement(sql.toString(), parameters, aggregateColumns(plan));
    }

    /** The number of groups an aggregate plan has (one, or none when HAVING refuses it, without group columns). */
    public SqlStatement countGroups(AggregatePlan plan) {
        List<Object> parameters = new ArrayList<>();
        StringBuilder groupBy = new StringBuilder();
        for (Column column : plan.group()) {
            groupBy.append(groupBy.isEmpty() ? "" : ", ").append(dialect.quote(column.name()));
        }
        StringBuilder sql = new StringBuilder(256).append("SELECT COUNT(*) FROM (SELECT 1 AS sentro_one");
        groupedRows(sql, parameters, plan, groupBy);
        return new SqlStatement(sql.append(") sentro_groups").toString(), parameters, List.of());
    }

    /** {@code FROM ... WHERE ... GROUP BY ... HAVING ...}. */
    private void groupedRows(StringBuilder sql, List<Object> parameters, AggregatePlan plan, CharSequence groupBy) {
        sql.append(" FROM ").append(sql(plan.table()).name);
        where(sql, parameters, plan.condition(), plan.table());
        if (!groupBy.isEmpty()) {
            sql.append(" GROUP BY ").append(groupBy);
        }
        for (int i = 0; i < plan.having().size(); i++) {
            AggregatePlan.Having having = plan.having().get(i);
            sql.append(i == 0 ? " HAVING " : " AND ");
            String expression = aggregateExpression(having.aggregate());
            Column column = having.aggregate().function() == AggregatePlan.Function.MIN
                    || having.aggregate().function() == AggregatePlan.Function.MAX ? having.aggregate().column() : null;
            switch (having.operator()) {
                case IS_NULL -> sql.append(expression)
                        .append(Boolean.TRUE.equals(having.value()) ? " IS NULL" : " IS NOT NULL");
                case IN, NIN -> {
                    sql.append(expression).append(having.operator() == io.sentro.spring.query.Operator.IN ? " IN ("
                            : " NOT IN (");
                    List<?> values = (List<?>) having.value();
                    for (int v = 0; v < values.size(); v++) {
                        sql.append(v == 0 ? "?" : ", ?");
                        parameters.add(column != null ? bind(column, values.get(v)) : values.get(v));
                    }
                    sql.append(')');
                }
                default -> {
                    sql.append(expression).append(switch (having.operator()) {
                        case EQ -> " = ?";
                        case NEQ -> " <> ?";
                        case GT -> " > ?";
                        case GTE -> " >= ?";
                        case LT -> " < ?";
                        case LTE -> " <= ?";
                        default -> throw new IllegalArgumentException("Not an aggregate filter: " + having.operator());
                    });
                    parameters.add(column != null ? bind(column, having.value()) : having.value());
                }
            }
        }
    }

    private String aggregateExpression(AggregatePlan.Aggregate aggregate) {
        if (aggregate.column() == null) {
            return "COUNT(*)";
        }
        return dialect.aggregate(aggregate.function().name(), dialect.quote(aggregate.column().name()),
                aggregate.column().type());
    }

    /**
     * The result columns of an aggregate plan: the group columns, then one per aggregate, typed as it is read: a
     * count as an integer, a sum or average of exact numbers as a decimal, of floating-point numbers as a double,
     * a minimum or maximum as its column.
     */
    public static List<Column> aggregateColumns(AggregatePlan plan) {
        List<Column> columns = new ArrayList<>(plan.group());
        for (AggregatePlan.Aggregate aggregate : plan.aggregates()) {
            Column column = aggregate.column();
            ColumnType type = switch (aggregate.function()) {
                case COUNT -> ColumnType.of("bigint", TypeKind.BIGINT);
                case SUM, AVG -> column.kind() == TypeKind.REAL || column.kind() == TypeKind.DOUBLE
                        ? ColumnType.of("double precision", TypeKind.DOUBLE) : ColumnType.of("numeric", TypeKind.DECIMAL);
                case MIN, MAX -> column.type();
            };
            columns.add(new Column(aggregate.key(), type, true, null, false, false, false, null));
        }
        return columns;
    }

    /** One row by key. */
    public SqlStatement selectByKey(Table table, List<Column> projection, Key key) {
        return selectByKey(table, projection, key, Condition.NONE);
    }

    /** One row by key, when it also meets {@code scope}. */
    public SqlStatement selectByKey(Table table, List<Column> projection, Key key, Condition scope) {
        TableSql tableSql = sql(table);
        String sql = projection == table.columns() ? tableSql.selectByKey
                : "SELECT " + columnList(projection) + " FROM " + tableSql.name + " WHERE " + tableSql.keyPredicate;
        if (scope.isEmpty()) {
            return new SqlStatement(sql, keyParameters(key), projection);
        }
        List<Object> parameters = keyParameters(key);
        StringBuilder scoped = new StringBuilder(sql);
        andScope(scoped, parameters, scope);
        return new SqlStatement(scoped.toString(), parameters, projection);
    }

    /**
     * An INSERT of one row, returning the stored row when the dialect can ({@link SqlDialect#insertReturning()});
     * otherwise it returns nothing and the caller selects the row again.
     */
    public SqlStatement insert(Table table, Map<Column, @Nullable Object> row) {
        TableSql tableSql = sql(table);
        ReturningStyle returning = dialect.insertReturning();
        List<Object> parameters = new ArrayList<>(row.size());
        StringBuilder sql = new StringBuilder(128).append("INSERT INTO ").append(tableSql.name);
        if (row.isEmpty()) {
            sql.append(returning.output(tableSql.outputInserted)).append(' ').append(dialect.defaultValues());
        }
        else {
            sql.append(" (").append(columnList(new ArrayList<>(row.keySet()))).append(')')
                    .append(returning.output(tableSql.outputInserted)).append(" VALUES (");
            int i = 0;
            for (Map.Entry<Column, Object> entry : row.entrySet()) {
                sql.append(i++ == 0 ? "" : ", ");
                value(sql, parameters, entry.getKey(), entry.getValue());
            }
            sql.append(')');
        }
        sql.append(returning.end(tableSql.allColumns));
        return new SqlStatement(sql.toString(), parameters, returning.resultColumns(table));
    }

    /**
     * An upsert of one row ({@link SqlDialect#upsert}). Its result columns are the table's, plus what the dialect
     * reports the outcome with ({@link UpsertStatement.Outcome}); none where it reports an update count.
     */
    public SqlStatement upsert(UpsertPlan plan) {
        TableSql tableSql = sql(plan.table());
        List<Object> parameters = new ArrayList<>(plan.row().size());
        List<String> columns = new ArrayList<>(plan.row().size());
        plan.row().forEach((column, value) -> {
            columns.add(dialect.quote(column.name()));
            parameters.add(bind(column, value));
        });
        UpsertStatement upsert = new UpsertStatement(tableSql.name, columns, quoted(plan.conflict()),
                quoted(plan.updates()), plan.version() == null ? null : dialect.quote(plan.version().name()),
                plan.merge(), quoted(plan.table().columns()));
        boolean returnsRows = dialect.upsertOutcome() != UpsertStatement.Outcome.UPDATE_COUNT;
        return new SqlStatement(dialect.upsert(upsert), parameters, returnsRows ? plan.table().columns() : List.of());
    }

    private List<String> quoted(List<Column> columns) {
        List<String> quoted = new ArrayList<>(columns.size());
        for (Column column : columns) {
            quoted.add(dialect.quote(column.name()));
        }
        return quoted;
    }

    /**
     * A multi-row INSERT of rows that each give some columns: the statement names every column any of them gives, and a
     * row that leaves one out gets its {@code DEFAULT}. It returns the rows as stored, in the order given, where the
     * dialect can ({@link SqlDialect#insertReturning()}); at most {@link SqlDialect#rowsPerInsert} rows.
     */
    public SqlStatement insertMany(Table table, List<Map<Column, @Nullable Object>> rows) {
        TableSql tableSql = sql(table);
        List<Column> columns = table.columns().stream()
                .filter(column -> rows.stream().anyMatch(row -> row.containsKey(column))).toList();
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("A multi-row INSERT needs a column");
        }
        ReturningStyle returning = dialect.insertReturning();
        List<Object> parameters = new ArrayList<>(rows.size() * columns.size());
        StringBuilder sql = new StringBuilder(64 + rows.size() * columns.size() * 4).append("INSERT INTO ")
                .append(tableSql.name).append(" (").append(columnList(columns)).append(')');
        sql.append(returning.output(tableSql.outputInserted)).append(" VALUES ");
        for (int r = 0; r < rows.size(); r++) {
            Map<Column, @Nullable Object> row = rows.get(r);
            sql.append(r == 0 ? "(" : ", (");
            for (int c = 0; c < columns.size(); c++) {
                Column column = columns.get(c);
                sql.append(c == 0 ? "" : ", ");
                value(sql, parameters, column, row.containsKey(column) ? row.get(column) : RawValue.DEFAULT);
            }
            sql.append(')');
        }
        sql.append(returning.end(tableSql.allColumns));
        return new SqlStatement(sql.toString(), parameters, returning.resultColumns(table));
    }

    /** An UPDATE of one row by key, returning the stored row when the dialect can. */
    public SqlStatement update(Table table, Key key, Map<Column, @Nullable Object> values) {
        return update(table, key, values, Condition.NONE);
    }

    /** An UPDATE of one row by key when it meets {@code scope}, returning the stored row when the dialect can. */
    public SqlStatement update(Table table, Key key, Map<Column, @Nullable Object> values, Condition scope) {
        TableSql tableSql = sql(table);
        ReturningStyle returning = dialect.updateReturning();
        List<Object> parameters = new ArrayList<>(values.size() + key.values().size());
        StringBuilder sql = new StringBuilder(128).append("UPDATE ").append(tableSql.name).append(" SET ");
        assignments(sql, parameters, values);
        sql.append(returning.output(tableSql.outputInserted)).append(" WHERE ").append(tableSql.keyPredicate);
        parameters.addAll(keyParameters(key));
        andScope(sql, parameters, scope);
        sql.append(returning.end(tableSql.allColumns));
        return new SqlStatement(sql.toString(), parameters, returning.resultColumns(table));
    }

    /** Every row matching a condition, in primary key order, unpaged: for the {@code db} helper. */
    public SqlStatement selectWhere(Table table, Condition condition) {
        TableSql tableSql = sql(table);
        List<Object> parameters = new ArrayList<>();
        StringBuilder sql = new StringBuilder(128).append("SELECT ").append(tableSql.allColumns).append(" FROM ")
                .append(tableSql.name);
        where(sql, parameters, condition, table);
        for (int i = 0; i < table.primaryKey().size(); i++) {
            sql.append(i == 0 ? " ORDER BY " : ", ").append(dialect.quote(table.primaryKey().get(i)));
        }
        return new SqlStatement(sql.toString(), parameters, table.columns());
    }

    /** An UPDATE of every row matching a (non-empty) condition, returning nothing: for the {@code db} helper. */
    public SqlStatement updateWhere(Table table, Map<Column, @Nullable Object> values, Condition condition) {
        return updateWhere(new UpdateWherePlan(table, values, condition), false);
    }

    /** A DELETE of every row matching a (non-empty) condition: for the {@code db} helper. */
    public SqlStatement deleteWhere(Table table, Condition condition) {
        return deleteWhere(new DeleteWherePlan(table, condition), false);
    }

    /**
     * A bulk UPDATE: the same values on every row that meets the plan's condition. With {@code returning} it returns
     * the rows as stored where the dialect can ({@link SqlDialect#updateReturning()}); its result columns are then the
     * table's, and empty when it returns nothing.
     */
    public SqlStatement updateWhere(UpdateWherePlan plan, boolean returning) {
        TableSql tableSql = sql(plan.table());
        ReturningStyle style = returning ? dialect.updateReturning() : ReturningStyle.RESELECT;
        List<Object> parameters = new ArrayList<>();
        StringBuilder sql = new StringBuilder(128).append("UPDATE ").append(tableSql.name).append(" SET ");
        assignments(sql, parameters, plan.values());
        sql.append(style.output(tableSql.outputInserted));
        writeWhere(sql, parameters, plan.condition(), plan.table());
        sql.append(style.end(tableSql.allColumns));
        return new SqlStatement(sql.toString(), parameters, style.resultColumns(plan.table()));
    }

    /**
     * A bulk DELETE of every row that meets the plan's condition. With {@code returning} it returns the deleted rows
     * where the dialect can ({@link SqlDialect#deleteReturning()}).
     */
    public SqlStatement deleteWhere(DeleteWherePlan plan, boolean returning) {
        TableSql tableSql = sql(plan.table());
        ReturningStyle style = returning ? dialect.deleteReturning() : ReturningStyle.RESELECT;
        List<Object> parameters = new ArrayList<>();
        StringBuilder sql = new StringBuilder(128).append("DELETE FROM ").append(tableSql.name);
        sql.append(style.output(tableSql.outputDeleted));
        writeWhere(sql, parameters, plan.condition(), plan.table());
        sql.append(style.end(tableSql.allColumns));
        return new SqlStatement(sql.toString(), parameters, style.resultColumns(plan.table()));
    }

    /**
     * Every row that meets a condition, whole, in primary key order, locked for the rest of the transaction
     * ({@link SqlDialect#lockingClause()}): the rows a bulk write is about to change, read before it so that hooks see them
     * as they were and no other writer changes them in between.
     */
    public SqlStatement selectForUpdate(Table table, Condition condition) {
        TableSql tableSql = sql(table);
        List<Object> parameters = new ArrayList<>();
        StringBuilder sql = new StringBuilder(128).append("SELECT ").append(tableSql.allColumns).append(" FROM ")
                .append(tableSql.name).append(dialect.lockedTableHint());
        where(sql, parameters, condition, table);
        for (int i = 0; i < table.primaryKey().size(); i++) {
            sql.append(i == 0 ? " ORDER BY " : ", ").append(dialect.quote(table.primaryKey().get(i)));
        }
        sql.append(dialect.lockingClause());
        return new SqlStatement(sql.toString(), parameters, table.columns());
    }

    /** Whole rows by their keys (at most {@link #MAX_KEYS_PER_STATEMENT}), in primary key order. */
    public SqlStatement selectByKeys(Table table, List<List<Object>> keys) {
        if (keys.isEmpty() || keys.size() > MAX_KEYS_PER_STATEMENT) {
            throw new IllegalArgumentException("Between 1 and " + MAX_KEYS_PER_STATEMENT + " keys, not " + keys.size());
        }
        TableSql tableSql = sql(table);
        List<Object> parameters = new ArrayList<>(keys.size());
        StringBuilder sql = new StringBuilder(128).append("SELECT ").append(tableSql.allColumns("sentro_t"))
                .append(" FROM ").append(tableSql.name).append(" sentro_t WHERE ");
        keyIn(sql, parameters, "sentro_t", table.primaryKeyColumns(), keys);
        for (int i = 0; i < table.primaryKey().size(); i++) {
            sql.append(i == 0 ? " ORDER BY " : ", ").append("sentro_t.").append(dialect.quote(table.primaryKey()
                    .get(i)));
        }
        return new SqlStatement(sql.toString(), parameters, table.columns());
    }

    /** A DELETE of one row by key. */
    public SqlStatement delete(Table table, Key key) {
        return delete(table, key, Condition.NONE);
    }

    /** A DELETE of one row by key, when it meets {@code scope}. */
    public SqlStatement delete(Table table, Key key, Condition scope) {
        if (scope.isEmpty()) {
            return new SqlStatement(sql(table).deleteByKey, keyParameters(key), List.of());
        }
        List<Object> parameters = keyParameters(key);
        StringBuilder sql = new StringBuilder(sql(table).deleteByKey);
        andScope(sql, parameters, scope);
        return new SqlStatement(sql.toString(), parameters, List.of());
    }

    /** Appends a row scope to a WHERE that already has the key predicate. */
    private void andScope(StringBuilder sql, List<Object> parameters, Condition scope) {
        if (scope.matchesNothing()) {
            sql.append(" AND 1 = 0");
            return;
        }
        for (Filter filter : scope.allOf()) {
            sql.append(" AND ");
            filter(sql, parameters, filter);
        }
    }

    /** {@code "a" = ?, "b" = DEFAULT, ...}: the SET list of an UPDATE. */
    private void assignments(StringBuilder sql, List<Object> parameters, Map<Column, @Nullable Object> values) {
        int i = 0;
        for (Map.Entry<Column, Object> entry : values.entrySet()) {
            sql.append(i++ == 0 ? "" : ", ").append(dialect.quote(entry.getKey().name())).append(" = ");
            value(sql, parameters, entry.getKey(), entry.getValue());
        }
    }

    private void value(StringBuilder sql, List<Object> parameters, Column column, @Nullable Object value) {
        if (value instanceof RawValue raw) {
            sql.append(raw.sql());
            return;
        }
        if (value instanceof Increment) {
            sql.append(dialect.quote(column.name())).append(" + 1");
            return;
        }
        sql.append('?');
        parameters.add(bind(column, value));
    }

    private Object bind(Column column, @Nullable Object value) {
        return value == null ? dialect.bindNull(column.type()) : dialect.bindValue(column.type(), value);
    }

    private List<Object> keyParameters(Key key) {
        List<Object> parameters = new ArrayList<>(key.values().size());
        for (int i = 0; i < key.columns().size(); i++) {
            parameters.add(bind(key.columns().get(i), key.values().get(i)));
        }
        return parameters;
    }

    /** {@code WHERE <condition>} of a statement on {@code table}, unaliased. */
    /**
     * The WHERE of a bulk UPDATE or DELETE. Where the dialect needs it and the condition has related-row filters, the
     * rows are named by their key from a derived table ({@code WHERE id IN (SELECT id FROM (SELECT id FROM t WHERE
     * ...) sentro_matched)}), which MySQL accepts where it refuses a subquery on the table being changed.
     */
    private void writeWhere(StringBuilder sql, List<Object> parameters, Condition condition, Table table) {
        if (condition.related().isEmpty() || !dialect.writesSelectRowsThroughDerivedTable()
                || !table.hasPrimaryKey()) {
            where(sql, parameters, condition, table);
            return;
        }
        String key = String.join(", ", table.primaryKey().stream().map(dialect::quote).toList());
        sql.append(" WHERE ").append(table.primaryKey().size() == 1 ? key : "(" + key + ")").append(" IN (SELECT ")
                .append(key).append(" FROM (SELECT ").append(key).append(" FROM ").append(sql(table).name);
        where(sql, parameters, condition, table);
        sql.append(") sentro_matched)");
    }

    private void where(StringBuilder sql, List<Object> parameters, Condition condition, Table table) {
        where(sql, parameters, condition, "", sql(table).name, 0);
    }

    /**
     * Appends {@code WHERE <condition>} unless the condition is empty. Columns are prefixed with {@code qualifier}
     * (an alias and a dot, or nothing); {@code outer} is how related-row filters refer to the filtered table (its
     * qualified name or its alias), {@code depth} how deep in such filters this condition is.
     */
    private void where(StringBuilder sql, List<Object> parameters, Condition condition, String qualifier,
            String outer, int depth) {
        if (condition.isEmpty()) {
            return;
        }
        sql.append(" WHERE ");
        predicate(sql, parameters, condition, qualifier, outer, depth);
    }

    /** The condition as one predicate; the caller has checked that it is not empty. */
    private void predicate(StringBuilder sql, List<Object> parameters, Condition condition, String qualifier,
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
        sql.append("EXISTS (SELECT 1 FROM ").append(sql(exists.target()).name).append(' ').append(alias)
                .append(" WHERE ");
        if (exists.through() == null) {
            equalColumns(sql, alias, relation.targetColumns(), outer, relation.columns());
        }
        else {
            Relation.Through join = relation.through();
            String joinAlias = "sentro_j" + depth;
            sql.append("EXISTS (SELECT 1 FROM ").append(sql(exists.through()).name).append(' ').append(joinAlias)
                    .append(" WHERE ");
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
    private void equalColumns(StringBuilder sql, String left, List<String> leftColumns, String right,
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
                    parameters.add(bind(column, values.get(i)));
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
        parameters.add(bind(filter.column(), filter.value()));
    }

    private String columnList(String qualifier, List<Column> columns) {
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            list.append(i == 0 ? "" : ", ").append(qualifier).append(dialect.quote(columns.get(i).name()));
        }
        return list.toString();
    }

    private String columnList(List<Column> columns) {
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            list.append(i == 0 ? "" : ", ").append(dialect.quote(columns.get(i).name()));
        }
        return list.toString();
    }

    private TableSql sql(Table table) {
        TableSql tableSql = tables.get(table);
        return tableSql != null ? tableSql : new TableSql(table);
    }

    /** The fixed parts of one table's statements. */
    private final class TableSql {

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
            return qualifiedColumns.computeIfAbsent(alias, key -> columnList(key + ".", columns));
        }

        private final List<Column> columns;

        TableSql(Table table) {
            this.columns = table.columns();
            this.name = dialect.qualifiedName(table);
            this.allColumns = columnList(table.columns());
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
}
