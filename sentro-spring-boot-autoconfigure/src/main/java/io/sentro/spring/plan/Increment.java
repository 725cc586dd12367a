package io.sentro.spring.plan;

/**
 * A column value written as the column's own value plus one ({@code "version" = "version" + 1}): how every update
 * moves the version column ({@link RowTags}). Only the planner creates it.
 */
public record Increment() {
}
