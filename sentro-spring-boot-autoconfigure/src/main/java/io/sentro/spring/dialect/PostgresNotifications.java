package io.sentro.spring.dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/** PostgreSQL's {@code LISTEN}/{@code NOTIFY}, through the driver's blocking wait for notifications. */
final class PostgresNotifications implements SchemaNotifications {

    @Override
    public void listen(Connection connection, String channel) throws SQLException {
        if (!channel.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("The channel '" + channel + "' is not a plain lower-case identifier");
        }
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
            statement.execute("LISTEN " + channel);
        }
    }

    @Override
    public List<String> await(Connection connection, Duration timeout) throws SQLException {
        // The driver reads the socket for up to the timeout (0 would wait for ever); a lost connection throws.
        PGNotification[] received = connection.unwrap(PGConnection.class)
            .getNotifications((int) Math.max(1, timeout.toMillis()));
        List<String> payloads = new ArrayList<>();
        if (received != null) {
            for (PGNotification notification : received) {
                payloads.add(notification.getParameter());
            }
        }
        return payloads;
    }
}
