package io.sentro.spring.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.mssqlserver.MSSQLServerContainer;
import org.testcontainers.mysql.MySQLContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Finds a database per dialect, in this order: a JDBC URL from {@code SENTRO_TEST_<DIALECT>_URL}; a Testcontainers
 * container when a Docker engine is available; for PostgreSQL only, an embedded PostgreSQL. When none is available
 * the tests of that dialect are skipped with a message that says why. Containers and the embedded server are started
 * once per test JVM.
 */
final class FixtureDatabases {

    private static FixtureDatabase postgres;
    private static FixtureDatabase mysql;
    private static FixtureDatabase sqlServer;
    private static FixtureDatabase mariaDb;

    private FixtureDatabases() {
    }

    static synchronized FixtureDatabase postgres() {
        if (postgres == null) {
            List<String> schema = List.of("postgres-schema.sql");
            List<String> reset = List.of("postgres-data.sql");
            String url = System.getenv("SENTRO_TEST_POSTGRES_URL");
            if (url != null && !url.isBlank()) {
                postgres = new FixtureDatabase("PostgreSQL", url, null, null, schema, reset, "SENTRO_TEST_POSTGRES_URL");
            }
            else if (dockerAvailable()) {
                PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine");
                container.start();
                postgres = new FixtureDatabase("PostgreSQL", container.getJdbcUrl(), container.getUsername(),
                        container.getPassword(), schema, reset, "Testcontainers");
            }
            else {
                EmbeddedPostgres embedded = startEmbedded();
                postgres = new FixtureDatabase("PostgreSQL", embedded.getJdbcUrl("postgres", "postgres"), null, null,
                        schema, reset, "embedded PostgreSQL");
            }
            postgres.createSchema();
        }
        return postgres;
    }

    static synchronized FixtureDatabase mysql() {
        if (mysql == null) {
            List<String> schema = List.of("mysql-schema.sql");
            List<String> reset = List.of("mysql-data.sql");
            String url = System.getenv("SENTRO_TEST_MYSQL_URL");
            if (url != null && !url.isBlank()) {
                mysql = new FixtureDatabase("MySQL-family", url, null, null,
                        schema, reset, "SENTRO_TEST_MYSQL_URL");
            }
            else {
                if (!dockerAvailable()) {
                    throw new Unavailable("MySQL tests skipped: SENTRO_TEST_MYSQL_URL is not set and no Docker engine "
                            + "is available for Testcontainers");
                }
                MySQLContainer container = new MySQLContainer("mysql:8.4");
                container.start();
                mysql = new FixtureDatabase("MySQL", container.getJdbcUrl(), container.getUsername(),
                        container.getPassword(), schema, reset, "Testcontainers");
            }
            mysql.createSchema();
        }
        return mysql;
    }

    /**
     * MariaDB through its own driver ({@code SENTRO_TEST_MARIADB_URL}, else a MariaDB container), next to the
     * MySQL-family URL, which may point at a MariaDB server through MySQL Connector/J: the two drivers take different
     * paths (INSERT ... RETURNING, or insert and select again).
     */
    static synchronized FixtureDatabase mariaDb() {
        if (mariaDb == null) {
            List<String> schema = List.of("mysql-schema.sql");
            List<String> reset = List.of("mysql-data.sql");
            String url = System.getenv("SENTRO_TEST_MARIADB_URL");
            if (url != null && !url.isBlank()) {
                mariaDb = new FixtureDatabase("MariaDB", url, null, null, schema, reset, "SENTRO_TEST_MARIADB_URL");
            }
            else {
                if (!dockerAvailable()) {
                    throw new Unavailable("MariaDB tests skipped: SENTRO_TEST_MARIADB_URL is not set and no Docker "
                            + "engine is available for Testcontainers");
                }
                org.testcontainers.mariadb.MariaDBContainer container = new org.testcontainers.mariadb.MariaDBContainer(
                        "mariadb:11.4");
                container.start();
                mariaDb = new FixtureDatabase("MariaDB", container.getJdbcUrl(), container.getUsername(),
                        container.getPassword(), schema, reset, "Testcontainers");
            }
            mariaDb.createSchema();
        }
        return mariaDb;
    }

    static synchronized FixtureDatabase sqlServer() {
        if (sqlServer == null) {
            List<String> schema = List.of("sqlserver-schema.sql");
            List<String> reset = List.of("sqlserver-schema.sql", "sqlserver-data.sql");
            String url = System.getenv("SENTRO_TEST_MSSQL_URL");
            if (url != null && !url.isBlank()) {
                sqlServer = new FixtureDatabase("SQL Server", url, null, null, schema, reset, "SENTRO_TEST_MSSQL_URL");
            }
            else {
                if (!dockerAvailable()) {
                    throw new Unavailable("SQL Server tests skipped: SENTRO_TEST_MSSQL_URL is not set and no Docker "
                            + "engine is available for Testcontainers");
                }
                MSSQLServerContainer container = new MSSQLServerContainer(
                        "mcr.microsoft.com/mssql/server:2022-latest").acceptLicense();
                container.start();
                sqlServer = new FixtureDatabase("SQL Server", container.getJdbcUrl(), container.getUsername(),
                        container.getPassword(), schema, reset, "Testcontainers");
            }
            sqlServer.createSchema();
        }
        return sqlServer;
    }

    /** The database of a dialect; throws {@link Unavailable} with the reason when there is none. */
    static FixtureDatabase of(Dialect dialect) {
        return switch (dialect) {
            case POSTGRES -> postgres();
            case MYSQL -> mysql();
            case MARIADB -> mariaDb();
            case SQL_SERVER -> sqlServer();
        };
    }

    /** The dialects the scenarios run on. */
    enum Dialect {
        POSTGRES, MYSQL, MARIADB, SQL_SERVER
    }

    /** No database can be had for a dialect here; the message says why. */
    static final class Unavailable extends RuntimeException {

        Unavailable(String reason) {
            super(reason);
        }
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        }
        catch (RuntimeException ex) {
            return false;
        }
    }

    private static EmbeddedPostgres startEmbedded() {
        try {
            EmbeddedPostgres embedded = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    embedded.close();
                }
                catch (IOException ex) {
                    // the JVM is exiting
                }
            }));
            return embedded;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL", ex);
        }
    }

    /**
     * Empties the outbox other scenarios left (events their relays had not delivered when they stopped), so that a
     * new application's relay delivers only the events its own scenario writes.
     */
    static void forgetOutbox(FixtureDatabase database) {
        try {
            new org.springframework.jdbc.core.JdbcTemplate(database.dataSource()).update("DELETE FROM sentro_outbox");
        }
        catch (org.springframework.dao.DataAccessException noOutboxYet) {
            // No scenario made it yet.
        }
    }
}
