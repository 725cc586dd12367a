package io.sentro.spring.execute;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import io.sentro.spring.dialect.SqlDialect;
import io.sentro.spring.dialect.ValueReader;
import io.sentro.spring.execute.SqlExecutor.RelatedRow;
import io.sentro.spring.plan.AggregatePlan;
import io.sentro.spring.plan.EmbedPlan;
import io.sentro.spring.plan.OperationPlan.ReadPlan;
import io.sentro.spring.schema.Column;
import io.sentro.spring.schema.SchemaModel;
import io.sentro.spring.schema.Table;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * Turns result rows into JSON-ready maps and values ({@link ResultRow}s), each column read with the reader the dialect
 * chose for its type once, at start-up, so that no request decides how to read a type. It runs no statement: it hands
 * {@link StatementRunner} what to do with each row.
 */
final class ResultMapping {

    private final SqlDialect dialect;
    private final Map<Column, ValueReader> readers = new IdentityHashMap<>();

    /** Chooses the reader of every served column. */
    ResultMapping(SqlDialect dialect, SchemaModel model) {
        this.dialect = dialect;
        for (Table table : model.tables()) {
            for (Column column : table.columns()) {
                readers.put(column, dialect.reader(column.type()));
            }
        }
    }

    /**
     * Each row into {@code rows}. With {@code total}, each row carries one more column, the total of
     * {@link io.sentro.spring.sql.SqlRenderer#selectWithTotal}, which is stored there. With a page whose many-to-one
     * relations are joined, each row's joined columns become the related row (or null, when the join found none), put
     * under the relation's name.
     */
    RowCallbackHandler pageRows(List<Column> columns, long @Nullable [] total, @Nullable ReadPlan plan,
            List<Map<String, Object>> rows) {
        ValueReader[] readers = readers(columns);
        List<EmbedPlan> joined = plan == null ? List.of() : plan.joined();
        int main = joined.isEmpty() ? columns.size() : plan.projection().size();
        String[] names = names(columns, 0, main);
        int[] keyCounts = new int[joined.size()];
        String[][] joinedNames = new String[joined.size()][];
        int position = main;
        for (int j = 0; j < joined.size(); j++) {
            keyCounts[j] = joined.get(j).keyColumns().size();
            joinedNames[j] = names(columns, position + keyCounts[j], joined.get(j).projection().size());
            position += keyCounts[j] + joinedNames[j].length;
        }
        return (ResultSet resultSet) -> {
            Object[] values = new Object[main];
            for (int i = 0; i < main; i++) {
                values[i] = readers[i].read(resultSet, i + 1);
            }
            ResultRow row = new ResultRow(names, values);
            int column = main;
            for (int j = 0; j < keyCounts.length; j++) {
                boolean found = false;
                for (int k = 0; k < keyCounts[j]; k++, column++) {
                    found |= readers[column].read(resultSet, column + 1) != null;
                }
                Object[] related = new Object[joinedNames[j].length];
                for (int i = 0; i < related.length; i++, column++) {
                    related[i] = found ? readers[column].read(resultSet, column + 1) : null;
                }
                row.put(joined.get(j).relation().name(), found ? new ResultRow(joinedNames[j], related) : null);
            }
            if (total != null) {
                total[0] = resultSet.getLong(columns.size() + 1);
            }
            rows.add(row);
        };
    }

    /** Each row, all its columns, into {@code rows}. */
    RowCallbackHandler wholeRows(List<Column> columns, List<Map<String, Object>> rows) {
        ValueReader[] readers = readers(columns);
        String[] names = names(columns, 0, columns.size());
        return (ResultSet resultSet) -> {
            rows.add(row(resultSet, readers, names, 0)); // a block: a RowCallbackHandler, called for every row
        };
    }

    /**
     * Each row of {@link io.sentro.spring.sql.SqlRenderer#related} into {@code rows}: its first {@code keyCount}
     * columns name the parent row, the others are the related row.
     */
    RowCallbackHandler relatedRows(List<Column> columns, int keyCount, List<RelatedRow> rows) {
        ValueReader[] readers = readers(columns);
        String[] names = new String[columns.size() - keyCount];
        for (int i = 0; i < names.length; i++) {
            names[i] = columns.get(keyCount + i).name();
        }
        return (ResultSet resultSet) -> {
            Object[] key = new Object[keyCount];
            for (int i = 0; i < keyCount; i++) {
                key[i] = readers[i].read(resultSet, i + 1);
            }
            Object[] values = new Object[names.length];
            for (int i = 0; i < values.length; i++) {
                values[i] = readers[keyCount + i].read(resultSet, keyCount + i + 1);
            }
            rows.add(new RelatedRow(Arrays.asList(key), new ResultRow(names, values)));
        };
    }

    /** The current row of a result, its columns from {@code offset + 1} on read with {@code readers}. */
    static ResultRow row(ResultSet resultSet, ValueReader[] readers, String[] names, int offset)
            throws SQLException {
        Object[] values = new Object[names.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = readers[i].read(resultSet, offset + i + 1);
        }
        return new ResultRow(names, values);
    }

    static String[] names(List<Column> columns, int from, int count) {
        String[] names = new String[count];
        for (int i = 0; i < count; i++) {
            names[i] = columns.get(from + i).name();
        }
        return names;
    }

    /** The readers of these columns: those chosen at start-up, or the dialect's for a column the model lacks. */
    ValueReader[] readers(List<Column> columns) {
        ValueReader[] readers = new ValueReader[columns.size()];
        for (int i = 0; i < readers.length; i++) {
            ValueReader reader = this.readers.get(columns.get(i));
            readers[i] = reader != null ? reader : dialect.reader(columns.get(i).type());
        }
        return readers;
    }

    /** Sums of integers in the rows made integers again, read exactly; averages without trailing zeros. */
    static void aggregateValues(AggregatePlan plan, List<Map<String, Object>> rows) {
        for (AggregatePlan.Aggregate aggregate : plan.aggregates()) {
            if (aggregate.function() == AggregatePlan.Function.SUM
                    || aggregate.function() == AggregatePlan.Function.AVG) {
                boolean integral = aggregate.column().kind().isIntegral()
                        && aggregate.function() == AggregatePlan.Function.SUM;
                for (Map<String, Object> row : rows) {
                    row.computeIfPresent(aggregate.key(), (key, value) -> value instanceof BigDecimal decimal
                            ? exact(decimal, integral) : value);
                }
            }
        }
    }

    /** A sum of integers as an integer; any other decimal without trailing zeros (an average's 3.5000 is 3.5). */
    private static Object exact(BigDecimal decimal, boolean integral) {
        if (integral) {
            java.math.BigInteger integer = decimal.toBigIntegerExact();
            return integer.bitLength() < 64 ? (Object) integer.longValue() : integer;
        }
        BigDecimal stripped = decimal.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
