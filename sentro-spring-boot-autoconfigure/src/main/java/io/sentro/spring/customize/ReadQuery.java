package io.sentro.spring.customize;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A list request as READ hooks see and change it: filters (all must hold), sort, page and projection, in the API's
 * own terms. Changes are checked against the table like client input.
 */
public final class ReadQuery {

    /** One filter: a column, an operator token ({@code eq}, {@code in}, {@code isNull}...) and its value. */
    public record Filter(String column, String operator, @Nullable Object value) {
    }

    private final List<Filter> filters;
    private final List<String> sort;
    private final List<String> fields;
    private @Nullable String search;
    private long limit;
    private long offset;

    public ReadQuery(List<Filter> filters, List<String> sort, List<String> fields, @Nullable String search, long limit,
            long offset) {
        this.filters = new ArrayList<>(filters);
        this.sort = new ArrayList<>(sort);
        this.fields = new ArrayList<>(fields);
        this.search = search;
        this.limit = limit;
        this.offset = offset;
    }

    /** Adds a filter that must hold, e.g. {@code where("org_id", "eq", 42)}. */
    public ReadQuery where(String column, String operator, @Nullable Object value) {
        filters.add(new Filter(column, operator, value));
        return this;
    }

    /** The filters, all of which must hold; a mutable list. */
    public List<Filter> filters() {
        return filters;
    }

    /** Sort items, {@code -column} for descending; a mutable list. */
    public List<String> sort() {
        return sort;
    }

    /** The projection; empty for every column; a mutable list. */
    public List<String> fields() {
        return fields;
    }

    public @Nullable String search() {
        return search;
    }

    public ReadQuery search(@Nullable String search) {
        this.search = search;
        return this;
    }

    public long limit() {
        return limit;
    }

    public ReadQuery limit(long limit) {
        this.limit = limit;
        return this;
    }

    public long offset() {
        return offset;
    }

    public ReadQuery offset(long offset) {
        this.offset = offset;
        return this;
    }
}
