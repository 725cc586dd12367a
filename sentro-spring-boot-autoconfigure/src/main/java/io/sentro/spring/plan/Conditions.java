package io.sentro.spring.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.sentro.spring.error.ErrorCode;
import io.sentro.spring.error.SentroException;
import io.sentro.spring.query.FilterTerm;
import io.sentro.spring.query.ListQuery;
import io.sentro.spring.query.Operator;
import io.sentro.spring.schema.Column;
import io.sentro.spring.schema.Table;
import io.sentro.spring.schema.TypeKind;

import org.jspecify.annotations.Nullable;

/**
 * Turns {@link FilterTerm}s into typed {@link Condition}s, for lists, aggregates, embedded relations and bulk writes
 * alike: filters on columns ({@code where.*}), OR groups, search, filters on related rows, and the caller's row scope.
 * Which operators fit which column types is written here once ({@link #misfit}).
 */
final class Conditions {

    private final ValueConverter values;
    private final RelatedTables related;
    private final RowScopes scopes;

    Conditions(ValueConverter values, RelatedTables related, RowScopes scopes) {
        this.values = values;
        this.related = related;
        this.scopes = scopes;
    }

    /** The WHERE of a list: its filters, OR groups, search and related-row filters, and the caller's row scope. */
    Condition condition(Table table, ListQuery query, Grant grant, Grants grants) {
        Condition filters = allOf(table, query.filters(), grant, grants, 1, term -> { });
        List<List<Filter>> anyOf = new ArrayList<>();
        for (List<FilterTerm> group : query.anyOf().values()) {
            List<Filter> filtersOfGroup = new ArrayList<>();
            for (FilterTerm term : group) {
                if (isRelated(table, term.column())) {
                    throw new SentroException(ErrorCode.INVALID_PARAMETER, "'" + term.parameter() + "' filters by "
                            + "related rows, which OR groups do not take; write it as where." + term.column() + "."
                            + term.operator().token(), term.parameter());
                }
                filtersOfGroup.add(filter(table, term, grant));
            }
            anyOf.add(filtersOfGroup);
        }
        List<Column> searchColumns = List.of();
        if (query.search() != null) {
            searchColumns = table.columns().stream()
                    .filter(column -> column.kind() == TypeKind.TEXT && !grant.hides(column.name())).toList();
            if (searchColumns.isEmpty()) {
                throw new SentroException(ErrorCode.INVALID_PARAMETER, "'search' needs a text column, and table '"
                        + table.name() + "' has none; filter with where.<column>.<operator> instead", "search");
            }
        }
        Condition scope = scopes.scope(table, grant);
        List<Filter> allOf = new ArrayList<>(filters.allOf());
        allOf.addAll(0, scope.allOf());
        return new Condition(allOf, anyOf, searchColumns, query.search(), scope.matchesNothing(), filters.related());
    }

    /**
     * The rows a bulk PATCH or DELETE changes, as {@link #condition} has them. A request that filters nothing is
     * refused: "change every row" is never what a client that forgot a parameter meant.
     */
    Condition bulk(Table table, ListQuery filter, Grant grant, Grants grants) {
        if (filter.filters().isEmpty() && filter.anyOf().isEmpty() && filter.search() == null) {
            throw new SentroException(ErrorCode.FILTER_REQUIRED, "A PATCH or DELETE on '" + table.name() + "' itself "
                    + "changes the rows its filters select, and this one has none: add where.<column>.<operator>, "
                    + "or.<group>.*, or search (a filter that matches every row, such as where."
                    + firstColumn(table) + ".isNull=false, says so on purpose)", "where");
        }
        return condition(table, filter, grant, grants);
    }

    private static String firstColumn(Table table) {
        return table.hasPrimaryKey() ? table.primaryKey().get(0) : table.columns().get(0).name();
    }

    /**
     * {@code terms}, all of which must hold: filters on columns of {@code table}, and filters on related rows that
     * start {@code depth} relations deep. {@code check} sees each term before it is planned.
     */
    Condition allOf(Table table, List<FilterTerm> terms, Grant grant, Grants grants, int depth,
            Consumer<FilterTerm> check) {
        List<Filter> allOf = new ArrayList<>();
        List<Exists> exists = new ArrayList<>();
        for (FilterTerm term : terms) {
            check.accept(term);
            if (isRelated(table, term.column())) {
                exists.add(exists(table, term, term.column(), grant, grants, depth));
            }
            else {
                allOf.add(filter(table, term, grant));
            }
        }
        return new Condition(allOf, List.of(), List.of(), null, false, exists);
    }

    /** Whether a filter's column names a related table's column ({@code posts.status}) rather than a column. */
    private static boolean isRelated(Table table, String column) {
        return column.indexOf('.') > 0 && table.column(column).isEmpty();
    }

    /**
     * {@code where.<relation>.<column>.<operator>}: the rows with at least one related row that meets the filter
     * and the caller's row scope on the related table; relations may nest ({@code where.posts.labels.name.eq}).
     */
    private Exists exists(Table table, FilterTerm term, String path, Grant grant, Grants grants, int depth) {
        if (depth > related.maxDepth()) {
            throw new SentroException(ErrorCode.INVALID_PARAMETER, "'" + term.parameter() + "' follows more than "
                    + related.maxDepth() + " relations (sentro.embed.max-depth)", term.parameter());
        }
        int dot = path.indexOf('.');
        RelatedTables.Resolved resolved = related.resolve(table, path.substring(0, dot), grant, grants,
                term.parameter());
        String rest = path.substring(dot + 1);
        FilterTerm inner = new FilterTerm(term.parameter(), rest, term.operator(), term.values());
        Condition condition = isRelated(resolved.target(), rest)
                ? new Condition(List.of(), List.of(), List.of(), null, false,
                        List.of(exists(resolved.target(), inner, rest, resolved.grant(), grants, depth + 1)))
                : Condition.allOf(List.of(filter(resolved.target(), inner, resolved.grant())));
        return new Exists(resolved.relation(), resolved.target(), resolved.through(),
                scopes.scope(resolved.target(), resolved.grant()).and(condition), resolved.throughScope());
    }

    private Filter filter(Table table, FilterTerm term, Grant grant) {
        Column column = VisibleColumns.column(table, term.column(), term.parameter(), grant);
        Operator operator = term.operator();
        String parameter = term.parameter();
        if (operator == Operator.IS_NULL) {
            return new Filter(column, operator, nullTest(term));
        }
        String misfit = misfit(operator, column);
        if (misfit != null) {
            throw new SentroException(ErrorCode.INVALID_PARAMETER, misfit, parameter);
        }
        if (operator.isPattern()) {
            return new Filter(column, operator, term.values().get(0));
        }
        if (operator.takesList()) {
            if (term.values().size() > Planner.MAX_LIST_VALUES) {
                throw new SentroException(ErrorCode.INVALID_PARAMETER, "'" + parameter + "' lists " + term.values().size()
                        + " values; at most " + Planner.MAX_LIST_VALUES + " are accepted", parameter);
            }
            List<Object> converted = new ArrayList<>(term.values().size());
            for (String value : term.values()) {
                converted.add(values.fromText(column, value, parameter));
            }
            return new Filter(column, operator, converted);
        }
        return new Filter(column, operator, values.fromText(column, term.values().get(0), parameter));
    }

    /**
     * Why {@code operator} does not apply to {@code column}, or null when it does: {@code isNull} applies to every
     * column, the others to comparable ones, patterns to text, and {@code gt}/{@code gte}/{@code lt}/{@code lte} to
     * types with an order: why {@link Operator#appliesTo} says no, in words.
     */
    static @Nullable String misfit(Operator operator, Column column) {
        TypeKind kind = column.kind();
        if (operator.appliesTo(kind)) {
            return null;
        }
        if (!kind.isComparable()) {
            return "Column '" + column.name() + "' (" + column.type().databaseType() + ") supports only the isNull "
                    + "filter";
        }
        if (operator.isPattern()) {
            return "'" + operator.token() + "' applies to text columns; column '" + column.name() + "' is "
                    + column.type().databaseType();
        }
        return "'" + operator.token() + "' does not apply to column '" + column.name() + "' ("
                + column.type().databaseType() + "); use eq, neq, in or nin";
    }

    /** The value of an {@code isNull} filter (of a column or an aggregate): true or false, else a 400 naming it. */
    static Boolean nullTest(FilterTerm term) {
        return switch (term.values().get(0)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new SentroException(ErrorCode.INVALID_VALUE, "'" + term.parameter()
                    + "' must be true or false, got '" + term.values().get(0) + "'", term.parameter());
        };
    }
}
