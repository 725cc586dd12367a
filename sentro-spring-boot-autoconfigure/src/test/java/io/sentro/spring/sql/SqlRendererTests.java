package io.sentro.spring.sql;

import java.math.BigDecimal;
import java.sql.Types;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.sentro.spring.dialect.MariaDbDialect;
import io.sentro.spring.dialect.MySqlDialect;
import io.sentro.spring.dialect.PostgresDialect;
import io.sentro.spring.dialect.SqlDialect;
import io.sentro.spring.dialect.SqlServerDialect;
import io.sentro.spring.dialect.RowEstimate;
import io.sentro.spring.query.CountMode;
import io.sentro.spring.plan.RawValue;
import io.sentro.spring.plan.Condition;
import io.sentro.spring.plan.Filter;
import io.sentro.spring.plan.Key;
import io.sentro.spring.plan.OperationPlan.ReadPlan;
import io.sentro.spring.plan.SortOrder;
import io.sentro.spring.query.Operator;
import io.sentro.spring.schema.Column;
import io.sentro.spring.schema.ColumnType;
import io.sentro.spring.schema.SchemaModel;
import io.sentro.spring.schema.Table;
import io.sentro.spring.schema.TypeKind;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.SqlParameterValue;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whole statements per dialect, rendered without a database: this is how SQL Server's SQL is checked where no
 * SQL Server runs.
 */
class SqlRendererTests {

    private static final Column ID = new Column("id", ColumnType.of("bigint", TypeKind.BIGINT), false, null, true, false,
            true, null);
    private static final Column TITLE = new Column("title", ColumnType.text("varchar(200)", 200), false, null, false,
            false, true, null);
    private static final Column BODY = new Column("body", ColumnType.text("text", null), true, null, false, false, true,
            null);
    private static final Column VIEWS = new Column("views", ColumnType.of("integer", TypeKind.INTEGER), false, "0", false,
            false, true, null);
    private static final Column MOOD = new Column("mood", ColumnType.enumOf("mood", List.of("happy", "sad")), true, null,
            false, false, true, null);
    private static final Table POSTS = new Table("posts", "blog", "posts", false, List.of(ID, TITLE, BODY, VIEWS, MOOD),
            List.of("id"), List.of(), List.of(), true, true, true, null);

    private static final Column POST_ID = new Column("post_id", ColumnType.of("bigint", TypeKind.BIGINT), false, null,
            false, false, true, null);
    private static final Column LABEL_ID = new Column("label_id", ColumnType.of("int", TypeKind.INTEGER), false, null,
            false, false, true, null);
    private static final Table POST_LABELS = new Table("post_labels", "blog", "post_labels", false,
            List.of(POST_ID, LABEL_ID), List.of("post_id", "label_id"), List.of(), List.of(), true, true, true, null);

    private static SqlRenderer renderer(SqlDialect dialect) {
        return new SqlRenderer(dialect, SchemaModel.of(List.of(POSTS, POST_LABELS)));
    }

    private static ReadPlan page(Condition condition, List<SortOrder> order) {
        return new ReadPlan(POSTS, POSTS.columns(), condition, order, 20, 40, CountMode.EXACT);
    }

    private static final Condition FILTERED = new Condition(
            List.of(new Filter(VIEWS, Operator.GTE, 10), new Filter(ID, Operator.IN, List.of(1L, 2L)),
                    new Filter(BODY, Operator.IS_NULL, false), new Filter(TITLE, Operator.ILIKE, "%a%")),
            List.of(List.of(new Filter(VIEWS, Operator.EQ, 1)), List.of(new Filter(TITLE, Operator.LIKE, "x%"),
                    new Filter(ID, Operator.NIN, List.of(3L)))),
            List.of(TITLE, BODY), "50%_off");

    @Test
    void postgresSelectsWithFiltersOrderAndPage() {
        SqlStatement select = renderer(new PostgresDialect()).select(page(FILTERED,
                List.of(new SortOrder(VIEWS, true), new SortOrder(ID, false))));
        assertThat(select.sql()).isEqualTo("SELECT \"id\", \"title\", \"body\", \"views\", \"mood\" FROM \"blog\".\"posts\""
                + " WHERE \"views\" >= ? AND \"id\" IN (?, ?) AND \"body\" IS NOT NULL AND \"title\" ILIKE ?"
                + " AND ((\"views\" = ?) OR (\"title\" LIKE ? AND \"id\" NOT IN (?)))"
                + " AND (\"title\" ILIKE ? ESCAPE '!' OR \"body\" ILIKE ? ESCAPE '!')"
                + " ORDER BY \"views\" DESC, \"id\" LIMIT 20 OFFSET 40");
        // The page's bounds are literals: a statement without other parameters gets one cached plan.
        assertThat(select.parameters()).containsExactly(10, 1L, 2L, "%a%", 1, "x%", 3L, "%50!%!_off%", "%50!%!_off%");
    }

    @Test
    void mySqlSelectsWithBackticksAndLowerLike() {
        SqlStatement select = renderer(new MySqlDialect()).select(page(FILTERED, List.of(new SortOrder(ID, false))));
        assertThat(select.sql()).isEqualTo("SELECT `id`, `title`, `body`, `views`, `mood` FROM `blog`.`posts`"
                + " WHERE `views` >= ? AND `id` IN (?, ?) AND `body` IS NOT NULL AND LOWER(`title`) LIKE LOWER(?)"
                + " AND ((`views` = ?) OR (`title` LIKE ? AND `id` NOT IN (?)))"
                + " AND (LOWER(`title`) LIKE LOWER(?) ESCAPE '!' OR LOWER(`body`) LIKE LOWER(?) ESCAPE '!')"
                + " ORDER BY `id` LIMIT 20 OFFSET 40");
    }

    @Test
    void sqlServerPagesWithOffsetFetchAndEscapesBrackets() {
        Condition search = new Condition(List.of(), List.of(), List.of(TITLE), "[x]");
        SqlStatement select = renderer(new SqlServerDialect()).select(page(search, List.of(new SortOrder(ID, true))));
        assertThat(select.sql()).isEqualTo("SELECT [id], [title], [body], [views], [mood] FROM [blog].[posts]"
                + " WHERE (LOWER([title]) LIKE LOWER(?) ESCAPE '!') ORDER BY [id] DESC"
                + " OFFSET 40 ROWS FETCH NEXT 20 ROWS ONLY");
        assertThat(select.parameters()).containsExactly("%![x]%");
    }

    @Test
    void sqlServerOrdersAnUnorderedPage() {
        SqlStatement select = renderer(new SqlServerDialect()).select(page(Condition.NONE, List.of()));
        assertThat(select.sql()).isEqualTo("SELECT [id], [title], [body], [views], [mood] FROM [blog].[posts]"
                + " ORDER BY (SELECT NULL) OFFSET 40 ROWS FETCH NEXT 20 ROWS ONLY");
    }

    @Test
    void countsWithTheSameCondition() {
        Condition condition = new Condition(List.of(new Filter(VIEWS, Operator.LT, 5)), List.of(), List.of(), null);
        SqlStatement count = renderer(new PostgresDialect()).count(page(condition, List.of()));
        assertThat(count.sql()).isEqualTo("SELECT COUNT(*) FROM \"blog\".\"posts\" WHERE \"views\" < ?");
        assertThat(count.parameters()).containsExactly(5);
    }

    @Test
    void estimatesRowsWithTheSameConditionThroughThePlanner() {
        Condition condition = new Condition(List.of(new Filter(VIEWS, Operator.LT, 5)), List.of(), List.of(), null);
        RowEstimate postgres = renderer(new PostgresDialect()).rowEstimate(page(condition, List.of())).orElseThrow();
        assertThat(postgres.sql()).isEqualTo("EXPLAIN SELECT 1 FROM \"blog\".\"posts\" WHERE \"views\" < ?");
        assertThat(postgres.parameters()).containsExactly(5);
        RowEstimate mysql = renderer(new MySqlDialect()).rowEstimate(page(condition, List.of())).orElseThrow();
        assertThat(mysql.sql()).isEqualTo("EXPLAIN SELECT 1 FROM `blog`.`posts` WHERE `views` < ?");
        assertThat(mysql.parameters()).containsExactly(5);
    }

    @Test
    void selectsAPageWithItsTotalInOneStatement() {
        Condition condition = new Condition(List.of(new Filter(VIEWS, Operator.LT, 5)), List.of(), List.of(), null);
        SqlStatement postgres = renderer(new PostgresDialect()).selectWithTotal(page(condition, List.of()));
        assertThat(postgres.sql()).isEqualTo("SELECT \"id\", \"title\", \"body\", \"views\", \"mood\", COUNT(*) OVER ()"
                + " FROM \"blog\".\"posts\" WHERE \"views\" < ? LIMIT 21 OFFSET 40");
        // One row more than the page: it tells whether another page follows.
        assertThat(postgres.parameters()).containsExactly(5);
        SqlStatement sqlServer = renderer(new SqlServerDialect()).selectWithTotal(page(condition, List.of()));
        assertThat(sqlServer.sql()).isEqualTo("SELECT [id], [title], [body], [views], [mood], COUNT(*) OVER ()"
                + " FROM [blog].[posts] WHERE [views] < ? ORDER BY (SELECT NULL) OFFSET 40 ROWS FETCH NEXT 21 ROWS ONLY");
    }

    @Test
    void sqlServerEstimatesAWholeTableFromItsPartitionsAndCountsAFilteredOne() {
        SqlRenderer renderer = renderer(new SqlServerDialect());
        RowEstimate whole = renderer.rowEstimate(page(Condition.NONE, List.of())).orElseThrow();
        assertThat(whole.sql()).isEqualTo("SELECT SUM(p.rows) FROM sys.partitions p WHERE p.object_id = OBJECT_ID(?)"
                + " AND p.index_id IN (0, 1)");
        assertThat(whole.parameters()).containsExactly("[blog].[posts]");
        Condition condition = new Condition(List.of(new Filter(VIEWS, Operator.LT, 5)), List.of(), List.of(), null);
        assertThat(renderer.rowEstimate(page(condition, List.of()))).isEmpty();
        assertThat(renderer.rowEstimate(page(Condition.NOTHING, List.of()))).isEmpty();
    }

    @Test
    void selectsByCompositeKeyWithProjection() {
        Key key = new Key(List.of(POST_ID, LABEL_ID), List.of(4L, 2));
        assertThat(renderer(new PostgresDialect()).selectByKey(POST_LABELS, POST_LABELS.columns(), key).sql())
                .isEqualTo("SELECT \"post_id\", \"label_id\" FROM \"blog\".\"post_labels\""
                        + " WHERE \"post_id\" = ? AND \"label_id\" = ?");
        assertThat(renderer(new SqlServerDialect()).selectByKey(POST_LABELS, List.of(LABEL_ID), key).sql())
                .isEqualTo("SELECT [label_id] FROM [blog].[post_labels] WHERE [post_id] = ? AND [label_id] = ?");
    }

    private static Map<Column, Object> row() {
        Map<Column, Object> row = new LinkedHashMap<>();
        row.put(TITLE, "Hello");
        row.put(BODY, null);
        row.put(MOOD, "happy");
        return row;
    }

    @Test
    void postgresInsertsReturningTheStoredRow() {
        SqlStatement insert = renderer(new PostgresDialect()).insert(POSTS, row());
        assertThat(insert.sql()).isEqualTo("INSERT INTO \"blog\".\"posts\" (\"title\", \"body\", \"mood\")"
                + " VALUES (?, ?, ?) RETURNING \"id\", \"title\", \"body\", \"views\", \"mood\"");
        assertThat(insert.resultColumns()).isEqualTo(POSTS.columns());
        assertThat(insert.parameters().get(0)).isEqualTo("Hello");
        assertThat(((SqlParameterValue) insert.parameters().get(1)).getSqlType()).isEqualTo(Types.OTHER);
        SqlParameterValue mood = (SqlParameterValue) insert.parameters().get(2);
        assertThat(mood.getSqlType()).isEqualTo(Types.OTHER);
        assertThat(mood.getValue()).isEqualTo("happy");
    }

    @Test
    void sqlServerInsertsWithOutputInserted() {
        assertThat(renderer(new SqlServerDialect()).insert(POSTS, row()).sql()).isEqualTo(
                "INSERT INTO [blog].[posts] ([title], [body], [mood]) OUTPUT INSERTED.[id], INSERTED.[title],"
                        + " INSERTED.[body], INSERTED.[views], INSERTED.[mood] VALUES (?, ?, ?)");
        assertThat(renderer(new SqlServerDialect()).insert(POSTS, Map.of()).sql()).isEqualTo(
                "INSERT INTO [blog].[posts] OUTPUT INSERTED.[id], INSERTED.[title], INSERTED.[body],"
                        + " INSERTED.[views], INSERTED.[mood] DEFAULT VALUES");
    }

    @Test
    void mySqlInsertsWithoutReturningAndMariaDbWithIt() {
        SqlStatement mysql = renderer(new MySqlDialect()).insert(POSTS, row());
        assertThat(mysql.sql()).isEqualTo("INSERT INTO `blog`.`posts` (`title`, `body`, `mood`) VALUES (?, ?, ?)");
        assertThat(mysql.resultColumns()).isEmpty();
        assertThat(((SqlParameterValue) mysql.parameters().get(1)).getSqlType()).isEqualTo(Types.VARCHAR);
        assertThat(renderer(new MySqlDialect()).insert(POSTS, Map.of()).sql())
                .isEqualTo("INSERT INTO `blog`.`posts` () VALUES ()");
        assertThat(renderer(new MariaDbDialect()).insert(POSTS, Map.of()).sql()).isEqualTo(
                "INSERT INTO `blog`.`posts` () VALUES () RETURNING `id`, `title`, `body`, `views`, `mood`");
        assertThat(renderer(new PostgresDialect()).insert(POSTS, Map.of()).sql()).isEqualTo(
                "INSERT INTO \"blog\".\"posts\" DEFAULT VALUES RETURNING \"id\", \"title\", \"body\", \"views\", \"mood\"");
    }

    @Test
    void updatesByKeyReturningPerDialect() {
        Map<Column, Object> values = new LinkedHashMap<>();
        values.put(TITLE, "New");
        values.put(VIEWS, RawValue.DEFAULT);
        Key key = new Key(List.of(ID), List.of(7L));
        SqlStatement postgres = renderer(new PostgresDialect()).update(POSTS, key, values);
        assertThat(postgres.sql()).isEqualTo("UPDATE \"blog\".\"posts\" SET \"title\" = ?, \"views\" = DEFAULT"
                + " WHERE \"id\" = ? RETURNING \"id\", \"title\", \"body\", \"views\", \"mood\"");
        assertThat(postgres.parameters()).containsExactly("New", 7L);
        assertThat(renderer(new SqlServerDialect()).update(POSTS, key, values).sql()).isEqualTo(
                "UPDATE [blog].[posts] SET [title] = ?, [views] = DEFAULT OUTPUT INSERTED.[id], INSERTED.[title],"
                        + " INSERTED.[body], INSERTED.[views], INSERTED.[mood] WHERE [id] = ?");
        SqlStatement mariaDb = renderer(new MariaDbDialect()).update(POSTS, key, values);
        assertThat(mariaDb.sql()).isEqualTo("UPDATE `blog`.`posts` SET `title` = ?, `views` = DEFAULT WHERE `id` = ?");
        assertThat(mariaDb.resultColumns()).isEmpty();
    }

    @Test
    void deletesByKey() {
        Key key = new Key(List.of(POST_ID, LABEL_ID), List.of(4L, 2));
        assertThat(renderer(new SqlServerDialect()).delete(POST_LABELS, key).sql())
                .isEqualTo("DELETE FROM [blog].[post_labels] WHERE [post_id] = ? AND [label_id] = ?");
        assertThat(renderer(new MySqlDialect()).delete(POST_LABELS, key).parameters()).containsExactly(4L, 2);
    }

    @Test
    void quotesIdentifiersWithQuotesInside() {
        assertThat(new PostgresDialect().quote("we\"ird")).isEqualTo("\"we\"\"ird\"");
        assertThat(new MySqlDialect().quote("we`ird")).isEqualTo("`we``ird`");
        assertThat(new SqlServerDialect().quote("we]ird")).isEqualTo("[we]]ird]");
    }

    @Test
    void bindsDecimalsUnchanged() {
        Map<Column, Object> row = new LinkedHashMap<>();
        Column price = new Column("price", ColumnType.of("numeric(12,2)", TypeKind.DECIMAL), true, null, false, false,
                true, null);
        row.put(price, new BigDecimal("12345678.91"));
        Table table = new Table("prices", "s", "prices", false, List.of(price), List.of(), List.of(), List.of(), true,
                false, false, null);
        assertThat(renderer(new PostgresDialect()).insert(table, row).parameters())
                .containsExactly(new BigDecimal("12345678.91"));
    }

    // ---- row scopes: conditions of the statement, never a second query ------------------------------------------

    private static final Condition OWN_ROWS = Condition.allOf(List.of(new Filter(VIEWS, Operator.EQ, 7)));

    @Test
    void scopedKeyStatementsCarryTheScopeInTheirWhere() {
        Key key = new Key(List.of(ID), List.of(5L));
        SqlRenderer postgres = renderer(new PostgresDialect());
        assertThat(postgres.selectByKey(POSTS, POSTS.columns(), key, OWN_ROWS).sql()).isEqualTo(
                "SELECT \"id\", \"title\", \"body\", \"views\", \"mood\" FROM \"blog\".\"posts\" "
                        + "WHERE \"id\" = ? AND \"views\" = ?");
        assertThat(postgres.delete(POSTS, key, OWN_ROWS).sql())
                .isEqualTo("DELETE FROM \"blog\".\"posts\" WHERE \"id\" = ? AND \"views\" = ?");
        SqlStatement update = postgres.update(POSTS, key, Map.of(TITLE, "t"), OWN_ROWS);
        assertThat(update.sql()).isEqualTo("UPDATE \"blog\".\"posts\" SET \"title\" = ? WHERE \"id\" = ? "
                + "AND \"views\" = ? RETURNING \"id\", \"title\", \"body\", \"views\", \"mood\"");
        assertThat(update.parameters()).hasSize(3);
        SqlStatement sqlServer = renderer(new SqlServerDialect()).update(POSTS, key, Map.of(TITLE, "t"), OWN_ROWS);
        assertThat(sqlServer.sql()).startsWith("UPDATE [blog].[posts] SET [title] = ? OUTPUT ")
                .endsWith("WHERE [id] = ? AND [views] = ?");
        assertThat(renderer(new MySqlDialect()).delete(POSTS, key, OWN_ROWS).sql())
                .isEqualTo("DELETE FROM `blog`.`posts` WHERE `id` = ? AND `views` = ?");
    }

    @Test
    void aScopeThatMatchesNothingRendersAFalseCondition() {
        SqlRenderer renderer = renderer(new SqlServerDialect());
        assertThat(renderer.count(page(Condition.NOTHING, List.of())).sql())
                .isEqualTo("SELECT COUNT(*) FROM [blog].[posts] WHERE 1 = 0");
        assertThat(renderer.delete(POSTS, new Key(List.of(ID), List.of(5L)), Condition.NOTHING).sql())
                .isEqualTo("DELETE FROM [blog].[posts] WHERE [id] = ? AND 1 = 0");
    }
}
