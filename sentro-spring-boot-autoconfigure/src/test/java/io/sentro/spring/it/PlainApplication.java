package io.sentro.spring.it;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/** A plain Boot application with nothing but auto-configuration: how a user meets Sentro. */
@SpringBootConfiguration
@EnableAutoConfiguration
class PlainApplication {
}
