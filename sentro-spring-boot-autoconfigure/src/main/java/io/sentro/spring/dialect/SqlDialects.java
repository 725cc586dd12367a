package io.sentro.spring.dialect;

import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;

/**
 * Picks the dialect for a database from its JDBC metadata.
 */
public final class SqlDialects {

    private SqlDialects() {
    }

    /**
     * The dialect for the connected database.
     * @throws UnsupportedDatabaseException for a database Sentro does not support
     */
    public static SqlDialect detect(DatabaseMetaData metaData) throws SQLException {
        return forProduct(metaData.getDatabaseProductName(), metaData.getDatabaseProductVersion(),
                metaData.getDriverName());
    }

    static SqlDialect forProduct(String product, String version, String driver) {
        String name = product.toLowerCase(Locale.ROOT);
        if (name.contains("postgresql")) {
            return new PostgresDialect();
        }
        // MySQL Connector/J reports a MariaDB server as "MySQL"; its version string tells them apart.
        if (name.contains("mariadb") || (name.contains("mysql") && version.toLowerCase(Locale.ROOT).contains("mariadb"))) {
            // MySQL Connector/J refuses INSERT ... RETURNING as a query; only MariaDB's own driver runs it.
            return new MariaDbDialect(driver.toLowerCase(Locale.ROOT).contains("mariadb"));
        }
        if (name.contains("mysql")) {
            return new MySqlDialect();
        }
        if (name.contains("microsoft sql server")) {
            return new SqlServerDialect();
        }
        throw new UnsupportedDatabaseException(product + " " + version);
    }

    /** Thrown at start-up when the DataSource points at a database Sentro has no dialect for. */
    public static class UnsupportedDatabaseException extends RuntimeException {

        public UnsupportedDatabaseException(String database) {
            super("Sentro supports PostgreSQL, MySQL, MariaDB and SQL Server; the DataSource points at " + database);
        }
    }
}
