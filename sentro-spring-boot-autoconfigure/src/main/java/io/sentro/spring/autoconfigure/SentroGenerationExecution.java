package io.sentro.spring.autoconfigure;

import java.time.Duration;

import javax.sql.DataSource;

import io.micrometer.observation.ObservationRegistry;
import io.sentro.spring.customize.Integrations;
import io.sentro.spring.customize.SentroDb;
import io.sentro.spring.dialect.SqlDialect;
import io.sentro.spring.execute.ReadReplicas;
import io.sentro.spring.execute.SqlExecutor;
import io.sentro.spring.pipeline.ActionRunner;
import io.sentro.spring.events.ChangeEvents;
import io.sentro.spring.events.Outbox;
import io.sentro.spring.introspect.SchemaLoader;
import io.sentro.spring.pipeline.CommittedHooks;
import io.sentro.spring.pipeline.CustomizerRegistry;
import io.sentro.spring.pipeline.ExportRunner;
import io.sentro.spring.pipeline.OperationRunner;
import io.sentro.spring.pipeline.WriteRunner;
import io.sentro.spring.plan.Cursors;
import io.sentro.spring.plan.Planner;
import io.sentro.spring.plan.RowTags;
import io.sentro.spring.plan.ValueConverter;
import io.sentro.spring.plan.WritePlanner;
import io.sentro.spring.request.ApiRequestParser;
import io.sentro.spring.schema.Relations;
import io.sentro.spring.schema.SchemaModel;
import io.sentro.spring.security.AccessPolicy;
import io.sentro.spring.sql.SqlRenderer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.Assert;

/**
 * A generation's SQL rendering and execution, planning and runners. Sentro uses its own {@link JdbcTemplate} on the
 * DataSource, so that settings of the application's template (max rows, fetch size) do not change API results, and
 * the application's transaction manager when there is exactly one. With read replicas, Sentro runs on the primary
 * with read-only connections from the replicas ({@link ReadReplicas}), and on a transaction manager of its own over
 * that routing.
 */
@Configuration(proxyBeanMethods = false)
class SentroGenerationExecution {

    private final ApiRequestParser parser = new ApiRequestParser();

    private final ValueConverter values = new ValueConverter(parser.jsonMapper());

    @Bean
    @ConditionalOnMissingBean
    ApiRequestParser sentroApiRequestParser() {
        return parser;
    }

    @Bean
    @ConditionalOnMissingBean
    SqlRenderer sentroSqlRenderer(SqlDialect dialect, SchemaModel model) {
        return new SqlRenderer(dialect, model);
    }

    @Bean
    @ConditionalOnMissingBean
    SqlExecutor sentroSqlExecutor(DataSource dataSource, SqlRenderer renderer, SchemaModel model,
            ObjectProvider<PlatformTransactionManager> transactionManager, SentroReadReplicas replicas,
            ObjectProvider<ObservationRegistry> observations, SentroProperties properties) {
        ReadReplicas routing = replicas.replicas();
        DataSource effective = replicas.writes(dataSource);
        PlatformTransactionManager transactions = routing != null ? new JdbcTransactionManager(effective)
                : transactionManager.getIfUnique(() -> new JdbcTransactionManager(dataSource));
        JdbcTemplate jdbc = new JdbcTemplate(effective);
        Duration timeout = properties.getQueryTimeout();
        if (timeout != null && !timeout.isZero()) {
            Assert.state(!timeout.isNegative(), "sentro.query-timeout must be positive");
            // JDBC counts whole seconds; the driver cancels the statement in the database when they run out.
            jdbc.setQueryTimeout((int) Math.max(1, (timeout.toMillis() + 999) / 1000));
        }
        return new SqlExecutor(jdbc, new TransactionTemplate(transactions), renderer, model,
                properties.getPage().getExactCountThreshold(), properties.getPage().getEstimateMaxAge(),
                observations.getIfUnique(() -> ObservationRegistry.NOOP), routing != null);
    }

    /** The generation's own, which its hooks and actions use: primary over the application's delegating one. */
    @Bean
    @Primary
    SentroDb sentroGenerationDb(SchemaModel model, SqlExecutor executor, RowTags tags, ChangeEvents events) {
        return OperationRunner.db(model, values, executor, tags, events);
    }

    @Bean
    @ConditionalOnMissingBean
    Planner sentroPlanner(SentroProperties properties, SchemaModel model, Relations relations,
            CustomizerRegistry registry, Cursors cursors, ObjectProvider<ObservationRegistry> observations) {
        SentroProperties.Page page = properties.getPage();
        Assert.state(page.getDefaultSize() > 0, "sentro.page.default-size must be positive");
        Assert.state(page.getDefaultSize() <= page.getMaxSize(),
                "sentro.page.default-size must not exceed sentro.page.max-size");
        Assert.state(page.getExactCountThreshold() >= 0, "sentro.page.exact-count-threshold must not be negative");
        Assert.state(!page.getEstimateMaxAge().isNegative(), "sentro.page.estimate-max-age must not be negative");
        Assert.state(properties.getEmbed().getMaxDepth() > 0, "sentro.embed.max-depth must be positive");
        return new Planner(values, model, relations,
                (table, name) -> registry.pipeline(table).isDisplayField(name), page.getDefaultSize(),
                page.getMaxSize(), page.getCount(), properties.getEmbed().getMaxDepth(), cursors,
                observations.getIfUnique(() -> ObservationRegistry.NOOP));
    }

    @Bean
    @ConditionalOnMissingBean
    OperationRunner sentroOperationRunner(CustomizerRegistry registry, Planner planner, SqlExecutor executor,
            SentroDb db, Integrations integrations, RowTags tags) {
        return new OperationRunner(registry, planner, executor, db, integrations, tags);
    }

    @Bean
    @ConditionalOnMissingBean
    WritePlanner sentroWritePlanner(Planner planner, RowTags tags, SentroProperties properties) {
        return new WritePlanner(values, planner, tags, properties.getWrites().isRoundDecimals(),
                properties.getWrites().getMaxRows());
    }

    @Bean
    @ConditionalOnMissingBean
    WriteRunner sentroWriteRunner(CustomizerRegistry registry, WritePlanner planner, SqlExecutor executor,
            SentroDb db, Integrations integrations, RowTags tags, CommittedHooks committed, ChangeEvents events,
            SentroProperties properties) {
        long maxAffected = properties.getWrites().getMaxAffected();
        Assert.state(maxAffected >= 1, "sentro.writes.max-affected must be 1 or more");
        return new WriteRunner(registry, planner, executor, db, integrations, maxAffected, tags,
                properties.getConcurrency().isRequireIfMatch(), committed, events);
    }

    /**
     * Change events of the tables in {@code sentro.events.tables} (all, when empty) but not in
     * {@code sentro.events.exclude-tables}, when {@code sentro.events.enabled}; published to the application's
     * listeners after each commit.
     */
    @Bean
    @ConditionalOnMissingBean
    ChangeEvents sentroChangeEvents(SentroProperties properties, SchemaModel model, AccessPolicy access,
            CustomizerRegistry registry, ApplicationEventPublisher publisher, ObjectProvider<Outbox> outbox) {
        SentroProperties.Events events = properties.getEvents();
        if (!events.isEnabled()) {
            return ChangeEvents.NONE;
        }
        // Decided once for the generation's tables: every write asks.
        java.util.Set<String> evented = model.tables().stream()
                .filter(table -> (events.getTables().isEmpty() || SchemaLoader.matchesAny(table, events.getTables()))
                        && !SchemaLoader.matchesAny(table, events.getExcludeTables()))
                .map(io.sentro.spring.schema.Table::name).collect(java.util.stream.Collectors.toUnmodifiableSet());
        return new ChangeEvents(table -> evented.contains(table.name()), access::hiddenFromEveryone, publisher,
                outbox.getIfAvailable(), table -> registry.pipeline(table).changeEventHooks());
    }

    @Bean
    @ConditionalOnMissingBean
    ExportRunner sentroExportRunner(CustomizerRegistry registry, Planner planner, SqlExecutor executor, SentroDb db,
            Integrations integrations, SentroProperties properties) {
        long maxRows = properties.getExport().getMaxRows();
        Assert.state(maxRows >= 0, "sentro.export.max-rows must be 0 (no limit) or more");
        return new ExportRunner(registry, planner, executor, db, integrations, maxRows);
    }

    @Bean
    @ConditionalOnMissingBean
    ActionRunner sentroActionRunner(OperationRunner runner, Planner planner, SentroDb db) {
        return new ActionRunner(runner, planner, db);
    }
}
