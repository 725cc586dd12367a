package io.sentro.spring.web;

/**
 * Counts the rows each request read or wrote, by table: the endpoints say how many ({@link #READ_ATTRIBUTE},
 * {@link #WRITTEN_ATTRIBUTE} on the request) and the handler reports them once the request has succeeded. Micrometer's
 * counters {@code sentro.rows.read} and {@code sentro.rows.written} when the application has Micrometer; nothing
 * otherwise.
 */
public interface RowMeter {

    /** The request attribute holding the number of rows a request returned. */
    String READ_ATTRIBUTE = RowMeter.class.getName() + ".read";

    /** The request attribute holding the number of rows a request created, changed or deleted. */
    String WRITTEN_ATTRIBUTE = RowMeter.class.getName() + ".written";

    RowMeter NONE = new RowMeter() {
    };

    default void read(String table, long rows) {
    }

    default void written(String table, long rows) {
    }
}
