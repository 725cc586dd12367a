package io.sentro.spring.request;

import static io.sentro.spring.request.ParameterValues.invalid;
import static io.sentro.spring.request.ParameterValues.names;
import static io.sentro.spring.request.ParameterValues.nonNegative;

import java.util.ArrayList;
import java.util.List;

import io.sentro.spring.query.CountMode;
import io.sentro.spring.query.SortTerm;

import org.jspecify.annotations.Nullable;

/**
 * The shape and page of a list request: {@code fields}, {@code sort}, {@code search}, {@code limit},
 * {@code offset}, {@code count} and the cursor {@code after}, collected parameter by parameter. Whether they fit
 * together (a cursor and an offset do not) is the planner's to say, for every front end.
 */
final class PageParameters {

    private List<String> fields = List.of();
    private List<SortTerm> sort = List.of();
    private @Nullable String search;
    private @Nullable Long limit;
    private @Nullable Long offset;
    private @Nullable CountMode count;
    private @Nullable String after;

    /** Takes one of this class's parameters; false when the name is not one. */
    boolean accept(String name, String value) {
        switch (name) {
            case "fields" -> fields = names(name, value);
            case "sort" -> sort = sort(name, value);
            case "search" -> search = value;
            case "limit" -> limit = nonNegative(name, value);
            case "offset" -> offset = nonNegative(name, value);
            case "count" -> count = count(value);
            case "after" -> after = value;
            default -> {
                return false;
            }
        }
        return true;
    }

    List<String> fields() {
        return fields;
    }

    List<SortTerm> sort() {
        return sort;
    }

    @Nullable String search() {
        return search;
    }

    @Nullable Long limit() {
        return limit;
    }

    @Nullable Long offset() {
        return offset;
    }

    @Nullable CountMode count() {
        return count;
    }

    @Nullable String after() {
        return after;
    }

    /** {@code status,-id,+views}: columns, descending when prefixed with {@code -}. */
    static List<SortTerm> sort(String parameter, String value) {
        List<SortTerm> terms = new ArrayList<>();
        for (String item : names(parameter, value)) {
            boolean descending = item.startsWith("-");
            String column = descending || item.startsWith("+") ? item.substring(1) : item;
            if (column.isEmpty()) {
                throw invalid(parameter, "'" + parameter + "' has an empty column name");
            }
            terms.add(new SortTerm(column, descending));
        }
        return terms;
    }

    private static CountMode count(String value) {
        return switch (value) {
            case "exact" -> CountMode.EXACT;
            case "estimated" -> CountMode.ESTIMATED;
            case "none" -> CountMode.NONE;
            default -> throw invalid("count", "'count' must be 'exact', 'estimated' or 'none', got '" + value + "'");
        };
    }
}
