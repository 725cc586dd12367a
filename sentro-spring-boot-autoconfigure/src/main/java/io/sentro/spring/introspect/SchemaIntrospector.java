package io.sentro.spring.introspect;

import java.util.List;

import io.sentro.spring.schema.Table;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads tables, views, columns, keys and comments from a database's own catalogs. Implementations issue a handful
 * of catalog queries for all tables at once, never one query per table.
 */
public interface SchemaIntrospector {

    /** The schemas served when {@code sentro.schemas} is empty: the connection's current schema or database. */
    List<String> defaultSchemas(JdbcTemplate jdbc);

    /**
     * Every table and view of the given schemas, as the database describes them. Write capabilities reflect only
     * what the database allows; Sentro's own rules (primary key needed, read-only configuration) come later.
     */
    List<Table> introspect(JdbcTemplate jdbc, List<String> schemas);
}
