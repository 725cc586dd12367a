package io.sentro.spring.openapi;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import io.sentro.spring.schema.Table;

/**
 * Names in the OpenAPI document: one PascalCase base name per table ({@code post_labels} -> {@code PostLabels}),
 * unique across tables, from which schema names and operation ids derive ({@code listPostLabels}).
 */
final class OpenApiNames {

    private final Map<String, String> byTable = new HashMap<>();

    OpenApiNames(Iterable<Table> tables) {
        Map<String, Integer> used = new HashMap<>();
        used.put("Problem", 1);
        used.put("Schema", 1);
        for (Table table : tables) {
            String base = pascal(table.name());
            int count = used.merge(base, 1, Integer::sum);
            byTable.put(table.name(), count == 1 ? base : base + count);
        }
    }

    String of(Table table) {
        return byTable.get(table.name());
    }

    /** {@code export-markdown} -> {@code ExportMarkdown}; digits first get a prefix, for valid identifiers. */
    static String pascal(String name) {
        StringBuilder out = new StringBuilder();
        boolean upper = true;
        for (char c : name.toCharArray()) {
            if (Character.isLetterOrDigit(c)) {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
            else {
                upper = true;
            }
        }
        if (out.isEmpty() || Character.isDigit(out.charAt(0))) {
            out.insert(0, "T");
        }
        return out.toString();
    }

    static String camel(String name) {
        String pascal = pascal(name);
        return pascal.substring(0, 1).toLowerCase(Locale.ROOT) + pascal.substring(1);
    }
}
