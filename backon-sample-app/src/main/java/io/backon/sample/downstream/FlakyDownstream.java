package io.backon.sample.downstream;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An HTTP/1.1 server on 127.0.0.1 that fails on purpose, as configured by a {@link
 * DownstreamBehaviour}: a real, misbehaving dependency for the sample app and its tests.
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
 * <p>Threads: one acceptor thread, and one handler per open connection (an idle keep-alive
 * connection keeps its handler until the client closes it or 30 s pass), on virtual threads when
 * available (see {@link WorkerThreads}). At most {@code maxConnections} connections are served at
 * once; more are answered 503 and closed. All methods are thread-safe.
 */
public final class FlakyDownstream implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(FlakyDownstream.class);

  private final int requestedPort;
  private final int maxConnections;
  private final WorkerThreads workerThreads;
  private final DownstreamBehaviour initialBehaviour;
  private final AtomicReference<DownstreamBehaviour> behaviour;
  private final HitCounter hits;
  private final DownstreamHandler handler;
  private @Nullable DownstreamServer server;

  private FlakyDownstream(Builder builder) {
    this.requestedPort = builder.port;
    this.maxConnections = builder.maxConnections;
    this.workerThreads = builder.workerThreads;
    this.initialBehaviour = builder.behaviour;
    this.behaviour = new AtomicReference<>(builder.behaviour);
    this.hits = new HitCounter(builder.maxTrackedRequestIds);
    this.handler = new DownstreamHandler(this, hits);
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
    if (server == null) {
      ServerSocket socket;
      try {
        socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), requestedPort), 128);
      } catch (IOException e) {
        throw new IllegalStateException(
            "flaky downstream cannot listen on 127.0.0.1:" + requestedPort, e);
      }
      server = new DownstreamServer(socket, handler, workerThreads, maxConnections);
      LOG.info(
          "Flaky downstream listening on {} ({})",
          baseUri(),
          workerThreads.virtual() ? "virtual threads" : maxConnections + " platform threads");
    }
    return this;
  }

  /**
   * Stops serving: closes the listening socket and every open connection (requests in flight get no
   * answer), then waits up to 5 s for its threads to end. Does nothing if not running.
   */
  public synchronized void stop() {
    DownstreamServer stopping = server;
    if (stopping != null) {
      server = null;
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
    return server != null;
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
    DownstreamServer current = server;
    return current == null ? 0 : current.openConnections();
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

  private DownstreamServer running() {
    DownstreamServer current = server;
    if (current == null) {
      throw new IllegalStateException("flaky downstream is not running; call start() first");
    }
    return current;
  }

  /** Configures a {@link FlakyDownstream}. Not thread-safe. */
  public static final class Builder {

    /** Default connection limit: 64. */
    public static final int DEFAULT_MAX_CONNECTIONS = 64;

    /** Default number of request ids whose hits are kept: 10,000. */
    public static final int DEFAULT_MAX_TRACKED_REQUEST_IDS = 10_000;

    private int port;
    private int maxConnections = DEFAULT_MAX_CONNECTIONS;
    private int maxTrackedRequestIds = DEFAULT_MAX_TRACKED_REQUEST_IDS;
    private WorkerThreads workerThreads = WorkerThreads.AUTO;
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

    /** Connections served at once, >= 1; more are answered 503 and closed. Default 64. */
    public Builder maxConnections(int maxConnections) {
      if (maxConnections < 1) {
        throw new IllegalArgumentException("maxConnections must be >= 1 but was " + maxConnections);
      }
      this.maxConnections = maxConnections;
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

    /** Which threads serve connections. Default {@link WorkerThreads#AUTO}. */
    public Builder workerThreads(WorkerThreads workerThreads) {
      this.workerThreads = Objects.requireNonNull(workerThreads, "workerThreads");
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
