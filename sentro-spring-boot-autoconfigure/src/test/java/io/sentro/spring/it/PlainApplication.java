package io.sentro.spring.it;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A plain Boot application with nothing but auto-configuration: how a user meets Sentro. Its connections are
 * counted ({@link ConnectionLog}), which changes nothing they do.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class PlainApplication {

    @Bean
    static BeanPostProcessor connectionLog() {
        return new ConnectionLog();
    }
}
