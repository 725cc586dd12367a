package io.sentro.spring.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.sentro.spring.dialect.RowEstimate;
import io.sentro.spring.dialect.SqlDialect;
import io.sentro.spring.plan.OperationPlan.ReadPlan;

/** Renders the count of the rows matching a page's condition, and the statement that estimates it. */
record CountRenderer(SqlDialect dialect, SqlParts parts, ConditionSql conditions) {

    /** The number of rows matching a page's condition. */
    SqlStatement count(ReadPlan plan) {
        List<Object> parameters = new ArrayList<>();
        return new SqlStatement(matching("COUNT(*)", plan, parameters), parameters, List.of());
    }

    /**
     * A statement estimating the number of rows matching a page's condition from the database's statistics, when the
     * dialect has one; it runs nothing but the planner.
     */
    Optional<RowEstimate> rowEstimate(ReadPlan plan) {
        List<Object> parameters = new ArrayList<>();
        return dialect.rowEstimate(matching("1", plan, parameters), parameters, plan.table(),
                !plan.condition().isEmpty());
    }

    /** {@code SELECT <what> FROM <table> WHERE <the page's condition>}, its parameters added to {@code parameters}. */
    private String matching(String what, ReadPlan plan, List<Object> parameters) {
        StringBuilder sql = new StringBuilder(128).append("SELECT ").append(what).append(" FROM ")
                .append(parts.table(plan.table()).name);
        conditions.where(sql, parameters, plan.condition(), plan.table());
        return sql.toString();
    }
}
