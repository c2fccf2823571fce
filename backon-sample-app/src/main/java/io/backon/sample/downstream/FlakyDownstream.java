package io.backon.sample.downstream;

import com.sun.net.httpserver.HttpServer;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A test double of an unreliable HTTP service on 127.0.0.1, failing on purpose as a {@link
 * DownstreamBehaviour} says: the JDK's {@code HttpServer} with one handler ({@link
 * DownstreamHandler}), behind a {@link ConnectionRelay} that can reset a connection.
 *
 * <p>Endpoints (all JSON):
 *
 * <ul>
 *   <li>{@code GET|POST /data}: the flaky one. Counts the hit under its {@code X-Request-Id}, then
 *       waits and answers as the behaviour says; the answer carries {@code X-Downstream-Hit},
 *       {@code X-Downstream-Outcome} and {@code X-Downstream-Latency-Ms};
 *   <li>{@code GET /control}: the behaviour as {@link BehaviourSettings}; {@code POST /control}:
 *       changes the fields given as query parameters and/or a JSON body; {@code POST
 *       /control/reset}: back to the initial behaviour, counts cleared;
 *   <li>{@code GET /stats}: the {@link DownstreamStats}; {@code DELETE /stats}: clears them.
 * </ul>
 *
 * Only {@code /data} hits are counted, and only {@code /data} misbehaves.
 *
 * <p>Life cycle: {@link #start()} binds and serves, {@link #stop()} closes the listening socket and
 * every open connection and returns once its threads have ended; it can be started again (with port
 * 0 it gets a new port). Behaviour and counts survive a restart.
 *
 * <p>Threads, all named {@code flaky-downstream-<port>-...}: the relay's acceptor, two relaying
 * threads per open connection (an idle keep-alive connection is closed by the server after 30 s),
 * and one per request being answered. All methods are thread-safe.
 */
public final class FlakyDownstream implements AutoCloseable {

  static {
    // Without it, Nagle's algorithm meets the client's delayed ACK: about 40 ms per answer. The
    // JDK reads it once, when the first HttpServer of the JVM is created.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private static final Logger LOG = LoggerFactory.getLogger(FlakyDownstream.class);
  private static final long STOP_TIMEOUT_SECONDS = 5;

  private final int requestedPort;
  private final DownstreamBehaviour initialBehaviour;
  private final AtomicReference<DownstreamBehaviour> behaviour;
  private final HitCounter hits;
  private @Nullable Run run;

  private FlakyDownstream(Builder builder) {
    this.requestedPort = builder.port;
    this.initialBehaviour = builder.behaviour;
    this.behaviour = new AtomicReference<>(builder.behaviour);
    this.hits = new HitCounter(builder.maxTrackedRequestIds);
  }

  /** A builder with port 0 (ephemeral), the healthy behaviour and the default limits. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Binds 127.0.0.1 on the configured port and starts serving; does nothing if already running.
   *
   * @return this downstream, for chaining
   * @throws IllegalStateException if the port cannot be bound, with the cause
   */
  public synchronized FlakyDownstream start() {
    if (run == null) {
      run = Run.start(this, requestedPort);
      LOG.info("Flaky downstream listening on {}", baseUri());
    }
    return this;
  }

  /**
   * Stops serving: closes the listening socket and every open connection (requests in flight get no
   * answer), then waits up to 5 s for its threads to end. Does nothing if not running.
   */
  public synchronized void stop() {
    Run stopping = run;
    if (stopping != null) {
      run = null;
      stopping.stop();
      LOG.info("Flaky downstream on port {} stopped", stopping.port());
    }
  }

  /** Same as {@link #stop()}. */
  @Override
  public void close() {
    stop();
  }

  /** Whether the downstream is serving. */
  public synchronized boolean isRunning() {
    return run != null;
  }

  /**
   * The port it listens on (the actual one when configured with 0).
   *
   * @throws IllegalStateException if not running
   */
  public synchronized int port() {
    return running().port();
  }

  /**
   * {@code http://127.0.0.1:<port>}: a literal IPv4 address, since {@code localhost} may resolve to
   * IPv6 first, where nothing listens.
   *
   * @throws IllegalStateException if not running
   */
  public URI baseUri() {
    return URI.create("http://127.0.0.1:" + port());
  }

  /** How many client connections are open right now. */
  public synchronized int openConnections() {
    Run current = run;
    return current == null ? 0 : current.relay().openConnections();
  }

  /** The behaviour in force. */
  public DownstreamBehaviour behaviour() {
    return behaviour.get();
  }

  /** Replaces the behaviour; hits that arrive afterwards see it. */
  public void setBehaviour(DownstreamBehaviour newBehaviour) {
    behaviour.set(Objects.requireNonNull(newBehaviour, "newBehaviour"));
  }

  /**
   * Changes the behaviour atomically; {@code change} may run more than once under contention, so it
   * must be free of side effects.
   *
   * @return the new behaviour
   */
  public DownstreamBehaviour updateBehaviour(UnaryOperator<DownstreamBehaviour> change) {
    Objects.requireNonNull(change, "change");
    return behaviour.updateAndGet(
        current ->
            Objects.requireNonNull(change.apply(current), "the behaviour change returned null"));
  }

  /** The behaviour it was built with. */
  public DownstreamBehaviour initialBehaviour() {
    return initialBehaviour;
  }

  /** Restores the initial behaviour and clears the hit counts. */
  public void reset() {
    behaviour.set(initialBehaviour);
    hits.reset();
  }

  /** {@code /data} hits counted for one {@code X-Request-Id}; 0 if unknown or evicted. */
  public long hits(String requestId) {
    return hits.hits(Objects.requireNonNull(requestId, "requestId"));
  }

  /** Every {@code /data} hit counted since start or the last reset. */
  public long totalHits() {
    return hits.totalHits();
  }

  /** A consistent snapshot of all hit counts. */
  public DownstreamStats stats() {
    return hits.snapshot();
  }

  /** Clears the hit counts; hit numbers, and so {@code failFirst}, start again at 1. */
  public void resetStats() {
    hits.reset();
  }

  private Run running() {
    Run current = run;
    if (current == null) {
      throw new IllegalStateException("flaky downstream is not running; call start() first");
    }
    return current;
  }

  /**
   * One run: the relay on the public port, the JDK server on an ephemeral one behind it, and the
   * threads of both.
   */
  private record Run(
      ConnectionRelay relay, HttpServer http, ExecutorService threads, Thread acceptor, int port) {

    static Run start(FlakyDownstream downstream, int requestedPort) {
      ServerSocket listener = null;
      try {
        listener = new ServerSocket();
        listener.setReuseAddress(true);
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), requestedPort), 128);
        int port = listener.getLocalPort();
        ExecutorService threads = Executors.newCachedThreadPool(daemons(port));
        HttpServer http = HttpServer.create(new InetSocketAddress(listener.getInetAddress(), 0), 0);
        ConnectionRelay relay = new ConnectionRelay(listener, http.getAddress(), threads);
        http.createContext("/", new DownstreamHandler(downstream, downstream.hits, relay));
        http.setExecutor(threads);
        http.start();
        Thread acceptor = new Thread(relay::acceptAll, "flaky-downstream-" + port + "-acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
        return new Run(relay, http, threads, acceptor, port);
      } catch (IOException e) {
        closeQuietly(listener);
        throw new IllegalStateException(
            "flaky downstream cannot listen on 127.0.0.1:" + requestedPort, e);
      }
    }

    /** Closes every connection, stops the server, interrupts requests waiting out a latency. */
    void stop() {
      closeQuietly(relay);
      http.stop(0);
      threads.shutdownNow();
      try {
        acceptor.join(TimeUnit.SECONDS.toMillis(STOP_TIMEOUT_SECONDS));
        if (!threads.awaitTermination(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS)
            || acceptor.isAlive()) {
          LOG.warn(
              "Flaky downstream on port {} has threads still running {} s after stop",
              port,
              STOP_TIMEOUT_SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    private static ThreadFactory daemons(int port) {
      AtomicLong counter = new AtomicLong();
      return task -> {
        Thread thread =
            new Thread(task, "flaky-downstream-" + port + "-" + counter.incrementAndGet());
        thread.setDaemon(true);
        return thread;
      };
    }

    private static void closeQuietly(@Nullable Closeable closeable) {
      try {
        if (closeable != null) {
          closeable.close();
        }
      } catch (IOException e) {
        LOG.debug("Flaky downstream could not close {}", closeable, e);
      }
    }
  }

  /** Configures a {@link FlakyDownstream}. Not thread-safe. */
  public static final class Builder {

    /** Default number of request ids whose hits are kept: 10,000. */
    public static final int DEFAULT_MAX_TRACKED_REQUEST_IDS = 10_000;

    private int port;
    private int maxTrackedRequestIds = DEFAULT_MAX_TRACKED_REQUEST_IDS;
    private DownstreamBehaviour behaviour = DownstreamBehaviour.HEALTHY;

    private Builder() {}

    /** TCP port on 127.0.0.1, 0 to 65535; 0 (default) picks a free one at each start. */
    public Builder port(int port) {
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("port must be between 0 and 65535 but was " + port);
      }
      this.port = port;
      return this;
    }

    /**
     * Request ids whose hits are counted, >= 1; beyond it the oldest id is forgotten. Default
     * 10,000 (a few MB at most).
     */
    public Builder maxTrackedRequestIds(int maxTrackedRequestIds) {
      if (maxTrackedRequestIds < 1) {
        throw new IllegalArgumentException(
            "maxTrackedRequestIds must be >= 1 but was " + maxTrackedRequestIds);
      }
      this.maxTrackedRequestIds = maxTrackedRequestIds;
      return this;
    }

    /** The initial behaviour, restored by {@link FlakyDownstream#reset()}. Default healthy. */
    public Builder behaviour(DownstreamBehaviour behaviour) {
      this.behaviour = Objects.requireNonNull(behaviour, "behaviour");
      return this;
    }

    /** A stopped downstream; call {@link FlakyDownstream#start()}. */
    public FlakyDownstream build() {
      return new FlakyDownstream(this);
    }
  }
}
