package io.sentro.spring.plan;

import java.util.List;
import java.util.Map;

import io.sentro.spring.request.CountMode;
import io.sentro.spring.schema.Column;
import io.sentro.spring.schema.Table;

/**
 * A request checked against the schema: every name resolved to a column, every value converted to its Java type.
 * Only the SQL renderer turns a plan into SQL.
 */
public sealed interface OperationPlan {

    Table table();

    /** List rows: projection, condition, order, page, and how to count. */
    record ReadPlan(Table table, List<Column> projection, Condition condition, List<SortOrder> order, long limit,
            long offset, CountMode count) implements OperationPlan {

        public ReadPlan {
            projection = List.copyOf(projection);
            order = List.copyOf(order);
        }
    }

    /** One row by primary key, when it also meets {@code scope} (the caller's row scope). */
    record GetPlan(Table table, Key key, List<Column> projection, Condition scope) implements OperationPlan {

        public GetPlan {
            projection = List.copyOf(projection);
        }
    }

    /** Insert rows; each map holds the values given for its row, in body order. */
    record CreatePlan(Table table, List<Map<Column, Object>> rows, boolean many) implements OperationPlan {

        public CreatePlan {
            rows = List.copyOf(rows);
        }
    }

    /**
     * Update one row by key, when it meets {@code scope}. With {@code replace} (PUT) the columns not given are reset to
     * their default or NULL.
     */
    record UpdatePlan(Table table, Key key, Map<Column, Object> values, boolean replace, Condition scope)
            implements OperationPlan {
    }

    /** Delete one row by key, when it meets {@code scope}. */
    record DeletePlan(Table table, Key key, Condition scope) implements OperationPlan {
    }
}
