package io.sentro.spring.autoconfigure;

import com.zaxxer.hikari.HikariDataSource;
import io.sentro.spring.dialect.DriverTuning;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Asks the MySQL and MariaDB drivers to cache server-side prepared statements (see {@link DriverTuning}), on a
 * HikariCP pool before it starts. Properties the application set itself, in the URL or as data source properties,
 * are left alone. Off with {@code sentro.tune-connection-pool=false}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(HikariDataSource.class)
@ConditionalOnBooleanProperty(name = "sentro.tune-connection-pool", matchIfMissing = true)
class SentroConnectionPoolConfiguration {

    @Bean
    static BeanPostProcessor sentroConnectionPoolTuning() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null && !pool.isRunning()) {
                    String url = pool.getJdbcUrl();
                    DriverTuning.forJdbcUrl(url).forEach((name, value) -> {
                        if (!url.contains(name + "=") && !pool.getDataSourceProperties().containsKey(name)) {
                            pool.addDataSourceProperty(name, value);
                        }
                    });
                }
                return bean;
            }
        };
    }
}
