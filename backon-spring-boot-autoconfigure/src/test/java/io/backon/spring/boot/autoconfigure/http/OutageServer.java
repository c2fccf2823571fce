package io.backon.spring.boot.autoconfigure.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A downstream in an outage, on a loopback socket: it first answers every request with {@code 503
 * Service Unavailable} and a JSON body carrying {@link #BODY_MARKER}, then, after {@link
 * #startResetting()}, resets every connection once it has read the request's head (TCP RST), as a
 * host that went down hard. Each answer closes its connection.
 */
final class OutageServer implements AutoCloseable {

  /** Text of every body the server sends: a log line that contains it logged a body. */
  static final String BODY_MARKER = "BODY-MARKER-7a2e";

  private static final byte[] UNAVAILABLE =
      ("{\"error\":\"" + BODY_MARKER + "\",\"retry\":\"later\"}").getBytes(StandardCharsets.UTF_8);

  private final ServerSocket socket;
  private volatile boolean resetting;

  private OutageServer() throws IOException {
    socket = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::acceptAll, "outage-server");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  static OutageServer start() {
    try {
      return new OutageServer();
    } catch (IOException e) {
      throw new IllegalStateException("cannot open a loopback socket", e);
    }
  }

  URI uri(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + socket.getLocalPort() + pathAndQuery);
  }

  /** {@code 127.0.0.1:port}, as Backon names the host. */
  String host() {
    return "127.0.0.1:" + socket.getLocalPort();
  }

  /** From now on, connections are reset instead of answered. */
  void startResetting() {
    resetting = true;
  }

  private void acceptAll() {
    while (!socket.isClosed()) {
      try (Socket client = socket.accept()) {
        readHead(client.getInputStream());
        if (resetting) {
          client.setSoLinger(true, 0);
        } else {
          answerUnavailable(client.getOutputStream());
        }
      } catch (IOException closedOrReset) {
        // closed by close(), or the client gave up first
      }
    }
  }

  private static void answerUnavailable(OutputStream out) throws IOException {
    String head =
        "HTTP/1.1 503 Service Unavailable\r\n"
            + "Content-Type: application/json\r\n"
            + "Content-Length: "
            + UNAVAILABLE.length
            + "\r\nConnection: close\r\n\r\n";
    out.write(head.getBytes(StandardCharsets.US_ASCII));
    out.write(UNAVAILABLE);
    out.flush();
  }

  /** Reads up to the blank line ending the request head (requests here carry no body). */
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
