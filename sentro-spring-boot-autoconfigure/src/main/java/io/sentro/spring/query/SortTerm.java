package io.sentro.spring.query;

/** One {@code sort} item: a column name, descending when written with a leading minus. */
public record SortTerm(String column, boolean descending) {
}
