package io.sentro.spring.schema;

import java.util.List;

/**
 * A foreign key from this table's {@code columns} to {@code targetColumns} of {@code targetTable}.
 *
 * @param name the constraint name
 * @param columns the referencing columns, in key order
 * @param targetSchema the referenced table's schema
 * @param targetTable the referenced table's name in the database
 * @param targetColumns the referenced columns, in key order
 */
public record ForeignKey(String name, List<String> columns, String targetSchema, String targetTable,
        List<String> targetColumns) {

    public ForeignKey {
        columns = List.copyOf(columns);
        targetColumns = List.copyOf(targetColumns);
    }
}
