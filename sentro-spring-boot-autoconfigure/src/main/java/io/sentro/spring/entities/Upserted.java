package io.sentro.spring.entities;

/**
 * The row an upsert wrote or found, and what happened to it.
 *
 * @param row the row as the caller may see it
 * @param created whether it was inserted (else it existed: merged or left as it was)
 */
public record Upserted(Row row, boolean created) {
}
