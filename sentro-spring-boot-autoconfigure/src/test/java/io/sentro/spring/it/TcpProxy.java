package io.sentro.spring.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy between the application's pool and the database, which a test cuts ({@link #cut()}: every connection
 * through it is closed and new ones are refused, as when the database host goes away) and restores on the same port.
 */
final class TcpProxy implements AutoCloseable {

    private final String targetHost;
    private final int targetPort;
    private final int port;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile ServerSocket server;

    TcpProxy(String targetHost, int targetPort) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.server = listen(0);
        this.port = server.getLocalPort();
        accept(server);
    }

    /** A proxy in front of the database a JDBC URL names ({@code jdbc:postgresql://host:port/db?...}). */
    static TcpProxy to(String jdbcUrl) throws IOException {
        java.net.URI url = java.net.URI.create(jdbcUrl.substring("jdbc:".length()));
        return new TcpProxy(url.getHost(), url.getPort());
    }

    int port() {
        return port;
    }

    /** The same JDBC URL, through this proxy. */
    String proxied(String jdbcUrl) {
        return jdbcUrl.replaceFirst("//" + targetHost + ":" + targetPort + "/", "//127.0.0.1:" + port + "/");
    }

    /** Closes every connection through the proxy and stops accepting new ones. */
    synchronized void cut() throws IOException {
        server.close();
        for (Socket socket : sockets) {
            socket.close();
        }
        sockets.clear();
    }

    /** Accepts connections again, on the same port. */
    synchronized void restore() throws IOException {
        server = listen(port);
        accept(server);
    }

    @Override
    public void close() throws IOException {
        cut();
    }

    private static ServerSocket listen(int port) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        return socket;
    }

    private void accept(ServerSocket listening) {
        Thread acceptor = new Thread(() -> {
            while (!listening.isClosed()) {
                try {
                    Socket client = listening.accept();
                    Socket database = new Socket(targetHost, targetPort);
                    // Under cut()'s lock: a connection accepted just before a cut is closed with the others, not
                    // added after cut() cleared them (which left it open, and the replica in use).
                    synchronized (TcpProxy.this) {
                        if (listening.isClosed()) {
                            client.close();
                            database.close();
                            return;
                        }
                        sockets.add(client);
                        sockets.add(database);
                    }
                    pipe(client, database);
                    pipe(database, client);
                }
                catch (IOException ex) {
                    return; // cut
                }
            }
        }, "tcp-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private static void pipe(Socket from, Socket to) {
        Thread pipe = new Thread(() -> {
            byte[] buffer = new byte[16384];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    out.write(buffer, 0, read);
                    out.flush();
                }
            }
            catch (IOException ex) {
                // one side closed
            }
            finally {
                try {
                    from.close();
                    to.close();
                }
                catch (IOException ignored) {
                    // closing anyway
                }
            }
        }, "tcp-proxy-pipe");
        pipe.setDaemon(true);
        pipe.start();
    }
}
