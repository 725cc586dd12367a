package io.sentro.spring.pipeline;

/**
 * A customizer bean names something the database does not have, or declares something twice. Thrown at start-up.
 */
public class InvalidCustomizerException extends RuntimeException {

    private final String beanName;

    public InvalidCustomizerException(String beanName, String problem) {
        super("ModelCustomizer bean '" + beanName + "': " + problem);
        this.beanName = beanName;
    }

    public String beanName() {
        return beanName;
    }
}
