package io.sentro.spring.sql;

import java.util.List;
import java.util.Map;

import io.sentro.spring.dialect.MariaDbDialect;
import io.sentro.spring.dialect.MySqlDialect;
import io.sentro.spring.dialect.PostgresDialect;
import io.sentro.spring.dialect.SqlDialect;
import io.sentro.spring.dialect.SqlServerDialect;
import io.sentro.spring.plan.EmbedPlan;
import io.sentro.spring.plan.Grant;
import io.sentro.spring.plan.Grants;
import io.sentro.spring.plan.OperationPlan.ReadPlan;
import io.sentro.spring.plan.Planner;
import io.sentro.spring.plan.WritePlanner;
import io.sentro.spring.plan.OperationPlan.DeleteWherePlan;
import io.sentro.spring.plan.OperationPlan.UpdateWherePlan;
import io.sentro.spring.error.SentroException;
import io.sentro.spring.plan.ValueConverter;
import io.sentro.spring.request.ApiRequestParser;
import io.sentro.spring.query.CountMode;
import io.sentro.spring.query.EmbedQuery;
import io.sentro.spring.query.ListQuery;
import io.sentro.spring.schema.Column;
import io.sentro.spring.schema.ColumnType;
import io.sentro.spring.schema.ForeignKey;
import io.sentro.spring.schema.Relations;
import io.sentro.spring.schema.SchemaModel;
import io.sentro.spring.schema.Table;
import io.sentro.spring.schema.TypeKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The statements of bulk writes, planned from query strings and bodies and rendered without a database: how SQL
 * Server's are checked where no SQL Server runs, and what every dialect is sent.
 */
class BulkWriteSqlTests {

    private static Column column(String name, TypeKind kind, boolean nullable) {
        return new Column(name, ColumnType.of(kind == TypeKind.TEXT ? "varchar(100)" : "bigint", kind), nullable,
                null, false, false, true, null);
    }

    private static final Table AUTHORS = new Table("authors", "dbo", "authors", false,
            List.of(column("id", TypeKind.BIGINT, false), column("name", TypeKind.TEXT, false)), List.of("id"),
            List.of(), List.of(), true, true, true, null);
    private static final Table POSTS = new Table("posts", "dbo", "posts", false,
            List.of(column("id", TypeKind.BIGINT, false), column("author_id", TypeKind.BIGINT, false),
                    column("title", TypeKind.TEXT, false), column("views", TypeKind.BIGINT, false)),
            List.of("id"), List.of(),
            List.of(new ForeignKey("posts_author_fk", List.of("author_id"), "dbo", "authors", List.of("id"))), true,
            true, true, null);
    private static final Table LABELS = new Table("labels", "dbo", "labels", false,
            List.of(column("id", TypeKind.BIGINT, false), column("name", TypeKind.TEXT, false)), List.of("id"),
            List.of(), List.of(), true, true, true, null);
    private static final Table POST_LABELS = new Table("post_labels", "dbo", "post_labels", false,
            List.of(column("post_id", TypeKind.BIGINT, false), column("label_id", TypeKind.BIGINT, false)),
            List.of("post_id", "label_id"), List.of(),
            List.of(new ForeignKey("pl_post", List.of("post_id"), "dbo", "posts", List.of("id")),
                    new ForeignKey("pl_label", List.of("label_id"), "dbo", "labels", List.of("id"))),
            true, true, true, null);
    private static final SchemaModel MODEL = SchemaModel.of(List.of(AUTHORS, POSTS, LABELS, POST_LABELS));

    private final ApiRequestParser parser = new ApiRequestParser();
    private final Planner planner = new Planner(new ValueConverter(parser.jsonMapper()), MODEL, Relations.of(MODEL),
            Planner.DisplayFields.NONE, 20, 100, CountMode.NONE, 3,
            io.sentro.spring.plan.Cursors.withRandomKey());

    private ReadPlan plan(Table table, String... parameters) {
        Map<String, String[]> map = new java.util.LinkedHashMap<>();
        for (String parameter : parameters) {
            int equals = parameter.indexOf('=');
            map.put(parameter.substring(0, equals), new String[] { parameter.substring(equals + 1) });
        }
        ListQuery query = parser.parseList(map);
        Grants grants = table1 -> Grant.FULL;
        return planner.read(table, query, Grant.FULL, grants);
    }

    private final WritePlanner writes = new WritePlanner(new ValueConverter(parser.jsonMapper()), planner);

    private io.sentro.spring.plan.Condition condition(Table table, String... parameters) {
        Map<String, String[]> map = new java.util.LinkedHashMap<>();
        for (String parameter : parameters) {
            int equals = parameter.indexOf('=');
            map.put(parameter.substring(0, equals), new String[] { parameter.substring(equals + 1) });
        }
        return writes.bulkCondition(table, parser.parseFilter(map), Grant.FULL, table1 -> Grant.FULL);
    }

    private UpdateWherePlan update(String body, String... parameters) {
        Map<String, Object> values = writes.updateBody(POSTS, parser.parseBody(new java.io.ByteArrayInputStream(
                body.getBytes(java.nio.charset.StandardCharsets.UTF_8))), null, Grant.FULL);
        return writes.updateWhere(POSTS, condition(POSTS, parameters), values, Grant.FULL);
    }

    @Test
    void aBulkUpdateIsOneStatementReturningTheRowsWhereTheDialectCan() {
        UpdateWherePlan plan = update("{\"views\": 5}", "where.views.lt=10", "or.a.title.eq=x", "or.b.id.gt=3");
        SqlStatement sqlServer = new SqlRenderer(new SqlServerDialect(), MODEL).updateWhere(plan, true);
        assertThat(sqlServer.sql()).isEqualTo("UPDATE [dbo].[posts] SET [views] = ? OUTPUT INSERTED.[id], "
                + "INSERTED.[author_id], INSERTED.[title], INSERTED.[views] WHERE [views] < ? AND (([title] = ?) OR "
                + "([id] > ?))");
        assertThat(sqlServer.parameters()).containsExactly(5L, 10L, "x", 3L);
        assertThat(new SqlRenderer(new PostgresDialect(), MODEL).updateWhere(plan, true).sql()).isEqualTo(
                "UPDATE \"dbo\".\"posts\" SET \"views\" = ? WHERE \"views\" < ? AND ((\"title\" = ?) OR "
                        + "(\"id\" > ?)) RETURNING \"id\", \"author_id\", \"title\", \"views\"");
        // MySQL cannot return rows from an UPDATE: the rows are locked and selected around it.
        SqlRenderer mysql = new SqlRenderer(new MySqlDialect(), MODEL);
        assertThat(mysql.updateWhere(plan, true).sql()).isEqualTo("UPDATE `dbo`.`posts` SET `views` = ? WHERE "
                + "`views` < ? AND ((`title` = ?) OR (`id` > ?))");
        assertThat(mysql.selectForUpdate(POSTS, plan.condition()).sql()).isEqualTo("SELECT `id`, `author_id`, "
                + "`title`, `views` FROM `dbo`.`posts` WHERE `views` < ? AND ((`title` = ?) OR (`id` > ?)) ORDER BY "
                + "`id` FOR UPDATE");
        // Without rows to return (Prefer: return=minimal) it is the bare UPDATE everywhere.
        assertThat(new SqlRenderer(new SqlServerDialect(), MODEL).updateWhere(plan, false).sql())
                .doesNotContain("OUTPUT");
    }

    @Test
    void aBulkDeleteReturnsTheRowsAsTheyWere() {
        DeleteWherePlan plan = writes.deleteWhere(AUTHORS, condition(AUTHORS, "where.posts.views.gt=10"));
        assertThat(new SqlRenderer(new SqlServerDialect(), MODEL).deleteWhere(plan, true).sql()).isEqualTo(
                "DELETE FROM [dbo].[authors] OUTPUT DELETED.[id], DELETED.[name] WHERE EXISTS (SELECT 1 FROM "
                        + "[dbo].[posts] sentro_r1 WHERE sentro_r1.[author_id] = [dbo].[authors].[id] AND "
                        + "sentro_r1.[views] > ?)");
        assertThat(new SqlRenderer(new MariaDbDialect(), MODEL).deleteWhere(plan, true).sql()).endsWith(
                "RETURNING `id`, `name`");
        // MariaDB through MySQL Connector/J, which refuses RETURNING, and MySQL select the rows first.
        assertThat(new SqlRenderer(new MariaDbDialect(false), MODEL).deleteWhere(plan, true).sql())
                .doesNotContain("RETURNING");
        // MySQL refuses a subquery on the table it changes (error 1093): the rows are named through a derived table.
        assertThat(new SqlRenderer(new MySqlDialect(), MODEL).deleteWhere(plan, true).sql()).isEqualTo(
                "DELETE FROM `dbo`.`authors` WHERE `id` IN (SELECT `id` FROM (SELECT `id` FROM `dbo`.`authors` WHERE "
                        + "EXISTS (SELECT 1 FROM `dbo`.`posts` sentro_r1 WHERE sentro_r1.`author_id` = "
                        + "`dbo`.`authors`.`id` AND sentro_r1.`views` > ?)) sentro_matched)");
        UpdateWherePlan selfReferencing = update("{\"views\": 0}", "where.author.posts.views.gt=100");
        assertThat(new SqlRenderer(new MySqlDialect(), MODEL).updateWhere(selfReferencing, false).sql())
                .startsWith("UPDATE `dbo`.`posts` SET `views` = ? WHERE `id` IN (SELECT `id` FROM (SELECT `id` FROM "
                        + "`dbo`.`posts` WHERE EXISTS (").endsWith(") sentro_matched)");
        assertThat(new SqlRenderer(new MariaDbDialect(), MODEL).updateWhere(selfReferencing, false).sql())
                .doesNotContain("sentro_matched");
    }

    @Test
    void sqlServerLocksTheRowsOfAWriteRowByRowWithTableHints() {
        assertThat(new SqlRenderer(new SqlServerDialect(), MODEL).selectForUpdate(POSTS, condition(POSTS,
                "where.id.in=1,2")).sql()).isEqualTo("SELECT [id], [author_id], [title], [views] FROM [dbo].[posts] "
                        + "WITH (UPDLOCK, ROWLOCK, HOLDLOCK) WHERE [id] IN (?, ?) ORDER BY [id]");
        // Three keys padded to four (the last repeated), so that 3 and 4 rows share a prepared statement.
        assertThat(new SqlRenderer(new SqlServerDialect(), MODEL).selectByKeys(POST_LABELS, List.of(List.of(1L, 2L),
                List.of(3L, 4L), List.of(5L, 6L))).sql()).isEqualTo("SELECT sentro_t.[post_id], sentro_t.[label_id] "
                        + "FROM [dbo].[post_labels] sentro_t WHERE ((sentro_t.[post_id] = ? AND sentro_t.[label_id] = "
                        + "?) OR (sentro_t.[post_id] = ? AND sentro_t.[label_id] = ?) OR (sentro_t.[post_id] = ? AND "
                        + "sentro_t.[label_id] = ?) OR (sentro_t.[post_id] = ? AND sentro_t.[label_id] = ?)) ORDER BY "
                        + "sentro_t.[post_id], sentro_t.[label_id]");
    }

    @Test
    void aBulkWriteWithoutFiltersIsRefusedBeforeAnythingIsPlanned() {
        SentroException refused = org.assertj.core.api.Assertions.catchThrowableOfType(SentroException.class,
                () -> condition(POSTS));
        assertThat(refused.code()).isEqualTo(io.sentro.spring.error.ErrorCode.FILTER_REQUIRED);
        assertThat(refused.parameter()).isEqualTo("where");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new DeleteWherePlan(POSTS,
                io.sentro.spring.plan.Condition.NONE)).isInstanceOf(IllegalArgumentException.class);
    }

    private io.sentro.spring.plan.OperationPlan.UpsertPlan upsert(Table table, String body, boolean merge,
            List<String> onConflict) {
        Map<String, Object> row = writes.createBody(table, parser.parseBody(new java.io.ByteArrayInputStream(
                body.getBytes(java.nio.charset.StandardCharsets.UTF_8))), Grant.FULL).rows().get(0);
        return writes.upsert(table, row, writes.conflictKey(table, onConflict), merge, Grant.FULL, "");
    }

    @Test
    void anUpsertIsOneStatementInEachDialect() {
        io.sentro.spring.plan.OperationPlan.UpsertPlan merge = upsert(POST_LABELS,
                "{\"post_id\": 1, \"label_id\": 2}", true, null);
        // Only key columns: nothing to merge, so the row is kept as it is.
        assertThat(new SqlRenderer(new PostgresDialect(), MODEL).upsert(merge).sql()).isEqualTo(
                "INSERT INTO \"dbo\".\"post_labels\" (\"post_id\", \"label_id\") VALUES (?, ?) ON CONFLICT "
                        + "(\"post_id\", \"label_id\") DO NOTHING RETURNING \"post_id\", \"label_id\", (xmax = 0)");
        io.sentro.spring.plan.OperationPlan.UpsertPlan named = upsert(AUTHORS, "{\"id\": 7, \"name\": \"Ada\"}",
                true, List.of("id"));
        assertThat(new SqlRenderer(new PostgresDialect(), MODEL).upsert(named).sql()).isEqualTo(
                "INSERT INTO \"dbo\".\"authors\" (\"id\", \"name\") VALUES (?, ?) ON CONFLICT (\"id\") DO UPDATE "
                        + "SET \"name\" = EXCLUDED.\"name\" RETURNING \"id\", \"name\", (xmax = 0)");
        assertThat(new SqlRenderer(new MySqlDialect(), MODEL).upsert(named).sql()).isEqualTo(
                "INSERT INTO `dbo`.`authors` (`id`, `name`) VALUES (?, ?) ON DUPLICATE KEY UPDATE `name` = "
                        + "VALUES(`name`)");
        SqlStatement sqlServer = new SqlRenderer(new SqlServerDialect(), MODEL).upsert(named);
        assertThat(sqlServer.sql()).isEqualTo("MERGE INTO [dbo].[authors] WITH (HOLDLOCK) AS sentro_t USING "
                + "(VALUES (?, ?)) AS sentro_s ([id], [name]) ON sentro_t.[id] = sentro_s.[id] WHEN MATCHED THEN "
                + "UPDATE SET [name] = sentro_s.[name] WHEN NOT MATCHED THEN INSERT ([id], [name]) VALUES "
                + "(sentro_s.[id], sentro_s.[name]) OUTPUT $action, INSERTED.[id], INSERTED.[name];");
        assertThat(sqlServer.parameters()).containsExactly(7L, "Ada");
        io.sentro.spring.plan.OperationPlan.UpsertPlan ignore = upsert(AUTHORS, "{\"id\": 7, \"name\": \"Ada\"}",
                false, null);
        assertThat(new SqlRenderer(new SqlServerDialect(), MODEL).upsert(ignore).sql()).doesNotContain("MATCHED THEN "
                + "UPDATE").contains("WHEN NOT MATCHED THEN INSERT");
        assertThat(new SqlRenderer(new MySqlDialect(), MODEL).upsert(ignore).sql()).endsWith(
                "ON DUPLICATE KEY UPDATE `id` = `id`");
    }

    @Test
    void anUpsertNamesAKeyOfTheTable() {
        SentroException notAKey = org.assertj.core.api.Assertions.catchThrowableOfType(SentroException.class,
                () -> writes.conflictKey(POSTS, List.of("title")));
        assertThat(notAKey.parameter()).isEqualTo("on_conflict");
        assertThat(notAKey.detail()).contains("its keys: id");
        Table log = new Table("log", "dbo", "log", false, List.of(POSTS.columns().get(2)), List.of(), List.of(),
                List.of(), true, true, true, null);
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(SentroException.class,
                () -> writes.conflictKey(log, null)).detail()).contains("no primary key").contains("it has none");
        assertThat(writes.conflictKey(POST_LABELS, List.of("label_id", "post_id"))).extracting(Column::name)
                .containsExactly("post_id", "label_id");
    }

    @Test
    void decimalsAreRoundedToTheirColumnOnlyWhenAskedTo() {
        Table prices = new Table("prices", "dbo", "prices", false, List.of(column("id", TypeKind.BIGINT, false),
                new Column("amount", ColumnType.of("decimal(5,2)", TypeKind.DECIMAL), false, null, false, false, true,
                        null)), List.of("id"), List.of(), List.of(), true, true, true, null);
        Map<String, Object> row = new java.util.LinkedHashMap<>(Map.of("id", 1L, "amount",
                new java.math.BigDecimal("1.235")));
        WritePlanner rounding = new WritePlanner(new ValueConverter(parser.jsonMapper()), planner,
                new io.sentro.spring.plan.RowTags(null), true);
        assertThat(rounding.create(prices, List.of(row), false, Grant.FULL).rows().get(0).values())
                .contains(new java.math.BigDecimal("1.24"));
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(SentroException.class,
                () -> writes.create(prices, List.of(row), false, Grant.FULL)).parameter()).isEqualTo("amount");
        Map<String, Object> large = Map.of("id", 1L, "amount", new java.math.BigDecimal("1234.5"));
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(SentroException.class,
                () -> rounding.create(prices, List.of(large), false, Grant.FULL)).detail())
                .contains("at most 3 digits before the decimal point");
        assertThat(ColumnType.of("numeric", TypeKind.DECIMAL).precisionAndScale()).isNull();
    }
}
