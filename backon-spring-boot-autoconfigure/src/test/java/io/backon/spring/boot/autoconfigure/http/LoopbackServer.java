package io.backon.spring.boot.autoconfigure.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scripted HTTP/1.1 server on loopback (the JDK's {@code HttpServer}): each path answers with its
 * queue of {@link Answer}s, the last one repeating, and counts the requests it got and the client
 * connections (distinct client ports) they came on.
 */
final class LoopbackServer implements AutoCloseable {

  static {
    // Without it, Nagle's algorithm meets the client's delayed ACK: about 40 ms per answer. The
    // JDK reads it once, at its first HttpServer: the module's Surefire settings set it too.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  /** One scripted answer. */
  record Answer(int status, Map<String, String> headers, String body) {

    static Answer of(int status) {
      return new Answer(status, Map.of(), "status " + status);
    }

    static Answer retryAfter(int status, String retryAfter) {
      return new Answer(status, Map.of("Retry-After", retryAfter), "status " + status);
    }
  }

  /** What the server saw of one request. */
  record Seen(String method, String path, String query, Map<String, List<String>> headers) {}

  private final HttpServer server;
  private final ExecutorService threads =
      Executors.newCachedThreadPool(
          task -> {
            Thread thread = new Thread(task, "loopback-server");
            thread.setDaemon(true);
            return thread;
          });
  private final Map<String, Deque<Answer>> scripts = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
  private final List<Seen> seen = new CopyOnWriteArrayList<>();
  private final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();

  private LoopbackServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    server.setExecutor(threads);
    server.createContext("/", this::answer);
    server.start();
  }

  static LoopbackServer start() {
    try {
      return new LoopbackServer();
    } catch (IOException e) {
      throw new IllegalStateException("cannot start a loopback server", e);
    }
  }

  /** Scripts {@code path}: these answers in order, then the last one again. */
  LoopbackServer script(String path, Answer... answers) {
    scripts.put(path, new ArrayDeque<>(List.of(answers)));
    return this;
  }

  /** Replaces the scripted answers of {@code path} with a handler of the test's own. */
  LoopbackServer handle(String path, HttpHandler handler) {
    server.createContext(
        path,
        exchange -> {
          record(exchange);
          handler.handle(exchange);
        });
    return this;
  }

  URI uri(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + port() + pathAndQuery);
  }

  int port() {
    return server.getAddress().getPort();
  }

  /** The requests {@code path} got so far. */
  int hits(String path) {
    AtomicInteger count = hits.get(path);
    return count == null ? 0 : count.get();
  }

  List<Seen> seen() {
    return List.copyOf(seen);
  }

  /** How many distinct client connections requests came on. */
  int connections() {
    return clientPorts.size();
  }

  private void record(HttpExchange exchange) {
    URI uri = exchange.getRequestURI();
    hits.computeIfAbsent(uri.getPath(), p -> new AtomicInteger()).incrementAndGet();
    clientPorts.add(exchange.getRemoteAddress().getPort());
    seen.add(
        new Seen(
            exchange.getRequestMethod(),
            uri.getPath(),
            uri.getRawQuery(),
            Map.copyOf(exchange.getRequestHeaders())));
  }

  private void answer(HttpExchange exchange) throws IOException {
    record(exchange);
    exchange.getRequestBody().readAllBytes();
    Deque<Answer> script = scripts.get(exchange.getRequestURI().getPath());
    Answer answer;
    if (script == null) {
      answer = Answer.of(200);
    } else {
      synchronized (script) {
        answer = script.size() > 1 ? script.poll() : script.peek();
      }
    }
    reply(exchange, answer);
  }

  static void reply(HttpExchange exchange, Answer answer) throws IOException {
    byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
    answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
    exchange.getResponseHeaders().add("Content-Type", "text/plain");
    exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
