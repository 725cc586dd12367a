package io.sentro.spring.it;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.sentro.spring.customize.ModelCustomizer;
import io.sentro.spring.customize.Operation;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The application of the reload scenarios: a customizer on {@code reload_widgets}, so that dropping that table makes
 * a reload fail, and whose read hook holds a request marked {@code X-Hold} until the scenario lets it go.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class ReloadApplication {

    /** A request held in its hook: counted down when it got there, and let go by the scenario. */
    static final class Hold {

        static volatile CountDownLatch entered = new CountDownLatch(1);
        static volatile CountDownLatch release = new CountDownLatch(1);

        static void reset() {
            entered = new CountDownLatch(1);
            release = new CountDownLatch(1);
        }
    }

    /**
     * The application's own paths are open to anyone (the OpenAPI document, health); Sentro's chains come first for
     * the API and for the sentro actuator endpoint, which stays guarded by the admin role.
     */
    @Bean
    SecurityFilterChain openApplication(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll()).build();
    }

    @Bean
    ModelCustomizer reloadWidgets() {
        return new ModelCustomizer("reload_widgets").onBefore(Operation.READ, (payload, context) -> {
            if (context.request().map(request -> request.getHeader("X-Hold")).isPresent()) {
                Hold.entered.countDown();
                Hold.release.await(30, TimeUnit.SECONDS);
            }
            return payload;
        });
    }
}
