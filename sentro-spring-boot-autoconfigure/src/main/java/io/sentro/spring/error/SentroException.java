package io.sentro.spring.error;

import org.jspecify.annotations.Nullable;

/**
 * A failure Sentro reports to the client as an RFC 9457 problem. The {@link #detail()} is written for the client:
 * it names the offending parameter or field and never contains SQL or driver messages.
 */
public class SentroException extends RuntimeException {

    private final ErrorCode code;
    private final @Nullable String parameter;

    public SentroException(ErrorCode code, String detail) {
        this(code, detail, null, null);
    }

    public SentroException(ErrorCode code, String detail, @Nullable String parameter) {
        this(code, detail, parameter, null);
    }

    public SentroException(ErrorCode code, String detail, @Nullable String parameter, @Nullable Throwable cause) {
        super(detail, cause);
        this.code = code;
        this.parameter = parameter;
    }

    public ErrorCode code() {
        return code;
    }

    public int status() {
        return code.status();
    }

    public String detail() {
        return getMessage();
    }

    /** The query parameter, path variable or body field at fault, when there is one. */
    public @Nullable String parameter() {
        return parameter;
    }

    public static SentroException badRequest(ErrorCode code, String parameter, String detail) {
        return new SentroException(code, detail, parameter);
    }
}
