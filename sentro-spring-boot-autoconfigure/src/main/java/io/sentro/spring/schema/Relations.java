package io.sentro.spring.schema;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.sentro.spring.schema.Relation.Kind;
import io.sentro.spring.schema.Relation.Through;

/**
 * The relations of every served table, derived once from the foreign keys between served tables.
 * <p>
 * Names: a many-to-one is named after its foreign-key column without a trailing {@code _id} ({@code author_id} →
 * {@code author}), or after the referenced table when the key has several columns or its column does not end in
 * {@code _id}; a one-to-many after the referencing table ({@code posts}); a many-to-many after the far table
 * ({@code labels}). A name that two relations of a table share, or that is also one of its columns, is made
 * specific: {@code <name>_by_<foreign-key columns>} for the first two kinds ({@code posts_by_editor_id}),
 * {@code <name>_via_<join table>} for a many-to-many; a name that still clashes gets {@code _2}, {@code _3}... in
 * the order of the list: many-to-one relations in foreign-key order, then one-to-many, then many-to-many.
 */
public final class Relations {

    private final Map<String, List<Relation>> byTable;
    private final Map<String, Map<String, Relation>> byName = new HashMap<>();

    private Relations(Map<String, List<Relation>> byTable) {
        this.byTable = byTable;
        byTable.forEach((table, relations) -> {
            Map<String, Relation> named = new HashMap<>();
            relations.forEach(relation -> named.put(relation.name(), relation));
            byName.put(table, named);
        });
    }

    public static Relations of(SchemaModel model) {
        Map<String, List<Candidate>> candidates = new LinkedHashMap<>();
        for (Table table : model.tables()) {
            candidates.put(table.name(), new ArrayList<>());
        }
        for (Table table : model.tables()) {
            for (ForeignKey key : table.foreignKeys()) {
                Optional<Table> target = model.target(key);
                if (target.isEmpty()) {
                    continue;
                }
                Table referenced = target.get();
                candidates.get(table.name()).add(new Candidate(manyToOneName(key, referenced), "_by_"
                        + String.join("_", key.columns()), new Relation("", Kind.MANY_TO_ONE, referenced.name(),
                                key.columns(), key.targetColumns(), null)));
                candidates.get(referenced.name()).add(new Candidate(table.name(), "_by_"
                        + String.join("_", key.columns()), new Relation("", Kind.ONE_TO_MANY, table.name(),
                                key.targetColumns(), key.columns(), null)));
            }
        }
        for (Table join : model.tables()) {
            manyToMany(model, join, candidates);
        }
        Map<String, List<Relation>> byTable = new LinkedHashMap<>();
        for (Table table : model.tables()) {
            byTable.put(table.name(), named(table, candidates.get(table.name())));
        }
        return new Relations(byTable);
    }

    /**
     * These relations with one of them renamed (a customizer's {@code renameRelation}).
     *
     * @throws IllegalArgumentException when the table has no relation {@code from}, or {@code to} is another
     * relation's name or a column's
     */
    public Relations renamed(Table table, String from, String to) {
        List<Relation> relations = forTable(table.name());
        Relation renamed = relations.stream().filter(relation -> relation.name().equals(from)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("table '" + table.name() + "' has no relation '" + from
                        + "'. Relations: " + String.join(", ", relations.stream().map(Relation::name).toList())));
        if (!to.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("relation name '" + to + "' must be letters, digits and '_', not "
                    + "starting with a digit");
        }
        if (table.column(to).isPresent() || relations.stream().anyMatch(relation -> relation != renamed
                && relation.name().equals(to))) {
            throw new IllegalArgumentException("'" + to + "' is already a column or a relation of '" + table.name()
                    + "'");
        }
        Map<String, List<Relation>> byTable = new LinkedHashMap<>(this.byTable);
        byTable.put(table.name(), relations.stream().map(relation -> relation != renamed ? relation
                : new Relation(to, relation.kind(), relation.table(), relation.columns(), relation.targetColumns(),
                        relation.through())).toList());
        return new Relations(byTable);
    }

    /** The relations of a table, by URL name; empty when it has none. */
    public List<Relation> forTable(String table) {
        return byTable.getOrDefault(table, List.of());
    }

    /** One relation of a table by name. */
    public Optional<Relation> relation(String table, String name) {
        Map<String, Relation> named = byName.get(table);
        return named == null ? Optional.empty() : Optional.ofNullable(named.get(name));
    }

    private record Candidate(String name, String specificSuffix, Relation relation) {
    }

    private static String manyToOneName(ForeignKey key, Table referenced) {
        if (key.columns().size() == 1) {
            String column = key.columns().get(0);
            if (column.length() > 3 && column.endsWith("_id")) {
                return column.substring(0, column.length() - 3);
            }
        }
        return referenced.name();
    }

    /**
     * A join table: a primary key made of exactly the columns of two foreign keys to served tables. It relates
     * each of the two tables to the other.
     */
    private static void manyToMany(SchemaModel model, Table join, Map<String, List<Candidate>> candidates) {
        if (join.foreignKeys().size() < 2 || !join.hasPrimaryKey()) {
            return;
        }
        Set<String> primaryKey = new HashSet<>(join.primaryKey());
        List<ForeignKey> keys = join.foreignKeys();
        for (int i = 0; i < keys.size(); i++) {
            for (int j = i + 1; j < keys.size(); j++) {
                ForeignKey first = keys.get(i);
                ForeignKey second = keys.get(j);
                Set<String> covered = new HashSet<>(first.columns());
                covered.addAll(second.columns());
                if (!covered.equals(primaryKey) || covered.size() != first.columns().size() + second.columns().size()) {
                    continue;
                }
                Optional<Table> one = model.target(first);
                Optional<Table> other = model.target(second);
                if (one.isEmpty() || other.isEmpty()) {
                    continue;
                }
                candidates.get(one.get().name()).add(manyToMany(join, first, other.get(), second));
                candidates.get(other.get().name()).add(manyToMany(join, second, one.get(), first));
            }
        }
    }

    private static Candidate manyToMany(Table join, ForeignKey toSource, Table far, ForeignKey toFar) {
        return new Candidate(far.name(), "_via_" + join.name(), new Relation("", Kind.MANY_TO_MANY, far.name(),
                toSource.targetColumns(), toFar.targetColumns(), new Through(join.name(), toSource.columns(),
                        toFar.columns())));
    }

    private static List<Relation> named(Table table, List<Candidate> found) {
        // Many-to-one first, in foreign-key order; then one-to-many; then many-to-many (each in table order).
        List<Candidate> candidates = new ArrayList<>(found);
        candidates.sort(Comparator.comparing(candidate -> candidate.relation().kind()));
        Set<String> columns = new HashSet<>();
        table.columns().forEach(column -> columns.add(column.name()));
        Map<String, Integer> uses = new HashMap<>();
        candidates.forEach(candidate -> uses.merge(candidate.name(), 1, Integer::sum));
        Set<String> taken = new HashSet<>(columns);
        List<Relation> relations = new ArrayList<>(candidates.size());
        for (Candidate candidate : candidates) {
            String name = candidate.name();
            if (uses.get(name) > 1 || columns.contains(name)) {
                name = name + candidate.specificSuffix();
            }
            String unique = name;
            for (int n = 2; taken.contains(unique); n++) {
                unique = name + "_" + n;
            }
            taken.add(unique);
            Relation relation = candidate.relation();
            relations.add(new Relation(unique, relation.kind(), relation.table(), relation.columns(),
                    relation.targetColumns(), relation.through()));
        }
        return List.copyOf(relations);
    }
}
