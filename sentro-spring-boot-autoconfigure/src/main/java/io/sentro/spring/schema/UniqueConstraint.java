package io.sentro.spring.schema;

import java.util.List;

/**
 * A unique constraint (or unique index) over {@code columns}.
 */
public record UniqueConstraint(String name, List<String> columns) {

    public UniqueConstraint {
        columns = List.copyOf(columns);
    }
}
