package io.sentro.spring.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.sentro.spring.customize.AccessRequest;
import io.sentro.spring.customize.Action;
import io.sentro.spring.customize.CallSite;
import io.sentro.spring.customize.Callers;
import io.sentro.spring.customize.ModelCustomizer;
import io.sentro.spring.customize.Operation;
import io.sentro.spring.customize.RowScope;
import io.sentro.spring.error.ErrorCode;
import io.sentro.spring.error.SentroException;
import io.sentro.spring.pipeline.CustomizerRegistry;
import io.sentro.spring.pipeline.TablePipeline;
import io.sentro.spring.plan.Grant;
import io.sentro.spring.schema.Column;
import io.sentro.spring.schema.SchemaModel;
import io.sentro.spring.schema.Table;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Who may do what to which table. Rules come from three places, the first that has one wins:
 * <ol>
 * <li>properties, {@code sentro.security.access.tables.<table>.<operation>} and {@code .actions.<id>};</li>
 * <li>customizers, {@link ModelCustomizer#access}, {@link ModelCustomizer#allow}, {@link ModelCustomizer#authorize}
 * (the last customizer in {@code @Order} order wins);</li>
 * <li>for an operation, {@code sentro.security.access.defaults.<operation>}, else {@code sentro.security.access.default};
 * an action without a rule follows its table's UPDATE rule, decided as above.</li>
 * </ol>
 * Hidden columns add up from properties and customizers. Each request is decided once, before any hook runs, with
 * the {@link Authentication} of Spring Security's context: an anonymous caller who is refused gets 401, a signed-in
 * caller 403, and the decision becomes the request's {@link Grant}.
 */
public final class AccessPolicy {

    private final Map<String, TableAccess> tables = new LinkedHashMap<>();
    private final Map<String, Grant> staticGrants = new LinkedHashMap<>();
    private final AccessDefaults defaults;
    private final SecurityContextHolderStrategy contexts;
    private final String challenge;
    /**
     * @param configured rules from properties by table name; a name that is not a served table fails the start
     * @param challenge the {@code WWW-Authenticate} value of a 401, naming the credentials the API accepts
     */
    public AccessPolicy(SchemaModel model, CustomizerRegistry registry, AccessDefaults defaults,
            Map<String, TableRules> configured, SecurityContextHolderStrategy contexts, String challenge) {
        this.defaults = defaults;
        this.contexts = contexts;
        this.challenge = challenge;
        for (String name : configured.keySet()) {
            if (model.table(name).isEmpty()) {
                throw new IllegalStateException("sentro.security.access.tables." + name + ": no served table is named '"
                        + name + "'. Served tables: " + String.join(", ", model.tables().stream().map(Table::name)
                                .toList()));
            }
        }
        for (Table table : model.tables()) {
            TableAccess access = resolve(table, registry.pipeline(table),
                    configured.getOrDefault(table.name(), TableRules.NONE));
            tables.put(table.name(), access);
            if (access.scopes().isEmpty()
                    && access.hidden().stream().allMatch(hidden -> hidden.exempt() == null)) {
                staticGrants.put(table.name(), new Grant(access.hiddenFromEveryone()));
            }
        }
    }

    private TableAccess resolve(Table table, TablePipeline pipeline, TableRules configured) {
        String prefix = "sentro.security.access.tables." + table.name() + ".";
        Map<Operation, AccessRule> operations = new EnumMap<>(Operation.class);
        for (Operation operation : Operation.values()) {
            String property = configured.operations().get(operation);
            ModelCustomizer.AccessDeclaration declared = pipeline.operationAccess().get(operation);
            String where = prefix + operation.name().toLowerCase(java.util.Locale.ROOT);
            operations.put(operation, property != null ? parse(property, where)
                    : declared != null ? rule(declared, "ModelCustomizer of '" + table.name() + "'")
                    : defaults.rule(operation));
        }
        for (String id : configured.actions().keySet()) {
            if (pipeline.action(id).isEmpty()) {
                throw new IllegalStateException(prefix + "actions." + id + ": '" + table.name() + "' has no action '"
                        + id + "'. Actions: " + pipeline.actions().stream().map(Action::id).toList());
            }
        }
        Map<String, AccessRule> actions = new LinkedHashMap<>();
        for (Action action : pipeline.actions()) {
            String property = configured.actions().get(action.id());
            ModelCustomizer.AccessDeclaration declared = pipeline.actionAccess().get(action.id());
            actions.put(action.id(), property != null ? parse(property, prefix + "actions." + action.id())
                    : declared != null ? rule(declared, "ModelCustomizer of '" + table.name() + "'")
                    : operations.get(TableAccess.defaultOperation(action)));
        }
        List<TableAccess.Hidden> hidden = new ArrayList<>();
        if (!configured.hiddenColumns().isEmpty()) {
            for (String column : configured.hiddenColumns()) {
                if (table.column(column).isEmpty()) {
                    throw new IllegalStateException(prefix + "hidden-columns: '" + table.name() + "' has no column '"
                            + column + "'. Columns: " + table.columns().stream().map(Column::name).toList());
                }
            }
            hidden.add(new TableAccess.Hidden(new LinkedHashSet<>(configured.hiddenColumns()), null));
        }
        for (ModelCustomizer.HiddenColumns declared : pipeline.hiddenColumns()) {
            hidden.add(new TableAccess.Hidden(new LinkedHashSet<>(declared.columns()), AccessRule.roles(
                    declared.exceptForRoles(), "hideColumnsExceptFor on '" + table.name() + "'")));
        }
        List<TableAccess.Scope> scopes = new ArrayList<>();
        configured.rowScope().forEach((column, attribute) -> {
            if (table.column(column).isEmpty()) {
                throw new IllegalStateException(prefix + "row-scope." + column + ": '" + table.name()
                        + "' has no column '" + column + "'. Columns: " + table.columns().stream().map(Column::name)
                                .toList());
            }
            scopes.add(new TableAccess.Scope(column, caller -> PrincipalAttributes.of(caller).get(attribute),
                    "the caller's attribute '" + attribute + "'"));
        });
        pipeline.rowScopes().forEach((column, scope) -> scopes.add(new TableAccess.Scope(column, scope,
                "a value of the customizer's")));
        return new TableAccess(table, operations, actions, hidden, scopes);
    }

    private static AccessRule parse(String text, String where) {
        try {
            return AccessRule.parse(text, where);
        }
        catch (IllegalArgumentException ex) {
            throw new IllegalStateException(ex.getMessage(), ex);
        }
    }

    private static AccessRule rule(ModelCustomizer.AccessDeclaration declared, String where) {
        return declared.manager() != null ? AccessRule.custom(declared.manager())
                : parse(java.util.Objects.requireNonNull(declared.rule()), where);
    }

    /** The rule that applies when nothing more specific does ({@code sentro.security.access.default}). */
    public AccessRule defaultRule() {
        return defaults.fallback();
    }

    /** The rules per operation for tables without their own. */
    public AccessDefaults defaults() {
        return defaults;
    }

    /**
     * Decides whether the caller may run {@code operation} on {@code table}: the request's grant, or a 401/403
     * problem naming the table and the operation.
     */
    public Grant authorize(Table table, Operation operation, CallSite call) {
        TableAccess access = access(table);
        AccessRequest accessRequest = new AccessRequest(table, operation, null, call);
        decide(access.rule(operation), accessRequest, operation.name().toLowerCase(java.util.Locale.ROOT));
        return grant(access, accessRequest);
    }

    /** Decides whether the caller may run an action; see {@link #authorize}. */
    public Grant authorizeAction(Table table, Action action, CallSite call) {
        TableAccess access = access(table);
        AccessRequest accessRequest = new AccessRequest(table, TableAccess.defaultOperation(action), action.id(),
                call);
        decide(access.actionRule(action), accessRequest, "action '" + action.id() + "'");
        return grant(access, accessRequest);
    }

    /** Whether the caller may read the table (to list it in {@code GET {base}}, {@code _schema}, {@code _types.ts}). */
    public boolean mayRead(Table table, CallSite call) {
        return granted(access(table).rule(Operation.READ), new AccessRequest(table, Operation.READ, null, call));
    }

    /** Whether the caller may run {@code operation} on {@code table}, for the index: what a client may offer. */
    public boolean may(Table table, Operation operation, CallSite call) {
        return granted(access(table).rule(operation), new AccessRequest(table, operation, null, call));
    }

    /** Whether the caller may run the action; see {@link #may}. */
    public boolean mayRun(Table table, Action action, CallSite call) {
        return granted(access(table).actionRule(action), new AccessRequest(table, TableAccess.defaultOperation(action),
                action.id(), call));
    }

    /** The rule that decides {@code operation} on {@code table} (for documentation: OpenAPI, the start-up log). */
    public AccessRule rule(Table table, Operation operation) {
        return access(table).rule(operation);
    }

    /** The rule that decides an action. */
    public AccessRule rule(Table table, Action action) {
        return access(table).actionRule(action);
    }

    /** Columns no caller sees, whatever their roles (left out of {@code _schema}, OpenAPI and TypeScript). */
    public Set<String> hiddenFromEveryone(Table table) {
        return access(table).hiddenFromEveryone();
    }

    /** Whether the current caller is anonymous (no credentials, or Spring Security's anonymous token). */
    public boolean anonymous() {
        return Callers.authenticated(authentication()).isEmpty();
    }

    /** A 401 problem with the challenge that names the credentials the API accepts. */
    public SentroException unauthenticated(String detail) {
        return new SentroException(ErrorCode.UNAUTHENTICATED, detail).withHeaders(Map.of(HttpHeaders.WWW_AUTHENTICATE,
                challenge));
    }

    /** One line per table for the start-up log: who may do what. */
    public List<String> describe() {
        return tables.values().stream().map(TableAccess::describe).toList();
    }

    private boolean granted(AccessRule rule, AccessRequest request) {
        AuthorizationResult result = rule.manager().authorize(this::authentication, request);
        return result != null && result.isGranted();
    }

    private void decide(AccessRule rule, AccessRequest request, String what) {
        if (granted(rule, request)) {
            return;
        }
        String table = request.table().name();
        if (anonymous()) {
            throw unauthenticated("Authentication is required for " + what + " on table '" + table + "'").withExtensions(Map.of("table", table, "operation", operationName(request)));
        }
        throw new SentroException(ErrorCode.FORBIDDEN, "Access denied: " + what + " on table '" + table
                + "' is not allowed for this caller").withExtensions(Map.of("table", table, "operation", operationName(request)));
    }

    private static String operationName(AccessRequest request) {
        return request.action() != null ? "action:" + request.action()
                : request.operation().name().toLowerCase(java.util.Locale.ROOT);
    }

    private Grant grant(TableAccess access, AccessRequest request) {
        Grant fixed = staticGrants.get(access.table().name());
        if (fixed != null) {
            return fixed;
        }
        Set<String> hidden = new LinkedHashSet<>();
        for (TableAccess.Hidden entry : access.hidden()) {
            if (entry.exempt() == null || !granted(entry.exempt(), request)) {
                hidden.addAll(entry.columns());
            }
        }
        List<Grant.ScopedColumn> scope = new ArrayList<>();
        Authentication caller = authentication();
        for (TableAccess.Scope entry : access.scopes()) {
            Object value = caller == null ? null : entry.value().valueFor(caller);
            if (value == RowScope.ALL_ROWS) {
                continue;
            }
            List<Object> allowed = new ArrayList<>();
            if (value instanceof Collection<?> values) {
                values.stream().filter(java.util.Objects::nonNull).forEach(allowed::add);
            }
            else if (value != null && !String.valueOf(value).isEmpty()) {
                allowed.add(value);
            }
            if (allowed.isEmpty()) {
                // A caller without the attribute gets no rows, not all rows.
                return new Grant(hidden, List.of(), true);
            }
            scope.add(new Grant.ScopedColumn(entry.column(), allowed));
        }
        return new Grant(hidden, scope, false);
    }

    private @Nullable Authentication authentication() {
        return contexts.getContext().getAuthentication();
    }

    private TableAccess access(Table table) {
        TableAccess access = tables.get(table.name());
        if (access == null) {
            throw new IllegalArgumentException("Not a served table: " + table.name());
        }
        return access;
    }
}
