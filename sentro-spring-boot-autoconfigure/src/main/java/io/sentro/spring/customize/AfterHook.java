package io.sentro.spring.customize;

/**
 * Runs after an operation reached the database. It sees what will be returned and may change it.
 */
@FunctionalInterface
public interface AfterHook {

    OperationResult apply(OperationResult result, HookContext context) throws Exception;
}
