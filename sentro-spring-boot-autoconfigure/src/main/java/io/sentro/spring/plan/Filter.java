package io.sentro.spring.plan;

import io.sentro.spring.query.Operator;
import io.sentro.spring.schema.Column;

/**
 * A checked filter. {@code value} is converted to the column's Java type: a {@code List} for {@code in}/{@code nin},
 * a {@code Boolean} for {@code isNull}, a pattern {@code String} for {@code like}/{@code ilike}.
 */
public record Filter(Column column, Operator operator, Object value) {
}
