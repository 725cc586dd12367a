package io.sentro.spring.request;

/** {@code count=exact|none}: whether a list response carries the total number of matching rows. */
public enum CountMode {
    EXACT, NONE
}
