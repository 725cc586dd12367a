package io.sentro.spring.web;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;

import io.sentro.spring.customize.CallSite;
import io.sentro.spring.schema.SchemaModel;
import io.sentro.spring.schema.Table;
import io.sentro.spring.security.AccessPolicy;

/**
 * The tables the caller may read, for the index, {@code _schema}, {@code _types.ts} and error messages: a table the
 * caller may not read is as unknown to them as one that does not exist.
 */
final class ReadableTables {

    private final SchemaModel model;
    private final AccessPolicy access;

    ReadableTables(SchemaModel model, AccessPolicy access) {
        this.model = model;
        this.access = access;
    }

    /**
     * The tables this caller may read. An anonymous caller who may read none is asked to authenticate (401) rather
     * than shown an empty API.
     */
    Predicate<Table> of(CallSite site) {
        Set<String> names = new HashSet<>();
        for (Table table : model.tables()) {
            if (access.mayRead(table, site)) {
                names.add(table.name());
            }
        }
        if (names.isEmpty() && !model.tables().isEmpty() && access.anonymous()) {
            throw access.unauthenticated("Authentication is required to use this API");
        }
        return table -> names.contains(table.name());
    }
}
