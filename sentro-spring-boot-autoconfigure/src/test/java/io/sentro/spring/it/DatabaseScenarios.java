package io.sentro.spring.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Scenarios over HTTP on one database: the database named by the concrete class's {@link OnDatabase}, an application
 * started on it once per class, and the fixture's rows reset before each scenario.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OnDatabase.Condition.class)
abstract class DatabaseScenarios {

    protected FixtureDatabase database;
    protected RunningApp app;
    protected HttpApi api;
    protected JdbcTemplate jdbc;

    /** The Boot application to run. */
    protected abstract Class<?> application();

    /** Extra properties, {@code name=value}. */
    protected String[] properties() {
        return new String[0];
    }

    /** The database to run on, named by the {@link OnDatabase} annotation of the concrete class. */
    protected FixtureDatabase database() {
        return FixtureDatabases.of(getClass().getAnnotation(OnDatabase.class).value());
    }

    @BeforeAll
    void start() {
        database = database();
        database.resetRows();
        app = RunningApp.start(application(), database, properties());
        api = app.api();
        jdbc = new JdbcTemplate(database.dataSource());
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @BeforeEach
    void resetRows() {
        database.resetRows();
    }

    /** The fixture's state in one string: equal before and after a request that must write nothing. */
    protected String fingerprint() {
        return jdbc.queryForObject("SELECT (SELECT COUNT(*) FROM authors), (SELECT COUNT(*) FROM posts), "
                + "(SELECT COUNT(*) FROM labels), (SELECT COUNT(*) FROM post_labels), (SELECT COUNT(*) FROM audit_log), "
                + "(SELECT SUM(views) FROM posts), (SELECT MAX(title) FROM posts), "
                + "(SELECT SUM(CASE WHEN status = 'published' THEN 1 ELSE 0 END) FROM posts), "
                + "(SELECT MAX(email) FROM authors)",
                (rs, i) -> rs.getLong(1) + ":" + rs.getLong(2) + ":" + rs.getLong(3) + ":" + rs.getLong(4) + ":"
                        + rs.getLong(5) + ":" + rs.getLong(6) + ":" + rs.getString(7) + ":" + rs.getLong(8) + ":"
                        + rs.getString(9));
    }

    protected long count(String table) {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
        return count == null ? 0 : count;
    }
}
