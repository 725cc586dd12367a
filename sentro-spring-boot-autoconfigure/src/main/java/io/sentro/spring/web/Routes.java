package io.sentro.spring.web;

import java.util.ArrayList;
import java.util.List;

import io.sentro.spring.schema.Table;

/**
 * Which methods a table serves, on its collection path ({@code {base}/T}) and on its item path
 * ({@code {base}/T/{key}}), and why a refused one is refused.
 */
final class Routes {

    private Routes() {
    }

    static List<String> collectionMethods(Table table) {
        List<String> methods = new ArrayList<>(List.of("GET"));
        if (table.insertable()) {
            methods.add("POST");
        }
        return methods;
    }

    static List<String> itemMethods(Table table) {
        List<String> methods = new ArrayList<>();
        if (!table.hasPrimaryKey()) {
            return methods;
        }
        methods.add("GET");
        if (table.updatable()) {
            methods.add("PATCH");
            methods.add("PUT");
        }
        if (table.deletable()) {
            methods.add("DELETE");
        }
        return methods;
    }

    static String whyRefused(Table table, boolean item, String method) {
        if (item && !table.hasPrimaryKey()) {
            return "'" + table.name() + "' has no primary key, so its rows cannot be addressed one by one; "
                    + "it is served read-only at " + table.name();
        }
        if (!table.writable()) {
            return table.view() ? "'" + table.name() + "' is a view the database does not allow writing to"
                    : "'" + table.name() + "' is served read-only";
        }
        return "'" + table.name() + "' allows " + String.join(", ", item ? itemMethods(table) : collectionMethods(table))
                + " here";
    }
}
