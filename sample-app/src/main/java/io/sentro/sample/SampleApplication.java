package io.sentro.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The seeds' blog, served by Sentro. Without {@code spring.datasource.url} it starts an embedded PostgreSQL with the
 * blog schema; with one, it serves that database instead.
 */
@SpringBootApplication
@EnableScheduling
public class SampleApplication {

    public static void main(String[] args) {
        SpringApplication.run(SampleApplication.class, args);
    }
}
