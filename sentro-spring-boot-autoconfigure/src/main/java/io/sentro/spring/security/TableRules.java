package io.sentro.spring.security;

import java.util.List;
import java.util.Map;

import io.sentro.spring.customize.Operation;

/**
 * The access rules configured for one table in properties ({@code sentro.security.access.tables.<table>.*}), as
 * written: rule texts per operation and per action id, the hidden columns, and the row scope (column to the caller's
 * attribute it must equal).
 */
public record TableRules(Map<Operation, String> operations, Map<String, String> actions, List<String> hiddenColumns,
        Map<String, String> rowScope) {

    public static final TableRules NONE = new TableRules(Map.of(), Map.of(), List.of(), Map.of());

    public TableRules {
        operations = Map.copyOf(operations);
        actions = Map.copyOf(actions);
        hiddenColumns = List.copyOf(hiddenColumns);
        rowScope = Map.copyOf(rowScope);
    }
}
