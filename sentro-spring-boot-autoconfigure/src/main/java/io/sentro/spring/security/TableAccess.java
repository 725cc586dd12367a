package io.sentro.spring.security;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.sentro.spring.customize.Action;
import io.sentro.spring.customize.Operation;
import io.sentro.spring.customize.RowScope;
import io.sentro.spring.schema.Table;

import org.jspecify.annotations.Nullable;

/**
 * The resolved rules of one table: one {@link AccessRule} per operation and per action, and the hidden columns (for
 * everyone, or for everyone but some roles). Built once at start-up.
 */
final class TableAccess {

    /**
     * Columns hidden from callers the {@code exempt} rule does not let through (roles, decided by Spring Security's
     * {@code AuthorityAuthorizationManager}); from everyone when it is null.
     */
    record Hidden(Set<String> columns, @Nullable AccessRule exempt) {
    }

    private final Table table;
    private final Map<Operation, AccessRule> operations;
    private final Map<String, AccessRule> actions;
    private final List<Hidden> hidden;
    private final List<Scope> scopes;

    /** A scoped column, how the caller's value is found, and how that reads in the start-up log. */
    record Scope(String column, RowScope value, String description) {
    }

    /** {@code actions} holds the rule of every action of the table, its own or the one it follows. */
    TableAccess(Table table, Map<Operation, AccessRule> operations, Map<String, AccessRule> actions,
            List<Hidden> hidden, List<Scope> scopes) {
        this.table = table;
        this.operations = new EnumMap<>(operations);
        this.actions = new LinkedHashMap<>(actions);
        this.hidden = List.copyOf(hidden);
        this.scopes = List.copyOf(scopes);
    }

    List<Scope> scopes() {
        return scopes;
    }

    Table table() {
        return table;
    }

    AccessRule rule(Operation operation) {
        return operations.get(operation);
    }

    AccessRule actionRule(Action action) {
        AccessRule rule = actions.get(action.id());
        if (rule == null) {
            throw new IllegalArgumentException("No action '" + action.id() + "' on '" + table.name() + "'");
        }
        return rule;
    }

    /**
     * The operation an action without a rule of its own follows: UPDATE, for table and detail actions alike. An
     * action is a POST that runs the application's code with a database at hand: it may change anything, so a caller
     * who may only read runs none unless its rule says so.
     */
    static Operation defaultOperation(Action action) {
        return Operation.UPDATE;
    }

    List<Hidden> hidden() {
        return hidden;
    }

    /** Columns hidden from every caller whatever their roles. */
    Set<String> hiddenFromEveryone() {
        Set<String> columns = new LinkedHashSet<>();
        hidden.stream().filter(entry -> entry.exempt() == null).forEach(entry -> columns.addAll(entry.columns()));
        return columns;
    }

    /** One line for the start-up log: who may do what. */
    String describe() {
        List<String> parts = new ArrayList<>();
        for (Operation operation : List.of(Operation.READ, Operation.CREATE, Operation.UPDATE, Operation.DELETE)) {
            if (applies(operation)) {
                parts.add(operation.name().toLowerCase(java.util.Locale.ROOT) + "=" + rule(operation));
            }
        }
        actions.forEach((id, rule) -> parts.add("action " + id + "=" + rule));
        for (Hidden entry : hidden) {
            parts.add("hidden " + entry.columns() + (entry.exempt() == null ? "" : " except for " + entry.exempt()));
        }
        for (Scope scope : scopes) {
            parts.add("rows where " + scope.column() + " = " + scope.description());
        }
        return table.name() + ": " + String.join(", ", parts);
    }

    private boolean applies(Operation operation) {
        return switch (operation) {
            case READ -> true;
            case CREATE -> table.insertable();
            case UPDATE -> table.updatable();
            case DELETE -> table.deletable();
        };
    }
}
