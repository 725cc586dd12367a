package io.sentro.spring.web;

/**
 * How much one write request may carry, so that one request cannot hold the database: its body, in bytes
 * ({@code sentro.writes.max-body-size}), and the rows of an array body ({@code sentro.writes.max-rows}). Beyond either,
 * 413 and nothing is written; a body announced larger is refused before it is read.
 */
public record WriteLimits(long maxBodyBytes, int maxRows) {

    public static final WriteLimits DEFAULT = new WriteLimits(10L * 1024 * 1024, 1000);

    public WriteLimits {
        if (maxBodyBytes < 1 || maxRows < 1) {
            throw new IllegalArgumentException("sentro.writes.max-body-size and sentro.writes.max-rows must be "
                    + "positive");
        }
    }
}
