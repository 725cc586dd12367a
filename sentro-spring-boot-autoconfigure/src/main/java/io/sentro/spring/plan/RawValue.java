package io.sentro.spring.plan;

/**
 * A column value written into the statement as SQL rather than bound: {@code DEFAULT}, or an expression from the
 * {@code db} helper's {@code raw(...)} such as {@code current_attendees + 1}. Only application code creates these.
 */
public record RawValue(String sql) {

    /** The column's default. */
    public static final RawValue DEFAULT = new RawValue("DEFAULT");
}
