package io.sentro.spring.it;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts what the application asks of its connections: statements prepared, and transactions begun (auto-commit
 * switched off). Scenarios read the counters before and after a request to see how many round trips it made.
 */
final class ConnectionLog implements BeanPostProcessor {

    static final AtomicInteger STATEMENTS = new AtomicInteger();

    static final AtomicInteger TRANSACTIONS = new AtomicInteger();

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!(bean instanceof DataSource dataSource)) {
            return bean;
        }
        return new DelegatingDataSource(dataSource) {
            @Override
            public Connection getConnection() throws java.sql.SQLException {
                Connection connection = super.getConnection();
                return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
                        new Class<?>[] { Connection.class }, (proxy, method, args) -> {
                            if (method.getName().equals("prepareStatement")) {
                                STATEMENTS.incrementAndGet();
                            }
                            if (method.getName().equals("setAutoCommit") && Boolean.FALSE.equals(args[0])) {
                                TRANSACTIONS.incrementAndGet();
                            }
                            try {
                                return method.invoke(connection, args);
                            }
                            catch (InvocationTargetException ex) {
                                throw ex.getCause();
                            }
                        });
            }
        };
    }
}
