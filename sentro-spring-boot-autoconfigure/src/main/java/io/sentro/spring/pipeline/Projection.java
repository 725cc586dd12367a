package io.sentro.spring.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.sentro.spring.customize.DisplayField;

import org.jspecify.annotations.Nullable;

/**
 * The fields a request asks of one table, split into what to select and what to compute, and how rows read with
 * it are shaped for the response.
 *
 * @param columns the names to select; empty for every column
 * @param displayFields the display fields to compute on each row
 * @param requested the fields to return, in order; empty for every field
 */
record Projection(List<String> columns, List<String> displayFields, List<String> requested) {

    /** What to select and compute for the fields asked of a table (empty for all). */
    static Projection of(TablePipeline pipeline, List<String> fields) {
        if (fields.isEmpty()) {
            return new Projection(List.of(), new ArrayList<>(pipeline.displayFields().keySet()), List.of());
        }
        List<String> displayFields = fields.stream().filter(pipeline::isDisplayField).toList();
        if (displayFields.isEmpty()) {
            return new Projection(fields, List.of(), List.of());
        }
        // Display fields compute from the whole row, so it is read whole and trimmed afterwards.
        for (String field : fields) {
            if (!pipeline.isDisplayField(field) && pipeline.table().column(field).isEmpty()) {
                return new Projection(fields, List.of(), List.of()); // the planner names the unknown column
            }
        }
        return new Projection(List.of(), displayFields, fields);
    }

    /**
     * Shapes rows in place: computes the display fields, keeps the requested fields (and the embedded relations,
     * after them), and leaves out {@code helpers}, the columns read only to join embedded relations. A whole row
     * reads: its columns, its display fields, its embedded relations.
     */
    void apply(TablePipeline pipeline, List<Map<String, @Nullable Object>> rows, Set<String> helpers,
            List<String> relations) {
        if (displayFields.isEmpty() && helpers.isEmpty()) {
            return;
        }
        boolean reorder = !helpers.isEmpty() || !relations.isEmpty();
        for (int i = 0; i < rows.size(); i++) {
            Map<String, @Nullable Object> row = rows.get(i);
            if (!requested.isEmpty()) {
                for (String name : displayFields) {
                    row.put(name, pipeline.displayFields().get(name).compute(row));
                }
                Map<String, @Nullable Object> projected = new LinkedHashMap<>();
                for (String name : requested) {
                    projected.put(name, row.get(name));
                }
                for (String name : relations) {
                    projected.put(name, row.get(name));
                }
                rows.set(i, projected);
            }
            else if (!reorder) {
                for (String name : displayFields) {
                    row.put(name, pipeline.displayFields().get(name).compute(row));
                }
            }
            else {
                Map<String, @Nullable Object> shaped = new LinkedHashMap<>();
                row.forEach((name, value) -> {
                    if (!helpers.contains(name) && !relations.contains(name)) {
                        shaped.put(name, value);
                    }
                });
                for (String name : displayFields) {
                    DisplayField field = pipeline.displayFields().get(name);
                    shaped.put(name, field.compute(row));
                }
                for (String name : relations) {
                    shaped.put(name, row.get(name));
                }
                rows.set(i, shaped);
            }
        }
    }
}
