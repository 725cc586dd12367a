package io.sentro.spring.customize;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Replaces how one field is written on CREATE and UPDATE: given the client's value, returns the columns to write
 * instead, e.g. {@code title -> {title, slug}}. It runs once per write, inside the write's transaction, and may be
 * slow (it may call other services). Returned columns are checked against the table like client fields.
 */
@FunctionalInterface
public interface FieldWriter {

    Map<String, @Nullable Object> write(@Nullable Object value) throws Exception;
}
