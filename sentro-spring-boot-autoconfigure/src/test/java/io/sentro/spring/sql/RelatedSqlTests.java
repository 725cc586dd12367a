package io.sentro.spring.sql;

import java.util.List;
import java.util.Map;

import io.sentro.spring.dialect.MySqlDialect;
import io.sentro.spring.dialect.PostgresDialect;
import io.sentro.spring.dialect.SqlDialect;
import io.sentro.spring.dialect.SqlServerDialect;
import io.sentro.spring.plan.EmbedPlan;
import io.sentro.spring.plan.Grant;
import io.sentro.spring.plan.Grants;
import io.sentro.spring.plan.OperationPlan.ReadPlan;
import io.sentro.spring.plan.Planner;
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
 * The statements of embedded relations and of filters on related rows, planned from query strings and rendered
 * without a database: how SQL Server's are checked where no SQL Server runs, and what every dialect is sent.
 */
class RelatedSqlTests {

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

    private static String related(SqlDialect dialect, EmbedPlan plan, List<List<Object>> keys) {
        return new SqlRenderer(dialect, MODEL).related(plan, keys).sql();
    }

    @Test
    void manyToOneIsOneSelectByTheReferencedKeys() {
        EmbedPlan author = plan(POSTS, "embed=author", "author.fields=name").embeds().get(0);
        assertThat(related(new SqlServerDialect(), author, List.of(List.of(1L), List.of(2L))))
                .isEqualTo("SELECT sentro_t.[id] AS sentro_k0, sentro_t.[name] FROM [dbo].[authors] sentro_t "
                        + "WHERE sentro_t.[id] IN (?, ?)");
    }

    @Test
    void manyToOneRelationsOfAPageCanBeJoinedIntoItsStatement() {
        ReadPlan posts = plan(POSTS, "embed=author", "author.where.name.neq=x", "fields=title", "where.views.gt=1",
                "sort=-views");
        ReadPlan joined = posts.withJoined(posts.embeds());
        SqlStatement sqlServer = new SqlRenderer(new SqlServerDialect(), MODEL).selectPage(joined);
        assertThat(sqlServer.sql()).isEqualTo("SELECT sentro_m.[title], sentro_m.[author_id], sentro_m.[views], "
                + "sentro_m.[id], sentro_e1.[id], sentro_e1.[id], sentro_e1.[name] FROM [dbo].[posts] sentro_m LEFT JOIN "
                + "[dbo].[authors] sentro_e1 ON sentro_e1.[id] = sentro_m.[author_id] AND sentro_e1.[name] <> ? "
                + "WHERE sentro_m.[views] > ? ORDER BY sentro_m.[views] DESC, sentro_m.[id] OFFSET 0 ROWS FETCH "
                + "NEXT 21 ROWS ONLY");
        assertThat(sqlServer.parameters()).containsExactly("x", 1L);
    }

    @Test
    void oneToManyNumbersTheRowsOfEachParent() {
        EmbedPlan posts = plan(AUTHORS, "embed=posts", "posts.sort=-views", "posts.limit=3", "posts.fields=title",
                "posts.where.views.gt=10").embeds().get(0);
        SqlStatement sqlServer = new SqlRenderer(new SqlServerDialect(), MODEL).related(posts,
                List.of(List.of(1L), List.of(2L)));
        assertThat(sqlServer.sql()).isEqualTo("SELECT sentro_k0, [title] FROM (SELECT sentro_t.[author_id] AS "
                + "sentro_k0, sentro_t.[title], ROW_NUMBER() OVER (PARTITION BY sentro_t.[author_id] ORDER BY "
                + "sentro_t.[views] DESC, sentro_t.[id]) AS sentro_rn FROM [dbo].[posts] sentro_t WHERE "
                + "sentro_t.[author_id] IN (?, ?) AND sentro_t.[views] > ?) sentro_page WHERE sentro_rn <= 3 "
                + "ORDER BY sentro_rn");
        assertThat(sqlServer.parameters()).containsExactly(1L, 2L, 10L);
        // One parent: a plain page, which an index on the foreign key serves without numbering every row.
        assertThat(related(new PostgresDialect(), posts, List.of(List.of(1L)))).isEqualTo(
                "SELECT sentro_t.\"author_id\" AS sentro_k0, sentro_t.\"title\" FROM \"dbo\".\"posts\" sentro_t "
                        + "WHERE sentro_t.\"author_id\" IN (?) AND sentro_t.\"views\" > ? ORDER BY "
                        + "sentro_t.\"views\" DESC, sentro_t.\"id\" LIMIT 3");
        assertThat(related(new SqlServerDialect(), posts, List.of(List.of(1L)))).endsWith(
                "ORDER BY sentro_t.[views] DESC, sentro_t.[id] OFFSET 0 ROWS FETCH NEXT 3 ROWS ONLY");
    }

    @Test
    void manyToManyJoinsTheJoinTable() {
        EmbedPlan labels = plan(POSTS, "embed=labels", "labels.sort=name").embeds().get(0);
        assertThat(related(new SqlServerDialect(), labels, List.of(List.of(1L), List.of(3L)))).isEqualTo(
                "SELECT sentro_k0, [id], [name] FROM (SELECT sentro_j.[post_id] AS sentro_k0, sentro_t.[id], "
                        + "sentro_t.[name], ROW_NUMBER() OVER (PARTITION BY sentro_j.[post_id] ORDER BY "
                        + "sentro_t.[name], sentro_t.[id]) AS sentro_rn FROM [dbo].[labels] sentro_t JOIN "
                        + "[dbo].[post_labels] sentro_j ON sentro_j.[label_id] = sentro_t.[id] WHERE "
                        + "sentro_j.[post_id] IN (?, ?)) sentro_page WHERE sentro_rn <= 20 ORDER BY sentro_rn");
    }

    @Test
    void aPageAfterACursorContinuesAfterTheLastRowInTheSortOrder() {
        ReadPlan first = plan(POSTS, "sort=-views,title", "limit=2");
        String cursor = planner.cursor(first, java.util.Arrays.asList(100L, "Hello", 7L));
        ReadPlan next = plan(POSTS, "sort=-views,title", "limit=2", "after=" + cursor);
        assertThat(next.after()).containsExactly(100L, "Hello", 7L);
        SqlStatement sqlServer = new SqlRenderer(new SqlServerDialect(), MODEL).selectPage(next);
        assertThat(sqlServer.sql()).isEqualTo("SELECT [id], [author_id], [title], [views] FROM [dbo].[posts] WHERE "
                + "[views] <= ? AND (([views] < ?) OR ([views] = ? AND [title] > ?) OR ([views] = ? AND [title] = ? "
                + "AND [id] > ?)) ORDER BY [views] DESC, [title], [id] OFFSET 0 ROWS FETCH NEXT 3 ROWS ONLY");
        assertThat(sqlServer.parameters()).containsExactly(100L, 100L, 100L, "Hello", 100L, "Hello", 7L);
        // A cursor is bound to its table and sort.
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> plan(POSTS, "sort=views", "after=" + cursor)))
                .hasMessageContaining("another table or sort");
    }

    @Test
    void aggregatesGroupFilterAndSortOnSqlServerWithoutIntegerArithmetic() {
        Map<String, String[]> parameters = new java.util.LinkedHashMap<>();
        for (String parameter : List.of("group=author_id", "agg=count,sum:views,avg:views,max:title",
                "having.count.gt=1", "sort=-sum_views", "where.views.gte=10", "limit=5")) {
            int equals = parameter.indexOf('=');
            parameters.put(parameter.substring(0, equals), new String[] { parameter.substring(equals + 1) });
        }
        io.sentro.spring.plan.AggregatePlan plan = planner.aggregate(POSTS, parser.parseList(parameters), Grant.FULL,
                Grants.NONE);
        SqlRenderer sqlServer = new SqlRenderer(new SqlServerDialect(), MODEL);
        SqlStatement select = sqlServer.aggregate(plan);
        assertThat(select.sql()).isEqualTo("SELECT [author_id], COUNT(*) AS [count], SUM(CAST([views] AS BIGINT)) AS "
                + "[sum_views], AVG(CAST([views] AS DECIMAL(38, 6))) AS [avg_views], MAX([title]) AS [max_title] FROM "
                + "[dbo].[posts] WHERE [views] >= ? GROUP BY [author_id] HAVING COUNT(*) > ? ORDER BY "
                + "SUM(CAST([views] AS BIGINT)) DESC, [author_id] OFFSET 0 ROWS FETCH NEXT 6 ROWS ONLY");
        assertThat(select.parameters()).containsExactly(10L, 1L);
        assertThat(sqlServer.countGroups(plan).sql()).isEqualTo("SELECT COUNT(*) FROM (SELECT 1 AS sentro_one FROM "
                + "[dbo].[posts] WHERE [views] >= ? GROUP BY [author_id] HAVING COUNT(*) > ?) sentro_groups");
        assertThat(new SqlRenderer(new PostgresDialect(), MODEL).aggregate(plan).sql()).startsWith(
                "SELECT \"author_id\", COUNT(*) AS \"count\", SUM(\"views\") AS \"sum_views\", AVG(\"views\") AS "
                        + "\"avg_views\"");
    }

    @Test
    void relatedFiltersAreCorrelatedExistsSubqueries() {
        ReadPlan authors = plan(AUTHORS, "where.posts.views.gt=10", "where.name.neq=x");
        assertThat(new SqlRenderer(new SqlServerDialect(), MODEL).select(authors).sql()).isEqualTo(
                "SELECT [id], [name] FROM [dbo].[authors] WHERE [name] <> ? AND EXISTS (SELECT 1 FROM "
                        + "[dbo].[posts] sentro_r1 WHERE sentro_r1.[author_id] = [dbo].[authors].[id] AND "
                        + "sentro_r1.[views] > ?) ORDER BY [id] OFFSET 0 ROWS FETCH NEXT 20 ROWS ONLY");
        ReadPlan nested = plan(AUTHORS, "where.posts.labels.name.eq=sql");
        assertThat(new SqlRenderer(new MySqlDialect(), MODEL).count(nested).sql()).isEqualTo(
                "SELECT COUNT(*) FROM `dbo`.`authors` WHERE EXISTS (SELECT 1 FROM `dbo`.`posts` sentro_r1 WHERE "
                        + "sentro_r1.`author_id` = `dbo`.`authors`.`id` AND EXISTS (SELECT 1 FROM `dbo`.`labels` "
                        + "sentro_r2 WHERE EXISTS (SELECT 1 FROM `dbo`.`post_labels` sentro_j2 WHERE "
                        + "sentro_j2.`label_id` = sentro_r2.`id` AND sentro_j2.`post_id` = sentro_r1.`id`) AND "
                        + "sentro_r2.`name` = ?))");
    }

    @Test
    void aJoinTableEmbedsTheRowItReferences() {
        EmbedPlan post = plan(POST_LABELS, "embed=post", "post.fields=title").embeds().get(0);
        assertThat(related(new PostgresDialect(), post, List.of(List.of(1L), List.of(2L)))).contains(
                "WHERE sentro_t.\"id\" IN (?, ?)");
        EmbedQuery query = new EmbedQuery("post", "post", List.of(), List.of(), null, List.of(), List.of());
        assertThat(planner.embed(POST_LABELS, Grant.FULL, query, table -> Grant.FULL, 1).projection())
                .extracting(Column::name).containsExactly("id", "author_id", "title", "views");
    }
}
