package io.sentro.spring.entities;

/**
 * One sort item of a {@link Query}: a column, ascending or descending.
 *
 * @param column the column
 * @param descending whether it sorts from the largest value down
 */
public record Sort(String column, boolean descending) {

    public static Sort asc(String column) {
        return new Sort(column, false);
    }

    public static Sort desc(String column) {
        return new Sort(column, true);
    }
}
