package io.sentro.spring.schema;

/**
 * A JSON document held as its text, as read from or written to a JSON column. Responses embed it as JSON,
 * not as a string.
 */
public record JsonText(String json) {

    @Override
    public String toString() {
        return json;
    }
}
