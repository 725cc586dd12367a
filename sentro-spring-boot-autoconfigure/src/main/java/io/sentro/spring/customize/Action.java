package io.sentro.spring.customize;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A custom action: a table action runs on the records the client selected
 * ({@code POST {base}/T/_actions/{id}}), a detail action on one record ({@code POST {base}/T/{key}/_actions/{id}}).
 *
 * @param type table or detail
 * @param id the action's id in URLs, unique per table
 * @param label a human-readable name, shown in {@code _schema} and OpenAPI
 * @param tableHandler the handler of a table action
 * @param detailHandler the handler of a detail action
 * @param onlyReads whether it only reads ({@link #readOnly()})
 * @param inputs the fields of its body, as declared ({@link #withInput})
 */
public record Action(Type type, String id, String label, @Nullable TableHandler tableHandler,
        @Nullable DetailHandler detailHandler, boolean onlyReads, List<ActionInput> inputs) {

    public Action {
        inputs = List.copyOf(inputs);
    }

    public Action(Type type, String id, String label, @Nullable TableHandler tableHandler,
            @Nullable DetailHandler detailHandler, boolean onlyReads) {
        this(type, id, label, tableHandler, detailHandler, onlyReads, List.of());
    }

    public Action(Type type, String id, String label, @Nullable TableHandler tableHandler,
            @Nullable DetailHandler detailHandler) {
        this(type, id, label, tableHandler, detailHandler, false);
    }

    /**
     * This action, declaring a field of its body
     * ({@code Action.detail("adjust", "Adjust", handler).withInput("adjustment", "Adjustment", Kind.INTEGER, true)}):
     * described in {@code _schema} and OpenAPI, asked for by the data console.
     */
    public Action withInput(String name, String inputLabel, ActionInput.Kind kind, boolean required) {
        if (inputs.stream().anyMatch(input -> input.name().equals(name))) {
            throw new IllegalArgumentException("Action '" + id + "' already declares the input '" + name + "'");
        }
        List<ActionInput> declared = new java.util.ArrayList<>(inputs);
        declared.add(new ActionInput(name, inputLabel, kind, required));
        return new Action(type, id, label, tableHandler, detailHandler, onlyReads, declared);
    }

    /**
     * This action, declared to only read ({@code Action.table("export", "Export", handler).readOnly()}): it runs in a
     * read-only transaction, on a read replica when there are any ({@code sentro.read-replicas}), and the database
     * refuses any write it tries.
     */
    public Action readOnly() {
        return new Action(type, id, label, tableHandler, detailHandler, true, inputs);
    }

    public enum Type {
        TABLE, DETAIL
    }

    /** Runs on the selected records of a table. */
    @FunctionalInterface
    public interface TableHandler {

        Map<String, @Nullable Object> run(ActionRequest request, List<Map<String, @Nullable Object>> records, SentroDb db)
                throws Exception;
    }

    /** Runs on one record. */
    @FunctionalInterface
    public interface DetailHandler {

        Map<String, @Nullable Object> run(ActionRequest request, Map<String, @Nullable Object> record, SentroDb db)
                throws Exception;
    }

    public static Action table(String id, String label, TableHandler handler) {
        return new Action(Type.TABLE, id, label, handler, null);
    }

    public static Action detail(String id, String label, DetailHandler handler) {
        return new Action(Type.DETAIL, id, label, null, handler);
    }
}
