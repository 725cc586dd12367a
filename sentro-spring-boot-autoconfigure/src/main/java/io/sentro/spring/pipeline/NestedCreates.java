package io.sentro.spring.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.sentro.spring.customize.CallSite;
import io.sentro.spring.plan.NestedRow;
import io.sentro.spring.plan.NestedRow.Related;
import io.sentro.spring.pipeline.RowWrites.WrittenRow;
import io.sentro.spring.schema.Relation;

import org.jspecify.annotations.Nullable;

/**
 * Creates a row with its related rows ({@link NestedRow}), each through its own table's CREATE pipeline, in the order
 * the foreign keys need: a many-to-one's row first (its key fills this row's foreign key), then the row, then its
 * one-to-many rows (their foreign keys filled with its key) and its many-to-many rows, each with a row of the join
 * table that links the two. The caller runs it in one transaction: a row that fails, at any depth, leaves nothing.
 * <p>
 * The answer is the row as its after hooks left it, with the related rows created under their relation's name, as
 * {@code embed} shows them ({@code {"id": 7, "title": …, "author": {…}, "comments": [{…}]}}).
 */
final class NestedCreates {

    private final CustomizerRegistry registry;
    private final RowWrites rows;

    NestedCreates(CustomizerRegistry registry, RowWrites rows) {
        this.registry = registry;
        this.rows = rows;
    }

    /** One row created with its related rows: as stored, and as the response shows it (related rows embedded). */
    record Created(Map<String, @Nullable Object> stored, Map<String, @Nullable Object> shown, @Nullable String tag) {
    }

    Created create(NestedRow row, CallSite call) {
        return create(row, Map.of(), call);
    }

    /** {@code filled}: foreign key values from the row this one is nested in. */
    private Created create(NestedRow row, Map<String, @Nullable Object> filled, CallSite call) {
        Map<String, @Nullable Object> values = new LinkedHashMap<>(row.values());
        values.putAll(filled);
        Map<String, @Nullable Object> embedded = new LinkedHashMap<>();
        for (Related parent : row.parents()) {
            Relation relation = parent.relation();
            Created created = create(parent.rows().get(0), Map.of(), call);
            values.putAll(copy(created.stored(), relation.targetColumns(), relation.columns(), parent.rows().get(0)));
            embedded.put(relation.name(), created.shown());
        }
        WrittenRow self = rows.create(registry.pipeline(row.table()), values, row.path(), row.grant(), call);
        for (Related child : row.children()) {
            Relation relation = child.relation();
            List<Map<String, @Nullable Object>> shown = new ArrayList<>(child.rows().size());
            for (NestedRow related : child.rows()) {
                if (child.through() == null) {
                    Map<String, @Nullable Object> key = copy(self.stored(), relation.columns(),
                            relation.targetColumns(), row);
                    shown.add(create(related, key, call).shown());
                    continue;
                }
                Created far = create(related, Map.of(), call);
                Relation.Through join = relation.through();
                Map<String, @Nullable Object> link = new LinkedHashMap<>(copy(self.stored(), relation.columns(),
                        join.sourceColumns(), row));
                link.putAll(copy(far.stored(), relation.targetColumns(), join.targetColumns(), related));
                rows.create(registry.pipeline(child.through().table()), link, related.path(), child.through().grant(),
                        call);
                shown.add(far.shown());
            }
            embedded.put(relation.name(), shown);
        }
        Map<String, @Nullable Object> shown = new LinkedHashMap<>(row.grant().strip(self.shownOrEmpty()));
        shown.putAll(embedded);
        return new Created(self.stored(), shown, self.tag());
    }

    /**
     * The values of {@code from}'s columns in a stored row, under the names of the columns they fill. A row an
     * around hook answered without storing it has no key to give: that is the application's mistake, a 500.
     */
    private static Map<String, @Nullable Object> copy(Map<String, @Nullable Object> stored, List<String> from,
            List<String> to, NestedRow source) {
        Map<String, @Nullable Object> values = new LinkedHashMap<>();
        for (int i = 0; i < from.size(); i++) {
            if (!stored.containsKey(from.get(i))) {
                throw new IllegalStateException("The row of '" + source.table().name() + "' at '" + source.path()
                        + "' was not stored with its column '" + from.get(i) + "' (did an around hook on CREATE answer "
                        + "without calling next.proceed?): the rows nested with it need it");
            }
            values.put(to.get(i), stored.get(from.get(i)));
        }
        return values;
    }
}
