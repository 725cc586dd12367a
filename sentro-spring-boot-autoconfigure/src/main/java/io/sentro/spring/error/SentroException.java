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
    private final java.util.Map<String, String> headers;
    private final java.util.Map<String, String> extensions;

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
        this.headers = java.util.Map.of();
        this.extensions = java.util.Map.of();
    }

    public SentroException(ErrorCode code, String detail) {
        this(code, detail, null, null);
    }

    public SentroException(ErrorCode code, String detail, @Nullable String parameter) {
        this(code, detail, parameter, null);
    }

    public SentroException(ErrorCode code, String detail, @Nullable String parameter, @Nullable Throwable cause) {
        this(code, detail, parameter, cause, java.util.Map.of(), java.util.Map.of());
    }

    private SentroException(ErrorCode code, String detail, @Nullable String parameter, @Nullable Throwable cause,
            java.util.Map<String, String> headers, java.util.Map<String, String> extensions) {
        super(detail, cause);
        this.code = code;
        this.status = code.status();
        this.parameter = parameter;
        this.headers = java.util.Map.copyOf(headers);
        this.extensions = java.util.Map.copyOf(extensions);
    }

    /** The same problem with extension members in its body (RFC 9457 section 3.2), e.g. the table at fault. */
    public SentroException withExtensions(java.util.Map<String, String> members) {
        return new SentroException(code, getMessage(), parameter, getCause(), headers, members);
    }

    /** The same problem sent with response headers, e.g. {@code WWW-Authenticate} on a 401. */
    public SentroException withHeaders(java.util.Map<String, String> responseHeaders) {
        return new SentroException(code, getMessage(), parameter, getCause(), responseHeaders, extensions);
    }

    /**
     * The same problem about one item of a request body with many rows ({@code prefix} is {@code [3].} or
     * {@code comments[1].}): the field it names becomes {@code [3].email}, and the detail says which item it is.
     */
    public SentroException atPath(String prefix) {
        if (prefix.isEmpty() || (parameter != null && parameter.startsWith(prefix))) {
            return this;
        }
        String item = prefix.endsWith(".") ? prefix.substring(0, prefix.length() - 1) : prefix;
        SentroException located = new SentroException(code, "Item " + item + ": " + getMessage(),
                parameter != null ? prefix + parameter : item, getCause(), headers, extensions);
        located.setStackTrace(getStackTrace());
        return located;
    }

    /** Response headers that go with the problem. */
    public java.util.Map<String, String> headers() {
        return headers;
    }

    /** Extension members of the problem body. */
    public java.util.Map<String, String> extensions() {
        return extensions;
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
