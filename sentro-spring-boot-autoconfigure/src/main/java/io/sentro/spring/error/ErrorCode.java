package io.sentro.spring.error;

/**
 * Stable problem codes, grouped by the stage that raises them: {@code SENTRO-1xx} request and validation,
 * {@code 2xx} routing, {@code 3xx} the application's hooks and actions, {@code 4xx} conflicts with stored data,
 * {@code 5xx} the database or Sentro itself, {@code 6xx} access control.
 * The code and the {@code type} URI are part of the HTTP contract; clients may switch on them.
 */
public enum ErrorCode {

    INVALID_PARAMETER("SENTRO-101", 400, "invalid-parameter", "Invalid query parameter"),
    UNKNOWN_COLUMN("SENTRO-102", 400, "unknown-column", "Unknown column"),
    UNKNOWN_OPERATOR("SENTRO-103", 400, "unknown-operator", "Unknown filter operator"),
    INVALID_VALUE("SENTRO-104", 400, "invalid-value", "Value does not fit the column type"),
    MALFORMED_BODY("SENTRO-105", 400, "malformed-body", "Malformed JSON body"),
    INVALID_BODY("SENTRO-106", 400, "invalid-body", "Invalid request body"),
    READ_ONLY_COLUMN("SENTRO-107", 400, "read-only-column", "Column is not writable"),
    MISSING_VALUE("SENTRO-108", 400, "missing-value", "Required value missing"),
    INVALID_KEY("SENTRO-109", 400, "invalid-key", "Invalid primary key in path"),
    CHECK_VIOLATION("SENTRO-110", 400, "check-violation", "Check constraint violated"),
    UNKNOWN_RELATION("SENTRO-111", 400, "unknown-relation", "Unknown relation"),
    INVALID_CURSOR("SENTRO-112", 400, "invalid-cursor", "Invalid cursor"),
    INVALID_HEADER("SENTRO-113", 400, "invalid-header", "Invalid request header"),
    FILTER_REQUIRED("SENTRO-114", 400, "filter-required", "A bulk write needs a filter"),
    TOO_MANY_ROWS("SENTRO-115", 400, "too-many-rows", "The write would change too many rows"),
    PRECONDITION_REQUIRED("SENTRO-116", 428, "precondition-required", "If-Match required"),
    EXPORT_TOO_LARGE("SENTRO-117", 400, "export-too-large", "The export selects too many rows"),

    UNKNOWN_TABLE("SENTRO-201", 404, "unknown-table", "Unknown table"),
    ROW_NOT_FOUND("SENTRO-202", 404, "not-found", "Row not found"),
    METHOD_NOT_ALLOWED("SENTRO-203", 405, "method-not-allowed", "Operation not allowed on this table"),
    UNSUPPORTED_MEDIA_TYPE("SENTRO-204", 415, "unsupported-media-type", "Unsupported media type"),
    NO_ROUTE("SENTRO-205", 404, "no-route", "No such route"),
    PAYLOAD_TOO_LARGE("SENTRO-206", 413, "payload-too-large", "Request body too large"),
    REQUEST_REJECTED("SENTRO-207", 400, "request-rejected", "Request refused by the server"),

    HOOK_REJECTED("SENTRO-301", 400, "rejected", "Rejected by the application"),
    ACTION_FAILED("SENTRO-302", 400, "action-failed", "Action failed"),

    UNIQUE_VIOLATION("SENTRO-401", 409, "unique-violation", "Unique constraint violated"),
    FOREIGN_KEY_VIOLATION("SENTRO-402", 409, "foreign-key-violation", "Foreign key constraint violated"),
    PRECONDITION_FAILED("SENTRO-403", 412, "precondition-failed", "The row has changed"),

    UNAUTHENTICATED("SENTRO-601", 401, "unauthenticated", "Authentication required"),
    FORBIDDEN("SENTRO-602", 403, "forbidden", "Access denied"),

    DATABASE_UNAVAILABLE("SENTRO-501", 503, "database-unavailable", "Database unavailable"),
    QUERY_TIMEOUT("SENTRO-502", 504, "query-timeout", "The query took too long"),
    TOO_MANY_SUBSCRIBERS("SENTRO-503", 503, "too-many-subscribers", "Too many change streams"),
    INTERNAL_ERROR("SENTRO-500", 500, "internal-error", "Internal error");

    private final String code;
    private final int status;
    private final String slug;
    private final String title;

    ErrorCode(String code, int status, String slug, String title) {
        this.code = code;
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The RFC 9457 {@code type}: a stable URN, not meant to be dereferenced. */
    public String type() {
        return "urn:sentro:problem:" + slug;
    }
}
