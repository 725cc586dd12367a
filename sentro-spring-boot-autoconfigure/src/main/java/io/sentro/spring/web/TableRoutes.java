package io.sentro.spring.web;

import java.util.ArrayList;
import java.util.List;

import io.sentro.spring.customize.Operation;
import io.sentro.spring.schema.Table;

/**
 * The routes one table serves: the single source of which methods it takes on its collection path
 * ({@code {base}/T}) and its item path ({@code {base}/T/{key}}), for the handler mapping, the index, the 405 answers
 * and the OpenAPI document alike.
 *
 * @param table the table
 * @param routes its routes, collection routes first
 */
public record TableRoutes(Table table, List<TableRoutes.Kind> routes) {

    public TableRoutes {
        routes = List.copyOf(routes);
    }

    /** Where a route is: the table's collection path, or one row's path. */
    public enum Target {
        COLLECTION, ITEM
    }

    /** What a route does; each has one handler in {@link ApiEndpoints}. */
    public enum Kind {
        LIST("GET", Target.COLLECTION, Operation.READ, "list"),
        CREATE("POST", Target.COLLECTION, Operation.CREATE, "create"),
        UPDATE_MATCHING("PATCH", Target.COLLECTION, Operation.UPDATE, "update matching"),
        DELETE_MATCHING("DELETE", Target.COLLECTION, Operation.DELETE, "delete matching"),
        GET("GET", Target.ITEM, Operation.READ, "get"),
        UPDATE("PATCH", Target.ITEM, Operation.UPDATE, "update"),
        REPLACE("PUT", Target.ITEM, Operation.UPDATE, "replace"),
        DELETE("DELETE", Target.ITEM, Operation.DELETE, "delete");

        private final String method;
        private final Target target;
        private final Operation operation;
        private final String label;

        Kind(String method, Target target, Operation operation, String label) {
            this.method = method;
            this.target = target;
            this.operation = operation;
            this.label = label;
        }

        public String method() {
            return method;
        }

        public Target target() {
            return target;
        }

        /** The operation whose access rule decides the route. */
        public Operation operation() {
            return operation;
        }

        /** How the route shows in logs: "update matching posts". */
        public String label() {
            return label;
        }
    }

    /**
     * The routes of a table. Rows are addressed by primary key, so a table without one serves its collection's GET
     * and POST only; bulk PATCH and DELETE need the key too, for hooks and row-by-row answers.
     */
    public static TableRoutes of(Table table) {
        List<Kind> routes = new ArrayList<>();
        routes.add(Kind.LIST);
        if (table.insertable()) {
            routes.add(Kind.CREATE);
        }
        if (table.hasPrimaryKey()) {
            if (table.updatable()) {
                routes.add(Kind.UPDATE_MATCHING);
            }
            if (table.deletable()) {
                routes.add(Kind.DELETE_MATCHING);
            }
            routes.add(Kind.GET);
            if (table.updatable()) {
                routes.add(Kind.UPDATE);
                routes.add(Kind.REPLACE);
            }
            if (table.deletable()) {
                routes.add(Kind.DELETE);
            }
        }
        return new TableRoutes(table, routes);
    }

    public boolean serves(Kind kind) {
        return routes.contains(kind);
    }

    /** The methods served on a path, in route order ({@code Allow}, the index). */
    public List<String> methods(Target target) {
        return routes.stream().filter(kind -> kind.target() == target).map(Kind::method).toList();
    }

    /** Why a method is refused on a path, for the 405's detail. */
    public String whyRefused(Target target) {
        boolean item = target == Target.ITEM;
        if (item && !table.hasPrimaryKey()) {
            return "'" + table.name() + "' has no primary key, so its rows cannot be addressed one by one; "
                    + "it is served read-only at " + table.name();
        }
        if (!table.writable()) {
            return table.view() ? "'" + table.name() + "' is a view the database does not allow writing to"
                    : "'" + table.name() + "' is served read-only";
        }
        return "'" + table.name() + "' allows " + String.join(", ", methods(target)) + " here";
    }
}
