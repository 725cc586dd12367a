package io.sentro.spring.customize;

/**
 * Wraps an operation, in the style of Platformatic's entity hooks: it may change the input, call
 * {@code next.proceed(input)} (at most once; that is where the database is hit), change the result, or not call
 * {@code next} at all and answer by itself. Of several around hooks the first in pipeline order is the outermost.
 */
@FunctionalInterface
public interface AroundHook {

    OperationResult apply(Next next, Payload input) throws Exception;

    /** The rest of the chain: inner around hooks, then the database. */
    @FunctionalInterface
    interface Next {

        OperationResult proceed(Payload input) throws Exception;
    }
}
