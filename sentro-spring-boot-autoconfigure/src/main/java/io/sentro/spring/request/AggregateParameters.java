package io.sentro.spring.request;

import static io.sentro.spring.request.ParameterValues.invalid;
import static io.sentro.spring.request.ParameterValues.names;

import java.util.ArrayList;
import java.util.List;

import io.sentro.spring.query.AggregateQuery;
import io.sentro.spring.query.FilterTerm;

import org.jspecify.annotations.Nullable;

/**
 * The aggregate of a list request: {@code group=<columns>}, {@code agg=<function>[:<column>],...} and
 * {@code having.<aggregate>.<operator>}. Collected parameter by parameter; none of them given means no aggregate.
 */
final class AggregateParameters {

    private static final String HAVING = "having.";

    private @Nullable List<String> group;
    private @Nullable List<AggregateQuery.Term> aggregates;
    private final List<FilterTerm> having = new ArrayList<>();

    /** Takes {@code group}, {@code agg} or a {@code having.*} parameter; false when the name is none of them. */
    boolean accept(String name, String value) {
        switch (name) {
            case "group" -> group = names(name, value);
            case "agg" -> aggregates = aggregates(value);
            default -> {
                if (!name.startsWith(HAVING)) {
                    return false;
                }
                having.add(FilterParameters.filter(name, name.substring(HAVING.length()), value));
            }
        }
        return true;
    }

    /** The aggregate asked for, or null for a plain list. */
    @Nullable AggregateQuery build() {
        if (group == null && aggregates == null && having.isEmpty()) {
            return null;
        }
        return new AggregateQuery(group == null ? List.of() : group, aggregates == null ? List.of() : aggregates,
                having);
    }

    /** {@code count,sum:views,avg:price}: a function, and after a colon the column it applies to. */
    private static List<AggregateQuery.Term> aggregates(String value) {
        List<AggregateQuery.Term> terms = new ArrayList<>();
        for (String item : names("agg", value)) {
            int colon = item.indexOf(':');
            String function = colon < 0 ? item : item.substring(0, colon);
            String column = colon < 0 ? null : item.substring(colon + 1).trim();
            if (!List.of("count", "sum", "avg", "min", "max").contains(function)) {
                throw invalid("agg", "Unknown aggregate '" + function + "' in 'agg'. Known: count, count:<column>, "
                        + "sum:<column>, avg:<column>, min:<column>, max:<column>");
            }
            if (column == null && !function.equals("count")) {
                throw invalid("agg", "'" + function + "' in 'agg' needs a column: " + function + ":<column>");
            }
            if (column != null && column.isEmpty()) {
                throw invalid("agg", "'" + item + "' in 'agg' has an empty column name");
            }
            terms.add(new AggregateQuery.Term(function, column));
        }
        return terms;
    }
}
