package io.sentro.spring.it;

import java.util.List;

import javax.sql.DataSource;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * A database the integration suite runs on: where it is, which fixture scripts build and reset it, and which
 * features of the shared scenarios it has.
 *
 * @param dialect the dialect name Sentro is expected to detect
 * @param url JDBC URL
 * @param username user, or null when the URL carries it
 * @param password password, or null
 * @param schemaScripts scripts that create the fixture's tables (run once)
 * @param resetScripts scripts that reset its rows (run before each scenario)
 * @param source where the database came from, for logs
 */
public record FixtureDatabase(String dialect, String url, String username, String password, List<String> schemaScripts,
        List<String> resetScripts, String source) {

    public DataSource dataSource() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(url);
        if (username != null) {
            dataSource.setUsername(username);
        }
        if (password != null) {
            dataSource.setPassword(password);
        }
        return dataSource;
    }

    void createSchema() {
        run(schemaScripts);
    }

    void resetRows() {
        run(resetScripts);
    }

    private void run(List<String> scripts) {
        ResourceDatabasePopulator populator = new ResourceDatabasePopulator();
        scripts.forEach(script -> populator.addScript(new ClassPathResource("fixture/" + script)));
        populator.execute(dataSource());
    }

    boolean isPostgres() {
        return dialect.equals("PostgreSQL");
    }

    boolean isSqlServer() {
        return dialect.equals("SQL Server");
    }

    /** Whether the fixture's mood column is a real enum type (not a CHECK constraint). */
    boolean hasEnums() {
        return !isSqlServer();
    }

    /** Whether the fixture's profile column is a JSON type. */
    boolean hasJson() {
        return !isSqlServer();
    }
}
