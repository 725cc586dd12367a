package io.sentro.spring.pipeline;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import io.sentro.spring.customize.ReadQuery;
import io.sentro.spring.error.ErrorCode;
import io.sentro.spring.error.SentroException;
import io.sentro.spring.query.EmbedQuery;
import io.sentro.spring.query.FilterTerm;
import io.sentro.spring.query.ListQuery;
import io.sentro.spring.query.Operator;
import io.sentro.spring.query.SortTerm;

/** Conversions between the request's intent and the {@link ReadQuery} that READ hooks see and change. */
final class ReadQueries {

    private ReadQueries() {
    }

    static ReadQuery of(ListQuery query, long defaultLimit) {
        return new ReadQuery(filters(query.filters()), sortItems(query.sort()), query.fields(), query.search(),
                query.limit() == null ? defaultLimit : query.limit(), query.offset() == null ? 0 : query.offset());
    }

    /** The hooks' view of an embedded relation: its filters, sort, fields and rows per parent. */
    static ReadQuery of(EmbedQuery query, long defaultLimit) {
        return new ReadQuery(filters(query.filters()), sortItems(query.sort()), query.fields(), null,
                query.limit() == null ? defaultLimit : query.limit(), 0);
    }

    /**
     * The list query as the hooks left it; cursor, OR groups, count and embeds are the request's. The hooks see no
     * offset as 0: left at 0, the query keeps having none (a cursor and an offset cannot be combined).
     */
    static ListQuery listQuery(ReadQuery query, ListQuery original) {
        Long offset = original.offset() == null && query.offset() == 0 ? null : query.offset();
        return original.with(query.fields(), sort(query), filterTerms(query, "where."), query.search(),
                query.limit() < 0 ? null : query.limit(), offset);
    }

    /** The embedded relation as the hooks left it; a many-to-one has no rows per parent to set. */
    static EmbedQuery embedQuery(ReadQuery query, EmbedQuery original, boolean toMany) {
        return new EmbedQuery(original.path(), original.relation(), query.fields(), sort(query),
                toMany && query.limit() >= 0 ? query.limit() : null,
                filterTerms(query, original.parameterPrefix() + "where."), original.embeds());
    }

    private static List<ReadQuery.Filter> filters(List<FilterTerm> terms) {
        List<ReadQuery.Filter> filters = new ArrayList<>(terms.size());
        for (FilterTerm term : terms) {
            Object value = term.operator().takesList() ? term.values() : term.values().get(0);
            filters.add(new ReadQuery.Filter(term.column(), term.operator().token(), value));
        }
        return filters;
    }

    private static List<String> sortItems(List<SortTerm> sort) {
        return sort.stream().map(term -> (term.descending() ? "-" : "") + term.column()).toList();
    }

    private static List<SortTerm> sort(ReadQuery query) {
        List<SortTerm> sort = new ArrayList<>();
        for (String item : query.sort()) {
            boolean descending = item.startsWith("-");
            sort.add(new SortTerm(descending ? item.substring(1) : item, descending));
        }
        return sort;
    }

    private static List<FilterTerm> filterTerms(ReadQuery query, String prefix) {
        List<FilterTerm> filters = new ArrayList<>();
        for (ReadQuery.Filter filter : query.filters()) {
            String parameter = prefix + filter.column() + "." + filter.operator();
            Operator operator = Operator.fromToken(filter.operator()).orElseThrow(() -> new SentroException(
                    ErrorCode.UNKNOWN_OPERATOR, "Unknown operator '" + filter.operator() + "' in '" + parameter
                            + "'. Known: " + Operator.tokens(), parameter));
            List<String> values = new ArrayList<>();
            if (filter.value() instanceof Collection<?> collection) {
                collection.forEach(item -> values.add(String.valueOf(item)));
            }
            else {
                values.add(String.valueOf(filter.value()));
            }
            filters.add(new FilterTerm(parameter, filter.column(), operator, values));
        }
        return filters;
    }
}
