package io.sentro.spring.schema;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A way from a table's rows to related rows, derived from a foreign key.
 *
 * @param name the relation's name, unique among the table's relations and columns
 * @param kind how many related rows each row has
 * @param table the related table's URL name
 * @param columns this table's columns that join ({@code posts.author_id} for {@code author}; the primary key for a
 * one-to-many or many-to-many)
 * @param targetColumns the related table's columns they equal ({@code authors.id}; {@code posts.author_id})
 * @param through for a many-to-many, the join table between them; null otherwise
 */
public record Relation(String name, Kind kind, String table, List<String> columns, List<String> targetColumns,
        @Nullable Through through) {

    public Relation {
        columns = List.copyOf(columns);
        targetColumns = List.copyOf(targetColumns);
    }

    /** How many related rows each row has. */
    public enum Kind {

        /** At most one: this table holds the foreign key ({@code posts.author_id → authors}). */
        MANY_TO_ONE,

        /** Any number: the related table holds the foreign key ({@code authors ← posts.author_id}). */
        ONE_TO_MANY,

        /** Any number, through a join table whose primary key is two foreign keys ({@code posts ↔ labels}). */
        MANY_TO_MANY
    }

    /**
     * The join table of a many-to-many: its {@code sourceColumns} equal this table's {@link #columns()}, its
     * {@code targetColumns} equal the related table's {@link #targetColumns()}.
     */
    public record Through(String table, List<String> sourceColumns, List<String> targetColumns) {

        public Through {
            sourceColumns = List.copyOf(sourceColumns);
            targetColumns = List.copyOf(targetColumns);
        }
    }
}
