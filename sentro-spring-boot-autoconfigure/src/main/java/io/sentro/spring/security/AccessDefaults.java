package io.sentro.spring.security;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import io.sentro.spring.customize.Operation;

import org.jspecify.annotations.Nullable;

/**
 * The rules for tables without one of their own: one per operation ({@code sentro.security.access.defaults.*}), each
 * falling back to the one default for everything ({@code sentro.security.access.default}).
 *
 * @param fallback the default for everything: permit-all, authenticated or deny-all
 * @param operations the rule of each operation, the fallback where none was set
 */
public record AccessDefaults(AccessRule fallback, Map<Operation, AccessRule> operations) {

    public AccessDefaults {
        EnumMap<Operation, AccessRule> complete = new EnumMap<>(Operation.class);
        for (Operation operation : Operation.values()) {
            complete.put(operation, operations.getOrDefault(operation, fallback));
        }
        operations = Map.copyOf(complete);
    }

    /** One default for every operation. */
    public static AccessDefaults of(AccessRule fallback) {
        return new AccessDefaults(fallback, Map.of());
    }

    /**
     * Parses the properties: the fallback must be permit-all, authenticated or deny-all; a rule per operation may
     * also name roles. Null or blank texts per operation are unset.
     *
     * @throws IllegalStateException naming the property when a rule is malformed
     */
    public static AccessDefaults parse(String fallback, Map<Operation, @Nullable String> perOperation) {
        AccessRule fallbackRule = parse(fallback, "sentro.security.access.default");
        if (fallbackRule != AccessRule.PERMIT_ALL && fallbackRule != AccessRule.AUTHENTICATED
                && fallbackRule != AccessRule.DENY_ALL) {
            throw new IllegalStateException("sentro.security.access.default is '" + fallback
                    + "': expected permit-all, authenticated or deny-all (roles go in "
                    + "sentro.security.access.defaults.read, .create, .update, .delete)");
        }
        Map<Operation, AccessRule> rules = new EnumMap<>(Operation.class);
        perOperation.forEach((operation, text) -> {
            if (text != null && !text.isBlank()) {
                rules.put(operation, parse(text, "sentro.security.access.defaults."
                        + operation.name().toLowerCase(Locale.ROOT)));
            }
        });
        return new AccessDefaults(fallbackRule, rules);
    }

    private static AccessRule parse(String text, String where) {
        try {
            return AccessRule.parse(text, where);
        }
        catch (IllegalArgumentException ex) {
            throw new IllegalStateException(ex.getMessage(), ex);
        }
    }

    /** The rule of {@code operation} for a table without one of its own. */
    public AccessRule rule(Operation operation) {
        return operations.get(operation);
    }

    /** Whether some default lets a caller in only with credentials (so a key is worth generating). */
    public boolean needCredentials() {
        return operations.values().stream().anyMatch(rule -> !rule.permitsAnonymous() && !rule.deniesAll());
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(fallback.toString());
        operations.entrySet().stream().filter(entry -> entry.getValue() != fallback)
                .sorted(Map.Entry.comparingByKey())
                .forEach(entry -> text.append(", ").append(entry.getKey().name().toLowerCase(Locale.ROOT)).append('=')
                        .append(entry.getValue()));
        return text.toString();
    }
}
