package io.sentro.spring.customize;

import java.util.Locale;

/**
 * One field of an action's body, declared with {@link Action#withInput}: it is described in {@code _schema} and
 * OpenAPI, and the data console asks for it in a form before it runs the action. The action still reads and checks
 * the body itself ({@link ActionRequest#param}): a declaration documents, it does not validate.
 *
 * @param name the body's property
 * @param label how people see it
 * @param kind what it holds
 * @param required whether the action needs it
 */
public record ActionInput(String name, String label, Kind kind, boolean required) {

    public ActionInput {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("An action input needs a name");
        }
        if (label == null || label.isBlank()) {
            label = name;
        }
    }

    /** What an input holds; named in {@code _schema} as the column kinds that hold the same. */
    public enum Kind {
        TEXT("text"), INTEGER("integer"), DECIMAL("decimal"), BOOLEAN("boolean"), DATE("date"),
        TIMESTAMP("timestamp_tz");

        private final String schemaName;

        Kind(String schemaName) {
            this.schemaName = schemaName;
        }

        /** The kind's name in {@code _schema}: a column kind's. */
        public String schemaName() {
            return schemaName;
        }

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
