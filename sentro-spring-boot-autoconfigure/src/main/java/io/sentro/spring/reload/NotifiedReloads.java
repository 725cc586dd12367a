package io.sentro.spring.reload;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import io.sentro.spring.dialect.SchemaNotifications;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.context.SmartLifecycle;

/**
 * Reloads the schema when the database says so ({@code sentro.schema.reload-on-notify}): a thread of its own holds
 * a connection listening on the channel ({@code NOTIFY sentro, 'reload'}; an empty payload counts too). A burst of
 * notifications (a migration's many statements) makes one reload: it waits until the channel has been quiet for the
 * debounce, or ten debounces at most. When the connection is lost it reconnects, backing off up to 30 s, and then
 * reloads once, for what it may have missed. Every instance listening on the channel reloads.
 */
public final class NotifiedReloads implements SmartLifecycle {

    private static final Log log = LogFactory.getLog(NotifiedReloads.class);

    /** Opens the listening connection; it is the listener's alone until it closes it. */
    @FunctionalInterface
    public interface Connections {
        Connection open() throws SQLException;
    }

    private final ApiGenerations generations;
    private final SchemaNotifications notifications;
    private final Connections connections;
    private final String channel;
    private final Duration debounce;
    private volatile boolean running;
    private volatile @Nullable Thread thread;
    private volatile @Nullable Connection listening;

    public NotifiedReloads(ApiGenerations generations, SchemaNotifications notifications, Connections connections,
            String channel, Duration debounce) {
        this.generations = generations;
        this.notifications = notifications;
        this.connections = connections;
        this.channel = channel;
        this.debounce = debounce;
    }

    @Override
    public void start() {
        running = true;
        Thread listener = new Thread(this::listen, "sentro-schema-notify");
        listener.setDaemon(true);
        thread = listener;
        listener.start();
    }

    @Override
    public void stop() {
        running = false;
        Thread listener = thread;
        Connection connection = listening;
        if (connection != null) {
            try {
                // Closing the connection ends the driver's wait at once.
                connection.close();
            }
            catch (SQLException ex) {
                log.debug("Closing Sentro's listening connection failed", ex);
            }
        }
        if (listener != null) {
            listener.interrupt();
            try {
                listener.join(5_000);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        boolean missed = false;
        long backoff = 1_000;
        while (running) {
            try (Connection connection = connections.open()) {
                listening = connection;
                notifications.listen(connection, channel);
                log.info("Sentro reloads the schema on NOTIFY " + channel);
                backoff = 1_000;
                if (missed) {
                    missed = false;
                    generations.reload("notify");
                }
                while (running) {
                    if (asksReload(notifications.await(connection, Duration.ofSeconds(5)))) {
                        settle(connection);
                        generations.reload("notify");
                    }
                }
            }
            catch (SQLException | RuntimeException ex) {
                if (!running) {
                    return;
                }
                if (!missed) {
                    log.warn("Sentro lost its connection listening for schema reloads (" + ex.getMessage()
                            + "); it reconnects, and reloads once when it does");
                }
                missed = true;
                try {
                    Thread.sleep(backoff);
                }
                catch (InterruptedException interrupted) {
                    return;
                }
                backoff = Math.min(backoff * 2, 30_000);
            }
            finally {
                listening = null;
            }
        }
    }

    /** Waits for the channel to be quiet for the debounce (ten debounces at most), so that a burst is one reload. */
    private void settle(Connection connection) throws SQLException {
        long now = System.nanoTime();
        long deadline = now + debounce.toNanos() * 10;
        long quietUntil = now + debounce.toNanos();
        while (running && quietUntil - System.nanoTime() > 0 && deadline - System.nanoTime() > 0) {
            long wait = Math.min(quietUntil, deadline) - System.nanoTime();
            if (asksReload(notifications.await(connection, Duration.ofNanos(Math.max(wait, 1_000_000))))) {
                quietUntil = System.nanoTime() + debounce.toNanos();
            }
        }
    }

    private static boolean asksReload(List<String> payloads) {
        for (String payload : payloads) {
            String asked = payload.trim().toLowerCase(Locale.ROOT);
            if (asked.isEmpty() || asked.equals("reload")) {
                return true;
            }
            log.debug("Sentro ignores the notification '" + payload + "': only 'reload' (or nothing) reloads");
        }
        return false;
    }
}
