package io.sentro.spring.entities;

import java.util.ArrayList;
import java.util.List;

import io.sentro.spring.query.EmbedQuery;
import io.sentro.spring.query.Operator;
import io.sentro.spring.query.SortTerm;

import org.jspecify.annotations.Nullable;

/**
 * A relation to embed in each row of a {@link Query}, with its own projection, filters, sort and limit, and the
 * relations embedded in its rows: {@code Embed.of("comments").where("status", EQ, "approved").limit(3)}. Immutable:
 * each method returns a new embed.
 */
public final class Embed {

    private final String relation;
    private final List<String> fields;
    private final List<Filter> filters;
    private final List<Sort> sort;
    private final @Nullable Long limit;
    private final List<Embed> embeds;

    private Embed(String relation, List<String> fields, List<Filter> filters, List<Sort> sort, @Nullable Long limit,
            List<Embed> embeds) {
        this.relation = relation;
        this.fields = List.copyOf(fields);
        this.filters = List.copyOf(filters);
        this.sort = List.copyOf(sort);
        this.limit = limit;
        this.embeds = List.copyOf(embeds);
    }

    /** The relation as the table names it: a foreign key's table ({@code author}) or a referencing one. */
    public static Embed of(String relation) {
        return new Embed(relation, List.of(), List.of(), List.of(), null, List.of());
    }

    public Embed fields(String... fields) {
        return new Embed(relation, List.of(fields), filters, sort, limit, embeds);
    }

    public Embed where(String column, Operator operator, @Nullable Object value) {
        return new Embed(relation, fields, append(filters, new Filter(column, operator, value)), sort, limit, embeds);
    }

    public Embed sort(Sort... sort) {
        return new Embed(relation, fields, filters, List.of(sort), limit, embeds);
    }

    /** Embedded rows per parent row (to-many relations). */
    public Embed limit(long limit) {
        return new Embed(relation, fields, filters, sort, limit, embeds);
    }

    public Embed embed(Embed embed) {
        return new Embed(relation, fields, filters, sort, limit, append(embeds, embed));
    }

    public Embed embed(String relation) {
        return embed(Embed.of(relation));
    }

    EmbedQuery toEmbedQuery(String parent) {
        String path = parent.isEmpty() ? relation : parent + "." + relation;
        return new EmbedQuery(path, relation, fields, sort.stream().map(item -> new SortTerm(item.column(),
                item.descending())).toList(), limit, Filter.terms(filters, path + ".where."),
                embeds.stream().map(embed -> embed.toEmbedQuery(path)).toList());
    }

    static <T> List<T> append(List<T> list, T item) {
        List<T> copy = new ArrayList<>(list);
        copy.add(item);
        return copy;
    }
}
