package io.sentro.spring.pipeline;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import io.sentro.spring.customize.AfterHook;
import io.sentro.spring.customize.AroundHook;
import io.sentro.spring.customize.BeforeHook;
import io.sentro.spring.customize.FieldWriter;
import io.sentro.spring.customize.HookContext;
import io.sentro.spring.customize.Operation;
import io.sentro.spring.customize.OperationResult;
import io.sentro.spring.customize.Payload;

import org.jspecify.annotations.Nullable;

/**
 * Runs one operation through a table's hooks:
 * <ol>
 * <li>before hooks, in pipeline order;</li>
 * <li>field writers (CREATE and UPDATE);</li>
 * <li>around hooks, the first in pipeline order outermost, wrapping the core (plan, SQL, shaping);</li>
 * <li>after hooks, in pipeline order.</li>
 * </ol>
 */
final class HookChain {

    private HookChain() {
    }

    /** The innermost step: the database. */
    @FunctionalInterface
    interface Core {
        OperationResult run(Payload input);
    }

    /**
     * Whether the operation runs through hooks: then its writes run in a transaction, row by row, which committed
     * hooks need too (they wait for that transaction).
     */
    static boolean hasHooks(TablePipeline pipeline, Operation operation) {
        return !pipeline.before(operation).isEmpty() || !pipeline.around(operation).isEmpty()
                || !pipeline.after(operation).isEmpty() || !pipeline.committed(operation).isEmpty();
    }

    static OperationResult run(TablePipeline pipeline, HookContext context, Payload payload, Core core) {
        Operation operation = context.operation();
        Payload current = before(pipeline, context, payload);
        if (operation == Operation.CREATE || operation == Operation.UPDATE) {
            writeFields(pipeline, current);
        }
        return after(pipeline, context, around(pipeline.around(operation), 0, current, core));
    }

    /**
     * The before hooks of an operation, in order. Also on their own, for a core that does not return one result to
     * wrap: an export, which streams its rows and runs the after hooks on each batch ({@link #after}).
     */
    static Payload before(TablePipeline pipeline, HookContext context, Payload payload) {
        Payload current = payload;
        for (BeforeHook hook : pipeline.before(context.operation())) {
            Payload input = current;
            Payload changed = call(() -> hook.apply(input, context));
            current = changed != null ? changed : input;
        }
        return current;
    }

    /**
     * The after hooks of an operation, in order. Also on their own, on a result the core did not produce for it: an
     * upsert answers with an existing row it left as it was, shaped as a read of it (the READ after hooks, which may
     * take out a password); an export runs them on each batch of rows.
     */
    static OperationResult after(TablePipeline pipeline, HookContext context, OperationResult result) {
        OperationResult current = result;
        for (AfterHook hook : pipeline.after(context.operation())) {
            OperationResult input = current;
            OperationResult changed = call(() -> hook.apply(input, context));
            current = changed != null ? changed : input;
        }
        return current;
    }

    private static OperationResult around(List<AroundHook> hooks, int index, Payload input, Core core) {
        if (index == hooks.size()) {
            return core.run(input);
        }
        boolean[] proceeded = new boolean[1];
        AroundHook.Next next = nextInput -> {
            if (proceeded[0]) {
                throw new IllegalStateException("An around hook called next.proceed() twice");
            }
            proceeded[0] = true;
            return around(hooks, index + 1, nextInput, core);
        };
        OperationResult result = call(() -> hooks.get(index).apply(next, input));
        if (result == null) {
            throw new IllegalStateException("An around hook returned null; return next.proceed(input) or a result");
        }
        return result;
    }

    private static void writeFields(TablePipeline pipeline, Payload payload) {
        for (Map.Entry<String, FieldWriter> writer : pipeline.fieldWriters().entrySet()) {
            if (payload.containsKey(writer.getKey())) {
                Object value = payload.remove(writer.getKey());
                Map<String, @Nullable Object> written = call(() -> writer.getValue().write(value));
                if (written != null) {
                    payload.putAll(written);
                }
            }
        }
    }

    /** Runs application code; checked exceptions are wrapped, runtime ones (SentroException...) pass through. */
    static <T> T call(Callable<T> code) {
        try {
            return code.call();
        }
        catch (RuntimeException ex) {
            throw ex;
        }
        catch (Exception ex) {
            throw new IllegalStateException("A hook, field writer or action failed: " + ex.getMessage(), ex);
        }
    }
}
