package io.sentro.spring.dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/**
 * Notifications a database sends to the connections listening on a channel: how Sentro hears that the schema
 * changed, from a DDL trigger or an operator ({@code NOTIFY sentro, 'reload'} on PostgreSQL).
 */
public interface SchemaNotifications {

    /** Makes the connection listen on the channel, a plain lower-case identifier. */
    void listen(Connection connection, String channel) throws SQLException;

    /**
     * Waits up to {@code timeout} for notifications on a listening connection.
     *
     * @return their payloads, in order; empty when none came
     * @throws SQLException when the connection is lost
     */
    List<String> await(Connection connection, Duration timeout) throws SQLException;
}
