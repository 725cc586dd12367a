package io.sentro.spring.customize;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.security.authorization.AuthorizationManager;

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
        BEFORE, AROUND, AFTER, COMMITTED
    }

    /**
     * One registered hook; {@code hook} is a {@link BeforeHook}, {@link AroundHook}, {@link AfterHook} or
     * {@link CommittedHook}.
     */
    public record Hook(Operation operation, Phase phase, Object hook) {
    }

    private final String table;
    private @Nullable String displayName;
    private final Map<String, String> columnDisplayNames = new LinkedHashMap<>();
    private final Map<String, String> relationNames = new LinkedHashMap<>();
    private final Map<String, FieldWriter> fieldWriters = new LinkedHashMap<>();
    private final Map<String, DisplayField> displayFields = new LinkedHashMap<>();
    private final List<Hook> hooks = new ArrayList<>();
    private final List<io.sentro.spring.events.ChangeEventHook> changeEventHooks = new ArrayList<>();
    private final List<Action> actions = new ArrayList<>();
    private final Map<Operation, AccessDeclaration> operationAccess = new LinkedHashMap<>();
    private final Map<String, AccessDeclaration> actionAccess = new LinkedHashMap<>();
    private final List<HiddenColumns> hiddenColumns = new ArrayList<>();
    private final Map<String, RowScope> rowScopes = new LinkedHashMap<>();

    /**
     * An access rule declared in code: either rule text ({@code permit-all}, {@code authenticated}, {@code deny-all}
     * or roles such as {@code EDITOR,ADMIN}), or an authorization manager of the application's own.
     */
    public record AccessDeclaration(@Nullable String rule, @Nullable AuthorizationManager<AccessRequest> manager) {
    }

    /** Columns never shown to callers, except to those holding one of {@code exceptForRoles} (when not empty). */
    public record HiddenColumns(List<String> columns, List<String> exceptForRoles) {

        public HiddenColumns {
            columns = List.copyOf(columns);
            exceptForRoles = List.copyOf(exceptForRoles);
        }
    }

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

    /**
     * Another name for one of the table's relations (as {@code embed}, {@code where.<relation>...}, {@code _schema},
     * OpenAPI and TypeScript name it): {@code renameRelation("author", "writer")}. Start-up fails when the table has no
     * such relation, or when the new name is taken by another relation or a column.
     */
    public ModelCustomizer renameRelation(String relation, String name) {
        relationNames.put(relation, name);
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

    /**
     * Runs {@code hook} after a CREATE, UPDATE or DELETE of this table is committed, never when it is rolled back: on
     * a thread of its own, outside the request's time, retried when it throws (see {@link CommittedHook}).
     */
    public ModelCustomizer onCommitted(Operation operation, CommittedHook hook) {
        if (operation == Operation.READ) {
            throw new IllegalArgumentException("onCommitted runs after writes: CREATE, UPDATE or DELETE, not READ");
        }
        hooks.add(new Hook(operation, Phase.COMMITTED, hook));
        return this;
    }

    /**
     * Shapes this table's change events before they are published (leave out a column, mask a value), or drops one
     * by returning {@code null}. It runs in the write's transaction; events exist only for tables in
     * {@code sentro.events.tables}.
     */
    public ModelCustomizer onChangeEvent(io.sentro.spring.events.ChangeEventHook hook) {
        changeEventHooks.add(hook);
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

    /**
     * Who may run {@code operation} on this table: {@code permit-all}, {@code authenticated}, {@code deny-all}, or a
     * comma-separated list of roles. A {@code sentro.security.access.tables.<table>.<operation>} property, when set,
     * takes precedence (so that operators can change a rule without a rebuild).
     */
    public ModelCustomizer access(Operation operation, String rule) {
        operationAccess.put(operation, new AccessDeclaration(checkedRule(rule), null));
        return this;
    }

    /** Only callers holding one of the roles may run {@code operation}, e.g. {@code allow(UPDATE, "EDITOR")}. */
    public ModelCustomizer allow(Operation operation, String... roles) {
        return access(operation, String.join(",", roles));
    }

    /** Decides {@code operation} with an authorization manager of the application's own. */
    public ModelCustomizer authorize(Operation operation, AuthorizationManager<AccessRequest> manager) {
        operationAccess.put(operation, new AccessDeclaration(null, manager));
        return this;
    }

    /** Who may run the action {@code actionId}; the same forms as {@link #access(Operation, String)}. */
    public ModelCustomizer accessAction(String actionId, String rule) {
        actionAccess.put(actionId, new AccessDeclaration(checkedRule(rule), null));
        return this;
    }

    /** Only callers holding one of the roles may run the action {@code actionId}. */
    public ModelCustomizer allowAction(String actionId, String... roles) {
        return accessAction(actionId, String.join(",", roles));
    }

    /** Decides the action {@code actionId} with an authorization manager of the application's own. */
    public ModelCustomizer authorizeAction(String actionId, AuthorizationManager<AccessRequest> manager) {
        actionAccess.put(actionId, new AccessDeclaration(null, manager));
        return this;
    }

    /**
     * Columns never returned, filtered, sorted, searched or written by any caller (a {@code password} column, say).
     * Hooks and field writers may still write them.
     */
    public ModelCustomizer hideColumns(String... columns) {
        hiddenColumns.add(new HiddenColumns(List.of(columns), List.of()));
        return this;
    }

    /** Columns hidden from every caller who holds none of {@code roles}. */
    public ModelCustomizer hideColumnsExceptFor(List<String> roles, String... columns) {
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("hideColumnsExceptFor needs at least one role; use hideColumns");
        }
        hiddenColumns.add(new HiddenColumns(List.of(columns), roles));
        return this;
    }

    private String checkedRule(String rule) {
        if (!rule.trim().matches("[A-Za-z0-9_.:-]+(\\s*,\\s*[A-Za-z0-9_.:-]+)*")) {
            throw new IllegalArgumentException("Access rule '" + rule + "' on '" + table + "': expected permit-all, "
                    + "authenticated, deny-all or a comma-separated list of role names (e.g. EDITOR,ADMIN)");
        }
        return rule;
    }

    /**
     * Scopes the table's rows by the caller: a caller sees and touches only rows whose {@code column} holds the value
     * {@code scope} derives from their authentication. Lists, counts, searches, gets, updates, deletes and actions
     * are limited to those rows; a create fills the column when the body leaves it out and refuses another value.
     * Several scopes (and {@code sentro.security.access.tables.<table>.row-scope.*}) all apply.
     */
    public ModelCustomizer scopeRows(String column, RowScope scope) {
        rowScopes.put(column, scope);
        return this;
    }

    public Map<String, RowScope> rowScopes() {
        return Collections.unmodifiableMap(rowScopes);
    }

    public Map<Operation, AccessDeclaration> operationAccess() {
        return Collections.unmodifiableMap(operationAccess);
    }

    public Map<String, AccessDeclaration> actionAccess() {
        return Collections.unmodifiableMap(actionAccess);
    }

    public List<HiddenColumns> hiddenColumns() {
        return Collections.unmodifiableList(hiddenColumns);
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

    /** Relation renames: the derived name, and the name to use instead. */
    public Map<String, String> relationNames() {
        return Collections.unmodifiableMap(relationNames);
    }

    public Map<String, FieldWriter> fieldWriters() {
        return Collections.unmodifiableMap(fieldWriters);
    }

    public Map<String, DisplayField> displayFields() {
        return Collections.unmodifiableMap(displayFields);
    }

    public List<io.sentro.spring.events.ChangeEventHook> changeEventHooks() {
        return changeEventHooks;
    }

    public List<Hook> hooks() {
        return Collections.unmodifiableList(hooks);
    }

    public List<Action> actions() {
        return Collections.unmodifiableList(actions);
    }
}
