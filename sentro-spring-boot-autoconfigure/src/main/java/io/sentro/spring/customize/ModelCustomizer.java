package io.sentro.spring.customize;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Business logic for one table, declared as a Spring bean:
 * <pre>{@code
 * @Bean
 * ModelCustomizer posts() {
 *     var c = new ModelCustomizer("posts");
 *     c.rename("Blog Posts");
 *     c.onBefore(Operation.CREATE, (payload, ctx) -> { payload.put("created_at", Instant.now()); return payload; });
 *     return c;
 * }
 * }</pre>
 * Several customizers of the same table merge, in {@code @Order} order. Everything named here is checked against the
 * database at start-up; a mistake fails the start with a message naming the bean.
 */
public class ModelCustomizer {

    /** Where a hook attaches. */
    public enum Phase {
        BEFORE, AROUND, AFTER
    }

    /** One registered hook; {@code hook} is a {@link BeforeHook}, {@link AroundHook} or {@link AfterHook}. */
    public record Hook(Operation operation, Phase phase, Object hook) {
    }

    private final String table;
    private @Nullable String displayName;
    private final Map<String, String> columnDisplayNames = new LinkedHashMap<>();
    private final Map<String, FieldWriter> fieldWriters = new LinkedHashMap<>();
    private final Map<String, DisplayField> displayFields = new LinkedHashMap<>();
    private final List<Hook> hooks = new ArrayList<>();
    private final List<Action> actions = new ArrayList<>();

    /** Customizes the table served under this name (as in {@code {base}/<table>}). */
    public ModelCustomizer(String table) {
        this.table = table;
    }

    /** A display name for the table, shown in {@code _schema} and OpenAPI; URLs and JSON keys do not change. */
    public ModelCustomizer rename(String displayName) {
        this.displayName = displayName;
        return this;
    }

    /** A display name for a column, shown in {@code _schema} and OpenAPI; JSON keys do not change. */
    public ModelCustomizer renameColumn(String column, String displayName) {
        columnDisplayNames.put(column, displayName);
        return this;
    }

    /** A computed, read-only field added to every row returned. */
    public ModelCustomizer addDisplayField(String name, DisplayField field) {
        displayFields.put(name, field);
        return this;
    }

    /** Replaces how {@code field} is written on CREATE and UPDATE by the columns the writer returns. */
    public ModelCustomizer replaceFieldWriting(String field, FieldWriter writer) {
        fieldWriters.put(field, writer);
        return this;
    }

    public ModelCustomizer onBefore(Operation operation, BeforeHook hook) {
        hooks.add(new Hook(operation, Phase.BEFORE, hook));
        return this;
    }

    public ModelCustomizer onAfter(Operation operation, AfterHook hook) {
        hooks.add(new Hook(operation, Phase.AFTER, hook));
        return this;
    }

    public ModelCustomizer around(Operation operation, AroundHook hook) {
        hooks.add(new Hook(operation, Phase.AROUND, hook));
        return this;
    }

    public ModelCustomizer addAction(Action action) {
        actions.add(action);
        return this;
    }

    public String table() {
        return table;
    }

    public @Nullable String displayName() {
        return displayName;
    }

    public Map<String, String> columnDisplayNames() {
        return Collections.unmodifiableMap(columnDisplayNames);
    }

    public Map<String, FieldWriter> fieldWriters() {
        return Collections.unmodifiableMap(fieldWriters);
    }

    public Map<String, DisplayField> displayFields() {
        return Collections.unmodifiableMap(displayFields);
    }

    public List<Hook> hooks() {
        return Collections.unmodifiableList(hooks);
    }

    public List<Action> actions() {
        return Collections.unmodifiableList(actions);
    }
}
