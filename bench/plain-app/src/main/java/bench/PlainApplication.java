package bench;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Nothing but the starter. */
@SpringBootApplication
public class PlainApplication {

    public static void main(String[] args) {
        SpringApplication.run(PlainApplication.class, args);
    }
}
