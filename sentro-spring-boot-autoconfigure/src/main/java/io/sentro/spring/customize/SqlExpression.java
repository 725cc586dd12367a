package io.sentro.spring.customize;

/**
 * A SQL expression written into a statement as is, from {@link SentroDb#raw(String)}, e.g.
 * {@code current_attendees + 1}. It is code, not data: never build one from client input.
 */
public record SqlExpression(String sql) {
}
