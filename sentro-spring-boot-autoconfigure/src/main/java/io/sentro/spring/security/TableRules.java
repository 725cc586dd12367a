package io.sentro.spring.security;

import java.util.List;
import java.util.Map;

import io.sentro.spring.customize.Operation;

/**
 * The access rules configured for one table in properties ({@code sentro.security.access.tables.<table>.*}), as
 * written: rule texts per operation and per action id, and the hidden columns.
 */
public record TableRules(Map<Operation, String> operations, Map<String, String> actions, List<String> hiddenColumns) {

    public static final TableRules NONE = new TableRules(Map.of(), Map.of(), List.of());

    public TableRules {
        operations = Map.copyOf(operations);
        actions = Map.copyOf(actions);
        hiddenColumns = List.copyOf(hiddenColumns);
    }
}
