package io.backon.sample.downstream;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of a {@link FlakyDownstream}: the bound listening socket, its acceptor thread, the
 * connection handlers and their HTTP/1.1 keep-alive loop. Created running; {@link #stop()} ends it.
 */
final class DownstreamServer {

  private static final Logger LOG = LoggerFactory.getLogger(FlakyDownstream.class);

  /** An idle keep-alive connection is closed after this long. */
  private static final int IDLE_TIMEOUT_MILLIS = 30_000;

  private static final long STOP_TIMEOUT_SECONDS = 5;
  private static final int REFUSE_READ_TIMEOUT_MILLIS = 1_000;
  private static final byte[] RESET_PREFIX =
      "HTTP/1.1 200 OK\r\nX-Downstream-Outcome: reset\r\n".getBytes(StandardCharsets.ISO_8859_1);

  private final ServerSocket listener;
  private final DownstreamHandler handler;
  private final int port;
  private final int maxConnections;
  private final Semaphore connectionPermits;
  private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
  private final ExecutorService workers;
  private final Thread acceptor;

  /** Starts accepting on {@code listener}, which must be bound. */
  DownstreamServer(
      ServerSocket listener,
      DownstreamHandler handler,
      WorkerThreads workerThreads,
      int maxConnections) {
    this.listener = listener;
    this.handler = handler;
    this.port = listener.getLocalPort();
    this.maxConnections = maxConnections;
    this.connectionPermits = new Semaphore(maxConnections);
    this.workers = workerThreads.newExecutor("flaky-downstream-" + port + "-", maxConnections);
    this.acceptor = new Thread(this::acceptConnections, "flaky-downstream-" + port + "-acceptor");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return port;
  }

  int openConnections() {
    return connections.size();
  }

  /**
   * Closes the listener, interrupts the handlers, closes every connection (a request in flight gets
   * no answer), and waits up to 5 s for all threads to end.
   */
  void stop() {
    close(listener);
    try {
      acceptor.join(TimeUnit.SECONDS.toMillis(STOP_TIMEOUT_SECONDS));
      workers.shutdownNow();
      connections.forEach(DownstreamServer::close);
      if (!workers.awaitTermination(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS) || acceptor.isAlive()) {
        LOG.warn(
            "Flaky downstream on port {} has threads still " + "running {} s after stop",
            port,
            STOP_TIMEOUT_SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      workers.shutdownNow();
      connections.forEach(DownstreamServer::close);
    }
  }

  private void acceptConnections() {
    while (!listener.isClosed()) {
      Socket socket;
      try {
        socket = listener.accept();
      } catch (IOException e) {
        if (!listener.isClosed()) {
          LOG.warn("Flaky downstream failed to accept a connection", e);
        }
        continue;
      }
      if (!connectionPermits.tryAcquire()) {
        refuse(socket);
        continue;
      }
      connections.add(socket);
      try {
        workers.execute(() -> serve(socket));
      } catch (RejectedExecutionException stopping) {
        connections.remove(socket);
        connectionPermits.release();
        close(socket);
      }
    }
  }

  /**
   * Answers 503 and closes: the connection limit is reached. Runs on the acceptor thread; reads the
   * request first (waiting at most 1 s for it), so that closing does not reset the connection
   * before the client has read the 503.
   */
  private void refuse(Socket socket) {
    try (socket) {
      socket.setSoTimeout(REFUSE_READ_TIMEOUT_MILLIS);
      InputStream in = new BufferedInputStream(socket.getInputStream());
      OutputStream out = socket.getOutputStream();
      Http1Request.read(in, out);
      DownstreamHandler.error(503, Map.of(), "too many connections; the limit is " + maxConnections)
          .writeTo(out, false);
      out.flush();
    } catch (IOException | BadRequestException e) {
      LOG.debug("Flaky downstream could not refuse a connection", e);
    }
  }

  /** The keep-alive loop of one connection: read a request, answer it, until either side closes. */
  private void serve(Socket socket) {
    try (socket) {
      socket.setSoTimeout(IDLE_TIMEOUT_MILLIS);
      socket.setTcpNoDelay(true);
      InputStream in = new BufferedInputStream(socket.getInputStream());
      OutputStream out = new BufferedOutputStream(socket.getOutputStream());
      while (true) {
        Http1Request request;
        try {
          request = Http1Request.read(in, out);
        } catch (BadRequestException e) {
          DownstreamHandler.error(e.status(), Map.of(), String.valueOf(e.getMessage()))
              .writeTo(out, false);
          out.flush();
          return;
        }
        if (request == null) {
          return;
        }
        Http1Response response = answer(request);
        if (response.isConnectionReset()) {
          resetMidResponse(socket, out);
          return;
        }
        boolean keepAlive = request.keepAlive();
        response.writeTo(out, keepAlive);
        out.flush();
        if (!keepAlive) {
          return;
        }
      }
    } catch (SocketTimeoutException idle) {
      LOG.debug("Flaky downstream closed an idle connection");
    } catch (InterruptedException stopping) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      // The client went away or the downstream is stopping; nothing to answer to.
      LOG.debug("Flaky downstream connection ended: {}", e.toString());
    } finally {
      connections.remove(socket);
      connectionPermits.release();
    }
  }

  /**
   * Sends the start of a response, then resets the connection (RST, not FIN): the client sees
   * {@code Connection reset} while reading the headers. Starting the response first matters: the
   * JDK's HttpClient silently resends a GET whose pooled connection fails before any byte of the
   * response arrives, which would hide the reset and add a hit the caller never made.
   */
  private static void resetMidResponse(Socket socket, OutputStream out) throws IOException {
    out.write(RESET_PREFIX);
    out.flush();
    socket.setSoLinger(true, 0); // closing now sends RST instead of FIN
  }

  private Http1Response answer(Http1Request request) throws InterruptedException {
    try {
      return handler.handle(request);
    } catch (RuntimeException e) {
      LOG.error("Flaky downstream failed to answer {} {}", request.method(), request.path(), e);
      return DownstreamHandler.error(500, Map.of(), "internal error: " + e);
    }
  }

  private static void close(Closeable closeable) {
    try {
      closeable.close();
    } catch (IOException e) {
      LOG.debug("Flaky downstream could not close {}", closeable, e);
    }
  }
}
