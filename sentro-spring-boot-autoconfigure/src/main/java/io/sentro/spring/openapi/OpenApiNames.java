package io.sentro.spring.openapi;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import io.sentro.spring.schema.Relation;
import io.sentro.spring.schema.SchemaModel;
import io.sentro.spring.schema.Table;

/**
 * Names in the OpenAPI document: one PascalCase base name per table ({@code post_labels} -> {@code PostLabels}),
 * unique across tables, from which schema names and operation ids derive ({@code listPostLabels}); and the relations
 * the OpenAPI document and the TypeScript declarations show as properties of a row, with their description.
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

    /**
     * The relations of a table that a row may embed, as both descriptions show them: those whose related table is
     * served, and none of whose joining columns (here, in the related table or in a join table) is hidden from every
     * caller; a relation whose name is taken by a display field is left out too.
     */
    static List<Related> related(SchemaModel model, Table table, List<Relation> relations,
            Function<Table, Set<String>> hidden, Collection<String> displayFields) {
        return relations.stream()
                .filter(relation -> !displayFields.contains(relation.name()))
                .filter(relation -> relation.columns().stream().noneMatch(hidden.apply(table)::contains))
                .flatMap(relation -> model.table(relation.table())
                        .filter(target -> relation.targetColumns().stream().noneMatch(hidden.apply(target)::contains))
                        .filter(target -> throughVisible(model, relation, hidden))
                        .map(target -> new Related(relation, target)).stream())
                .toList();
    }

    private static boolean throughVisible(SchemaModel model, Relation relation, Function<Table, Set<String>> hidden) {
        Relation.Through through = relation.through();
        if (through == null) {
            return true;
        }
        Optional<Table> join = model.table(through.table());
        if (join.isEmpty()) {
            return false;
        }
        Set<String> hiddenInJoin = hidden.apply(join.get());
        return through.sourceColumns().stream().noneMatch(hiddenInJoin::contains)
                && through.targetColumns().stream().noneMatch(hiddenInJoin::contains);
    }

    /** A relation a row may embed, with its related table. */
    record Related(Relation relation, Table target) {

        boolean toMany() {
            return relation.kind() != Relation.Kind.MANY_TO_ONE;
        }

        /**
         * What the property holds and when: {@code many-to-one through posts.author_id; present when embedded with
         * embed=author}.
         */
        String description(Table table) {
            String how = switch (relation.kind()) {
                case MANY_TO_ONE -> "many-to-one through " + qualified(table.name(), relation.columns());
                case ONE_TO_MANY -> "one-to-many through " + qualified(target.name(), relation.targetColumns());
                case MANY_TO_MANY -> {
                    Relation.Through through = relation.through();
                    yield "many-to-many through " + (through == null ? target.name() : through.table() + " ("
                            + qualified(through.table(), through.sourceColumns()) + ", "
                            + qualified(through.table(), through.targetColumns()) + ")");
                }
            };
            return how + "; present when embedded with embed=" + relation.name();
        }

        /**
         * Whether a create may carry rows of this relation inline: the related table (and a many-to-many's join
         * table) takes inserts.
         */
        boolean creatable(SchemaModel model) {
            Relation.Through through = relation.through();
            return target.insertable() && (through == null || model.table(through.table()).map(Table::insertable)
                    .orElse(false));
        }

        /** What the property of a nested create holds. */
        String createDescription(Table table) {
            return switch (relation.kind()) {
                case MANY_TO_ONE -> "A row of " + target.name() + " to create first; its key fills "
                        + qualified(table.name(), relation.columns()) + " (give one or the other)";
                case ONE_TO_MANY -> "Rows of " + target.name() + " to create with this one; Sentro fills their "
                        + qualified(target.name(), relation.targetColumns());
                case MANY_TO_MANY -> "Rows of " + target.name() + " to create and link to this one through "
                        + (relation.through() == null ? "the join table" : relation.through().table());
            };
        }

        private static String qualified(String table, List<String> columns) {
            return columns.size() == 1 ? table + "." + columns.get(0)
                    : table + ".(" + String.join(", ", columns) + ")";
        }
    }

    static String camel(String name) {
        String pascal = pascal(name);
        return pascal.substring(0, 1).toLowerCase(Locale.ROOT) + pascal.substring(1);
    }
}
