package io.sentro.spring.error;

import org.jspecify.annotations.Nullable;

/**
 * A failure Sentro reports to the client as an RFC 9457 problem. The {@link #detail()} is written for the client:
 * it names the offending parameter or field and never contains SQL or driver messages.
 */
public class SentroException extends RuntimeException {

    private final ErrorCode code;
    private final int status;
    private final @Nullable String parameter;

    /**
     * Refuses an operation from a hook or action with an HTTP status (4xx) and a message for the client, e.g.
     * {@code throw new SentroException(409, "Event is full")}.
     */
    public SentroException(int status, String detail) {
        super(detail);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("A problem status is 4xx or 5xx, not " + status);
        }
        this.code = ErrorCode.HOOK_REJECTED;
        this.status = status;
        this.parameter = null;
    }

    public SentroException(ErrorCode code, String detail) {
        this(code, detail, null, null);
    }

    public SentroException(ErrorCode code, String detail, @Nullable String parameter) {
        this(code, detail, parameter, null);
    }

    public SentroException(ErrorCode code, String detail, @Nullable String parameter, @Nullable Throwable cause) {
        super(detail, cause);
        this.code = code;
        this.status = code.status();
        this.parameter = parameter;
    }

    public ErrorCode code() {
        return code;
    }

    public int status() {
        return status;
    }

    public String detail() {
        return getMessage();
    }

    /** The query parameter, path variable or body field at fault, when there is one. */
    public @Nullable String parameter() {
        return parameter;
    }

    /** No row of the table has the key in the path. */
    public static SentroException rowNotFound(String table) {
        return new SentroException(ErrorCode.ROW_NOT_FOUND, "No row of '" + table + "' has this key", "id");
    }
}
