package io.sentro.spring.pipeline;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.sentro.spring.customize.Action;
import io.sentro.spring.customize.AfterHook;
import io.sentro.spring.customize.AroundHook;
import io.sentro.spring.customize.BeforeHook;
import io.sentro.spring.customize.DisplayField;
import io.sentro.spring.customize.FieldWriter;
import io.sentro.spring.customize.ModelCustomizer;
import io.sentro.spring.customize.Operation;
import io.sentro.spring.schema.Table;

import org.jspecify.annotations.Nullable;

/**
 * Everything the customizers of one table declared, merged in pipeline order and frozen at start-up.
 */
public final class TablePipeline {

    private final Table table;
    private @Nullable String displayName;
    private final Map<String, String> columnDisplayNames = new LinkedHashMap<>();
    private final Map<String, FieldWriter> fieldWriters = new LinkedHashMap<>();
    private final Map<String, DisplayField> displayFields = new LinkedHashMap<>();
    private final Map<Operation, List<BeforeHook>> before = new EnumMap<>(Operation.class);
    private final Map<Operation, List<AroundHook>> around = new EnumMap<>(Operation.class);
    private final Map<Operation, List<AfterHook>> after = new EnumMap<>(Operation.class);
    private final Map<Operation, List<io.sentro.spring.customize.CommittedHook>> committed = new EnumMap<>(
            Operation.class);
    private final Map<String, Action> actions = new LinkedHashMap<>();
    private final List<io.sentro.spring.events.ChangeEventHook> changeEventHooks = new ArrayList<>();
    private final Map<Operation, ModelCustomizer.AccessDeclaration> operationAccess = new EnumMap<>(Operation.class);
    private final Map<String, ModelCustomizer.AccessDeclaration> actionAccess = new LinkedHashMap<>();
    private final List<ModelCustomizer.HiddenColumns> hiddenColumns = new ArrayList<>();
    private final Map<String, io.sentro.spring.customize.RowScope> rowScopes = new LinkedHashMap<>();

    TablePipeline(Table table) {
        this.table = table;
        for (Operation operation : Operation.values()) {
            before.put(operation, new ArrayList<>());
            around.put(operation, new ArrayList<>());
            after.put(operation, new ArrayList<>());
            committed.put(operation, new ArrayList<>());
        }
    }

    /** Adds one customizer's declarations; later customizers override display names and writers of the same name. */
    void merge(ModelCustomizer customizer) {
        if (customizer.displayName() != null) {
            displayName = customizer.displayName();
        }
        columnDisplayNames.putAll(customizer.columnDisplayNames());
        fieldWriters.putAll(customizer.fieldWriters());
        displayFields.putAll(customizer.displayFields());
        for (ModelCustomizer.Hook hook : customizer.hooks()) {
            switch (hook.phase()) {
                case BEFORE -> before.get(hook.operation()).add((BeforeHook) hook.hook());
                case AROUND -> around.get(hook.operation()).add((AroundHook) hook.hook());
                case AFTER -> after.get(hook.operation()).add((AfterHook) hook.hook());
                case COMMITTED -> committed.get(hook.operation())
                    .add((io.sentro.spring.customize.CommittedHook) hook.hook());
            }
        }
        for (Action action : customizer.actions()) {
            actions.put(action.id(), action);
        }
        changeEventHooks.addAll(customizer.changeEventHooks());
        operationAccess.putAll(customizer.operationAccess());
        actionAccess.putAll(customizer.actionAccess());
        hiddenColumns.addAll(customizer.hiddenColumns());
        rowScopes.putAll(customizer.rowScopes());
    }

    /** Row scopes declared in code, by column. */
    public Map<String, io.sentro.spring.customize.RowScope> rowScopes() {
        return java.util.Collections.unmodifiableMap(rowScopes);
    }

    /** Access rules declared in code per operation; a later customizer's rule replaces an earlier one's. */
    public Map<Operation, ModelCustomizer.AccessDeclaration> operationAccess() {
        return java.util.Collections.unmodifiableMap(operationAccess);
    }

    /** Access rules declared in code per action id. */
    public Map<String, ModelCustomizer.AccessDeclaration> actionAccess() {
        return java.util.Collections.unmodifiableMap(actionAccess);
    }

    /** Hidden columns declared in code, all of them (they add up). */
    public List<ModelCustomizer.HiddenColumns> hiddenColumns() {
        return java.util.Collections.unmodifiableList(hiddenColumns);
    }

    public Table table() {
        return table;
    }

    /** The display name: the customizer's, or the table name. */
    public String displayName() {
        return displayName != null ? displayName : table.name();
    }

    /** The display name of a column: the customizer's, or the column name. */
    public String columnDisplayName(String column) {
        return columnDisplayNames.getOrDefault(column, column);
    }

    public Map<String, FieldWriter> fieldWriters() {
        return fieldWriters;
    }

    public Map<String, DisplayField> displayFields() {
        return displayFields;
    }

    public boolean isDisplayField(String name) {
        return displayFields.containsKey(name);
    }

    public List<BeforeHook> before(Operation operation) {
        return before.get(operation);
    }

    public List<AroundHook> around(Operation operation) {
        return around.get(operation);
    }

    public List<AfterHook> after(Operation operation) {
        return after.get(operation);
    }

    /** The hooks to run once a write of this operation is committed ({@link CommittedHooks}). */
    public List<io.sentro.spring.customize.CommittedHook> committed(Operation operation) {
        return java.util.Collections.unmodifiableList(committed.get(operation));
    }

    /** The hooks that shape this table's change events, in pipeline order. */
    public List<io.sentro.spring.events.ChangeEventHook> changeEventHooks() {
        return java.util.Collections.unmodifiableList(changeEventHooks);
    }

    public List<Action> actions() {
        return new ArrayList<>(actions.values());
    }

    public Optional<Action> action(String id) {
        return Optional.ofNullable(actions.get(id));
    }

    /** Whether rows of this table need display fields computed. */
    public boolean hasDisplayFields() {
        return !displayFields.isEmpty();
    }
}
