package io.sentro.spring.query;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

import io.sentro.spring.schema.TypeKind;

/**
 * Filter operators of {@code where.<column>.<operator>=<value>}.
 */
public enum Operator {
    EQ("eq"), NEQ("neq"), GT("gt"), GTE("gte"), LT("lt"), LTE("lte"),
    /** Comma-separated list; {@code "a,b"} quotes an item holding a comma. */
    IN("in"), NIN("nin"),
    /** SQL LIKE pattern: {@code %} any run, {@code _} one character. */
    LIKE("like"),
    /** Case-insensitive LIKE. */
    ILIKE("ilike"),
    /** {@code true}: the column is NULL; {@code false}: it is not. */
    IS_NULL("isNull");

    private final String token;

    Operator(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }

    public boolean takesList() {
        return this == IN || this == NIN;
    }

    public boolean isOrdering() {
        return this == GT || this == GTE || this == LT || this == LTE;
    }

    public boolean isPattern() {
        return this == LIKE || this == ILIKE;
    }

    /**
     * Whether the operator filters a column of this kind: {@code isNull} any column; the others comparable ones,
     * patterns text only, orderings ordered kinds only. The one rule the planner checks and the OpenAPI document
     * lists.
     */
    public boolean appliesTo(TypeKind kind) {
        if (this == IS_NULL) {
            return true;
        }
        if (!kind.isComparable()) {
            return false;
        }
        if (isPattern()) {
            return kind == TypeKind.TEXT;
        }
        return !isOrdering() || kind.isOrdered();
    }

    public static Optional<Operator> fromToken(String token) {
        for (Operator operator : values()) {
            if (operator.token.equals(token)) {
                return Optional.of(operator);
            }
        }
        return Optional.empty();
    }

    public static String tokens() {
        return Arrays.stream(values()).map(Operator::token).collect(Collectors.joining(", "));
    }
}
