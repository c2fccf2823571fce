package io.backon.spring.boot.autoconfigure.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback socket that never answers: it reads what each connection sends until the client closes
 * or resets it, so a test can tell a request that was really stopped (its connection closed) from
 * one abandoned while it kept running. A connection counts as a request once its first byte arrives
 * (a pooled connection on which nothing was sent is no request).
 */
final class HangingServer implements AutoCloseable {

  private final ServerSocket socket;
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicInteger hanging = new AtomicInteger();

  private HangingServer() throws IOException {
    socket = new ServerSocket(0, 64, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::acceptAll, "hanging-server");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  static HangingServer start() {
    try {
      return new HangingServer();
    } catch (IOException e) {
      throw new IllegalStateException("cannot open a loopback socket", e);
    }
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + socket.getLocalPort() + path);
  }

  int port() {
    return socket.getLocalPort();
  }

  /** How many requests arrived (connections that sent something). */
  int requests() {
    return requests.get();
  }

  /** How many of them still hang: their connection neither closed nor reset by the client. */
  int hanging() {
    return hanging.get();
  }

  private void acceptAll() {
    while (!socket.isClosed()) {
      try {
        Socket client = socket.accept();
        Thread connection = new Thread(() -> hang(client), "hanging-server-connection");
        connection.setDaemon(true);
        connection.start();
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void hang(Socket client) {
    try (client) {
      InputStream in = client.getInputStream();
      if (in.read() < 0) {
        return;
      }
      requests.incrementAndGet();
      hanging.incrementAndGet();
      try {
        while (in.read() >= 0) {
          // the rest of the request, then nothing: wait for the client to close the connection
        }
      } finally {
        hanging.decrementAndGet();
      }
    } catch (IOException resetOrClosed) {
      // the client reset the connection (counted above), or close() closed the server
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
