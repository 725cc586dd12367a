package io.sentro.spring.autoconfigure;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.sentro.spring.dialect.DriverTuning;

/** The pools of the read replicas (HikariCP, loaded only when there are replicas). */
final class ReplicaPools {

    private ReplicaPools() {
    }

    /**
     * A pool for one replica, like the primary's: its credentials, size, timeouts and driver properties when the
     * primary is a Hikari pool. It starts even when the replica is down: its reads go to the others, or the primary.
     */
    static DataSource pool(String url, int number, DataSource primary) {
        HikariDataSource pool = new HikariDataSource();
        if (primary instanceof HikariDataSource main) {
            pool.setUsername(main.getUsername());
            pool.setPassword(main.getPassword());
            pool.setMaximumPoolSize(main.getMaximumPoolSize());
            pool.setConnectionTimeout(main.getConnectionTimeout());
            pool.setValidationTimeout(main.getValidationTimeout());
            java.util.Properties driver = new java.util.Properties();
            driver.putAll(main.getDataSourceProperties());
            pool.setDataSourceProperties(driver);
        }
        DriverTuning.forJdbcUrl(url).forEach(pool::addDataSourceProperty);
        pool.setJdbcUrl(url);
        pool.setPoolName("sentro-replica-" + number);
        pool.setReadOnly(true);
        pool.setInitializationFailTimeout(-1);
        return pool;
    }
}
