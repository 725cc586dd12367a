package io.sentro.spring.dialect;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Connection properties that make each driver reuse prepared statements, which Sentro's fixed statement shapes
 * benefit from. PostgreSQL's driver already prepares server-side after five executions; the MySQL and MariaDB drivers
 * need to be asked. Applied only where the application has not set the property itself.
 */
public final class DriverTuning {

    private DriverTuning() {
    }

    /** The recommended properties for a JDBC URL; empty for drivers that need none. */
    public static Map<String, String> forJdbcUrl(String jdbcUrl) {
        Map<String, String> properties = new LinkedHashMap<>();
        if (jdbcUrl.startsWith("jdbc:mysql:")) {
            properties.put("cachePrepStmts", "true");
            properties.put("useServerPrepStmts", "true");
            properties.put("prepStmtCacheSize", "250");
            properties.put("prepStmtCacheSqlLimit", "2048");
        }
        else if (jdbcUrl.startsWith("jdbc:mariadb:")) {
            properties.put("useServerPrepStmts", "true");
            properties.put("cachePrepStmts", "true");
            properties.put("prepStmtCacheSize", "250");
        }
        return properties;
    }
}
