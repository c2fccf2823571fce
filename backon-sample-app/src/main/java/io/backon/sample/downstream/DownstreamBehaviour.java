package io.backon.sample.downstream;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How the {@link FlakyDownstream} answers {@code /data}: an immutable snapshot, swapped atomically
 * at run time. Each hit reads one snapshot, so a change never mixes old and new settings within one
 * request. Build one with {@link #builder()}; every value is validated by the constructor.
 *
 * <p>For each hit the downstream first waits (the {@code latency}, or the {@code longTailLatency}
 * for the long-tail share of hits), then answers with the first outcome that applies:
 *
 * <ol>
 *   <li>{@code outage}: always {@code 503 Service Unavailable} (the control and stats endpoints
 *       keep working, so an outage can be switched off again);
 *   <li>{@code failFirst}: the first {@code failFirst} hits of each {@code X-Request-Id} fail with
 *       {@code failureStatus} (hits without that header are exempt);
 *   <li>{@code resetRate}: that share of hits has its connection reset: the downstream sends the
 *       status line, then a TCP RST, so the client fails reading the headers with {@code
 *       java.net.SocketException: Connection reset};
 *   <li>{@code failureRate}: that share of hits fails with {@code failureStatus};
 *   <li>otherwise {@code 200 OK}.
 * </ol>
 *
 * Injected failures carry {@code Retry-After: <seconds>} when {@code retryAfter} is set.
 *
 * <p>Randomness is deterministic: whether a hit falls into a rate is decided by a generator seeded
 * from {@code seed}, the request id and the hit number, so the same seed and request ids give the
 * same outcomes in every run, whatever the interleaving of concurrent requests.
 *
 * @param failureRate share of hits, 0.0 to 1.0, that fail with {@code failureStatus}; default 0
 * @param failureStatus HTTP status of injected failures, 400 to 599; default 503
 * @param retryAfter value of the {@code Retry-After} header on injected failures, whole seconds;
 *     {@code null} (default) sends no header
 * @param latency wait before every answer; default zero
 * @param longTailRate share of hits, 0.0 to 1.0, that wait {@code longTailLatency} instead of
 *     {@code latency}; default 0
 * @param longTailLatency the wait of a long-tail hit; default 2 s
 * @param outage whether every hit fails with 503; default false
 * @param resetRate share of hits, 0.0 to 1.0, whose connection is reset; default 0
 * @param failFirst how many hits per request id fail before they succeed; default 0
 * @param seed seed of the rate decisions; default 0
 */
public record DownstreamBehaviour(
    double failureRate,
    int failureStatus,
    @Nullable Duration retryAfter,
    Duration latency,
    double longTailRate,
    Duration longTailLatency,
    boolean outage,
    double resetRate,
    int failFirst,
    long seed) {

  /** Default HTTP status of injected failures: 503 Service Unavailable. */
  public static final int DEFAULT_FAILURE_STATUS = 503;

  /** Default wait of a long-tail hit: 2 seconds. */
  public static final Duration DEFAULT_LONG_TAIL_LATENCY = Duration.ofSeconds(2);

  /** Longest accepted wait: 10 minutes. */
  public static final Duration MAX_LATENCY = Duration.ofMinutes(10);

  /** The healthy downstream: no failures, no latency, seed 0. */
  public static final DownstreamBehaviour HEALTHY = builder().build();

  /** Validates every value; messages name the parameter, its value and the rule. */
  public DownstreamBehaviour {
    requireRate("failureRate", failureRate);
    if (failureStatus < 400 || failureStatus > 599) {
      throw new IllegalArgumentException(
          "failureStatus must be between 400 and 599 but was " + failureStatus);
    }
    if (retryAfter != null) {
      requireLatency("retryAfter", retryAfter);
      if (retryAfter.toNanos() % 1_000_000_000L != 0) {
        throw new IllegalArgumentException(
            "retryAfter must be a whole number of seconds but was "
                + retryAfter.toMillis()
                + " ms");
      }
    }
    requireLatency("latency", latency);
    requireRate("longTailRate", longTailRate);
    requireLatency("longTailLatency", longTailLatency);
    requireRate("resetRate", resetRate);
    if (failFirst < 0) {
      throw new IllegalArgumentException("failFirst must be >= 0 but was " + failFirst);
    }
  }

  /** A builder starting from the {@link #HEALTHY} defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from this snapshot's values. */
  public Builder toBuilder() {
    return new Builder()
        .failureRate(failureRate)
        .failureStatus(failureStatus)
        .retryAfter(retryAfter)
        .latency(latency)
        .longTailRate(longTailRate)
        .longTailLatency(longTailLatency)
        .outage(outage)
        .resetRate(resetRate)
        .failFirst(failFirst)
        .seed(seed);
  }

  private static void requireRate(String name, double rate) {
    if (!(rate >= 0.0 && rate <= 1.0)) {
      throw new IllegalArgumentException(name + " must be between 0.0 and 1.0 but was " + rate);
    }
  }

  private static void requireLatency(String name, Duration value) {
    Objects.requireNonNull(value, name);
    if (value.isNegative() || value.compareTo(MAX_LATENCY) > 0) {
      throw new IllegalArgumentException(
          name
              + " must be between 0 and "
              + MAX_LATENCY.toMillis()
              + " ms but was "
              + value.toMillis()
              + " ms");
    }
  }

  /**
   * Collects the values of a {@link DownstreamBehaviour}; {@link #build()} validates them. Not
   * thread-safe; the snapshots it builds are.
   */
  public static final class Builder {

    private double failureRate;
    private int failureStatus = DEFAULT_FAILURE_STATUS;
    private @Nullable Duration retryAfter;
    private Duration latency = Duration.ZERO;
    private double longTailRate;
    private Duration longTailLatency = DEFAULT_LONG_TAIL_LATENCY;
    private boolean outage;
    private double resetRate;
    private int failFirst;
    private long seed;

    private Builder() {}

    /** Share of hits, 0.0 to 1.0, that fail with the failure status. Default 0. */
    public Builder failureRate(double failureRate) {
      this.failureRate = failureRate;
      return this;
    }

    /** HTTP status of injected failures, 400 to 599. Default 503. */
    public Builder failureStatus(int failureStatus) {
      this.failureStatus = failureStatus;
      return this;
    }

    /** {@code Retry-After} of injected failures, whole seconds; {@code null} (default) = none. */
    public Builder retryAfter(@Nullable Duration retryAfter) {
      this.retryAfter = retryAfter;
      return this;
    }

    /**
     * Throttling: injected failures answer {@code 429 Too Many Requests} with {@code Retry-After:
     * <retryAfter seconds>}. Combine with a failure rate or {@code failFirst}.
     */
    public Builder throttled(Duration retryAfter) {
      return failureStatus(429).retryAfter(Objects.requireNonNull(retryAfter, "retryAfter"));
    }

    /** Wait before every answer. Default zero. */
    public Builder latency(Duration latency) {
      this.latency = latency;
      return this;
    }

    /** Share of hits, 0.0 to 1.0, that wait the long-tail latency instead. Default 0. */
    public Builder longTailRate(double longTailRate) {
      this.longTailRate = longTailRate;
      return this;
    }

    /** Wait of a long-tail hit. Default 2 s. */
    public Builder longTailLatency(Duration longTailLatency) {
      this.longTailLatency = longTailLatency;
      return this;
    }

    /** Whether every hit answers 503. Default false. */
    public Builder outage(boolean outage) {
      this.outage = outage;
      return this;
    }

    /** Share of hits, 0.0 to 1.0, whose connection is reset without a response. Default 0. */
    public Builder resetRate(double resetRate) {
      this.resetRate = resetRate;
      return this;
    }

    /** How many hits of each request id fail before that id succeeds. Default 0. */
    public Builder failFirst(int failFirst) {
      this.failFirst = failFirst;
      return this;
    }

    /** Seed of the rate decisions. Default 0. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * The validated snapshot.
     *
     * @throws IllegalArgumentException naming the first invalid parameter, its value and the rule
     */
    public DownstreamBehaviour build() {
      return new DownstreamBehaviour(
          failureRate,
          failureStatus,
          retryAfter,
          latency,
          longTailRate,
          longTailLatency,
          outage,
          resetRate,
          failFirst,
          seed);
    }
  }
}
