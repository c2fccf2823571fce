package io.backon.spring.boot.autoconfigure.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback socket that reads each request's head and then resets the connection (TCP RST): an I/O
 * failure after the request was sent, which HTTP clients report as a connection reset.
 */
final class ResettingServer implements AutoCloseable {

  private final ServerSocket socket;
  private final AtomicInteger connections = new AtomicInteger();
  private final Thread acceptor;

  private ResettingServer() throws IOException {
    socket = new ServerSocket(0, 64, InetAddress.getLoopbackAddress());
    acceptor = new Thread(this::acceptAll, "resetting-server");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  static ResettingServer start() {
    try {
      return new ResettingServer();
    } catch (IOException e) {
      throw new IllegalStateException("cannot open a loopback socket", e);
    }
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + socket.getLocalPort() + path);
  }

  /** How many connections were accepted (and reset). */
  int connections() {
    return connections.get();
  }

  private void acceptAll() {
    while (!socket.isClosed()) {
      try (Socket client = socket.accept()) {
        connections.incrementAndGet();
        readHead(client.getInputStream());
        client.setSoLinger(true, 0);
      } catch (IOException closedOrReset) {
        // closed by close(), or the client gave up first
      }
    }
  }

  /** Reads up to the blank line ending the request head. */
  private static void readHead(InputStream in) throws IOException {
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    int b;
    while (matched < end.length && (b = in.read()) >= 0) {
      matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
