package io.backon.sample.downstream;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * The one piece of the {@link FlakyDownstream} below HTTP: it relays each TCP connection from the
 * public port to the JDK {@code HttpServer} behind it, byte for byte, so that a hit can end in a
 * real TCP reset, which {@code HttpServer} cannot send. Thread-safe.
 *
 * <p>A reset sends the start of a response, then RST. Starting the response first matters: the
 * JDK's {@code HttpClient} silently resends a GET whose pooled connection fails before any byte of
 * the response arrives, which would hide the reset and add a hit the caller never made.
 */
final class ConnectionRelay implements Closeable {

  private static final byte[] RESET_PREFIX =
      "HTTP/1.1 200 OK\r\nX-Downstream-Outcome: reset\r\n".getBytes(StandardCharsets.ISO_8859_1);

  private final ServerSocket listener;
  private final InetSocketAddress server;
  private final Executor pumps;

  /** Client sockets by the local port of their relayed connection, as the server sees it. */
  private final Map<Integer, Socket> clients = new ConcurrentHashMap<>();

  /**
   * Starts relaying; {@code acceptor} must run {@link #acceptAll()}.
   *
   * @param listener the bound public socket
   * @param server where the JDK server listens
   * @param pumps runs two copying tasks per open connection
   */
  ConnectionRelay(ServerSocket listener, InetSocketAddress server, Executor pumps) {
    this.listener = listener;
    this.server = server;
    this.pumps = pumps;
  }

  /** How many client connections are open. */
  int openConnections() {
    return clients.size();
  }

  /** Accepts and relays connections until {@link #close()}. */
  void acceptAll() {
    while (!listener.isClosed()) {
      try {
        relay(listener.accept());
      } catch (IOException closedOrFailed) {
        // closed by close(), or the server refused the relayed connection: nothing to serve
      }
    }
  }

  /**
   * Resets the client connection of an exchange: the start of a response, then TCP RST.
   *
   * @param relayed the exchange's remote address, i.e. this relay's end of the connection
   * @throws IOException if the connection is already gone
   */
  void reset(InetSocketAddress relayed) throws IOException {
    Socket client = clients.get(relayed.getPort());
    if (client == null) {
      throw new IOException("no open client connection for " + relayed);
    }
    OutputStream out = client.getOutputStream();
    out.write(RESET_PREFIX);
    out.flush();
    client.setSoLinger(true, 0); // closing now sends RST instead of FIN
    client.close();
  }

  /** Stops accepting and closes every client connection (requests in flight get no answer). */
  @Override
  public void close() throws IOException {
    listener.close();
    for (Socket client : List.copyOf(clients.values())) {
      client.close();
    }
  }

  private void relay(Socket client) throws IOException {
    Socket upstream = new Socket();
    try {
      client.setTcpNoDelay(true);
      upstream.setTcpNoDelay(true);
      upstream.connect(server);
    } catch (IOException e) {
      client.close();
      upstream.close();
      throw e;
    }
    int key = upstream.getLocalPort();
    clients.put(key, client);
    try {
      pumps.execute(() -> copy(client, upstream, key));
      pumps.execute(() -> copy(upstream, client, key));
    } catch (RejectedExecutionException stopping) {
      clients.remove(key);
      client.close();
      upstream.close();
    }
  }

  /** Copies until either side closes, then closes both. */
  private void copy(Socket from, Socket to, int key) {
    try (from;
        to) {
      from.getInputStream().transferTo(to.getOutputStream());
    } catch (IOException closed) {
      // one side closed or reset the connection: the relayed connection ends with it
    } finally {
      clients.remove(key);
    }
  }
}
