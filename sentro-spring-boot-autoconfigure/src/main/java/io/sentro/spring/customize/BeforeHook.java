package io.sentro.spring.customize;

/**
 * Runs before an operation reaches the database. It may change the payload and return it (or a new one), or refuse
 * the operation by throwing {@link io.sentro.spring.error.SentroException} (its status reaches the client).
 */
@FunctionalInterface
public interface BeforeHook {

    Payload apply(Payload payload, HookContext context) throws Exception;
}
