package io.sentro.spring.plan;

/** A column value that stands for the column's default: rendered as {@code DEFAULT}. */
public enum ColumnDefault {
    INSTANCE
}
