package io.sentro.spring.plan;

import java.util.List;
import java.util.Map;

import io.sentro.spring.schema.Relation;
import io.sentro.spring.schema.Table;

import org.jspecify.annotations.Nullable;

/**
 * One row of a nested insert ({@code POST {base}/posts} with {@code {"title": …, "author": {…}, "comments": […]}}),
 * read and checked against the model before anything is written: its own values, typed, and the related rows given
 * inline under relation names. The foreign keys that tie them together are not in any row's values: they are filled
 * in as the rows are created, from the rows they point to.
 *
 * @param table the row's table
 * @param grant what the caller may create in it (their CREATE grant on {@code table})
 * @param values the row's own column values, typed, held to the caller's row scope
 * @param path the row's place in the body, as errors name it: {@code ""} for the top object, {@code [2].},
 * {@code comments[1].}, {@code author.}
 * @param parents many-to-one relations: each one row, created before this one, whose key fills this row's foreign key
 * @param children one-to-many and many-to-many relations: rows created after this one, with its key
 */
public record NestedRow(Table table, Grant grant, Map<String, @Nullable Object> values, String path,
        List<Related> parents, List<Related> children) {

    public NestedRow {
        parents = List.copyOf(parents);
        children = List.copyOf(children);
    }

    /** How many rows this one creates with its related rows (join rows of many-to-many relations included). */
    public int rowCount() {
        int count = 1;
        for (Related related : parents) {
            count += related.rowCount();
        }
        for (Related related : children) {
            count += related.rowCount();
        }
        return count;
    }

    /**
     * Related rows given inline under a relation's name.
     *
     * @param relation the relation, from the enclosing row's table
     * @param rows the related rows (one for a many-to-one)
     * @param through for a many-to-many, the join table a row is created in for each related row, and the caller's
     * CREATE grant on it; null otherwise
     */
    public record Related(Relation relation, List<NestedRow> rows, @Nullable JoinTable through) {

        public Related {
            rows = List.copyOf(rows);
        }

        int rowCount() {
            int count = through != null ? rows.size() : 0;
            for (NestedRow row : rows) {
                count += row.rowCount();
            }
            return count;
        }
    }

    /** The join table of a many-to-many relation, and what the caller may create in it. */
    public record JoinTable(Table table, Grant grant) {
    }

    /** A body of nested rows: one object, or an array of them. */
    public record Body(List<NestedRow> rows, boolean many) {

        public Body {
            rows = List.copyOf(rows);
        }
    }
}
