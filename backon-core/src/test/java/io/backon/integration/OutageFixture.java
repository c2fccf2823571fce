package io.backon.integration;

import static org.assertj.core.api.Assertions.assertThat;

import io.backon.RetryPolicy;
import io.backon.RetryPolicyBuilder;
import io.backon.Retrying;
import io.backon.breaker.CircuitBreaker;
import io.backon.breaker.CircuitOpenException;
import io.backon.breaker.CircuitState;
import io.backon.breaker.CircuitStateTransition;
import io.backon.budget.RetryBudget;
import io.backon.micrometer.BackonMicrometer;
import io.backon.testing.FakeClock;
import io.backon.wait.Jitter;
import io.backon.wait.Wait;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;

/**
 * An outage lived by many callers of one policy at once: a downstream that can be switched down and
 * up, a policy "inventory" (3 tries, 100 ms constant back-off, no jitter) with a count-window
 * breaker (opens at 50 % failures over at least 10 of its last 500 calls, recovers after 1 s, two
 * trial calls that close it after two successes) and a 10-token retry budget, all metered in a
 * {@link SimpleMeterRegistry}. Time is one fake clock that only the test moves: back-offs are
 * recorded, not slept. Each caller's outcome is checked and tallied as it arrives.
 */
abstract class OutageFixture {

  static final Duration BACKOFF = Duration.ofMillis(100);
  static final Duration RECOVERY = Duration.ofSeconds(1);
  static final String POLICY = "inventory";

  final FakeClock clock = new FakeClock();
  final Downstream downstream = new Downstream();
  final List<CircuitStateTransition> transitions = new CopyOnWriteArrayList<>();
  final CircuitBreaker breaker =
      CircuitBreaker.builder(POLICY)
          .countBasedWindow(500)
          .minimumCalls(10)
          .failureRateThreshold(50)
          .recoveryTimeout(RECOVERY)
          .halfOpenMaxCalls(2)
          .successThreshold(2)
          .clock(clock)
          .onStateChange(transitions::add)
          .build();
  final RetryBudget budget = RetryBudget.builder().name(POLICY).maxTokens(10).build();
  final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  final BackonMicrometer metrics = BackonMicrometer.of(meters).bindTo(breaker).bindTo(budget);

  /** Back-offs the blocking face slept, in nanoseconds (the sleeper only records them). */
  final List<Long> sleeps = new CopyOnWriteArrayList<>();

  /** Records a back-off of the blocking face; one of no time is none. */
  void sleep(long nanos) {
    if (nanos > 0) {
      sleeps.add(nanos);
    }
  }

  /** Calls started so far. */
  final AtomicLong callsMade = new AtomicLong();

  /** How each call ended, by kind. */
  final Map<Seen, LongAdder> seen = new ConcurrentHashMap<>();

  /** How a caller saw its call end; every call ends one of these ways. */
  enum Seen {
    VALUE,
    TARGET_FAILURE,
    REJECTED_BEFORE_REACHING_TARGET,
    REJECTED_AFTER_TARGET_FAILURE,
    CANCELLED
  }

  /** The policy: fake clock, recording sleeper, breaker, budget, meters, logs off. */
  RetryPolicyBuilder policy() {
    return policyWithDefaultLogLevels().backoffLogLevel(Level.OFF).giveUpLogLevel(Level.OFF);
  }

  /** {@link #policy()} logging at the default levels. */
  RetryPolicyBuilder policyWithDefaultLogLevels() {
    return RetryPolicy.builder()
        .name(POLICY)
        .maxTries(3)
        .wait(Wait.constant(BACKOFF))
        .jitter(Jitter.none())
        .retryOn(IOException.class)
        .clock(clock)
        .sleeper(this::sleep)
        .circuitBreaker(breaker)
        .retryBudget(budget)
        .instrumentation(metrics);
  }

  /** Makes {@code count} blocking calls of the downstream one after another, checking each. */
  void callBlocking(Retrying retrying, int count) {
    for (int i = 0; i < count; i++) {
      AtomicInteger reached = new AtomicInteger();
      callsMade.incrementAndGet();
      try {
        String value =
            retrying.call(
                () -> {
                  reached.incrementAndGet();
                  return downstream.request();
                });
        saw(value, null, reached.get());
      } catch (Exception failure) {
        saw(null, failure, reached.get());
      }
    }
  }

  /**
   * Checks how one call ended and tallies it: its value, the target's own failure, or a rejection
   * that carries the target's failure as suppressed exactly when an attempt of this call reached
   * the target.
   *
   * @param reachedTarget how many times this call's attempts reached the downstream
   */
  void saw(@Nullable Object value, @Nullable Throwable failure, int reachedTarget) {
    seen.computeIfAbsent(classify(value, failure, reachedTarget), k -> new LongAdder()).increment();
  }

  private static Seen classify(@Nullable Object value, @Nullable Throwable failure, int reached) {
    if (failure == null) {
      assertThat(value).isEqualTo(Downstream.OK);
      return Seen.VALUE;
    }
    if (failure instanceof java.util.concurrent.CancellationException) {
      return Seen.CANCELLED;
    }
    if (failure instanceof ServiceUnavailable) {
      assertThat(reached).as("attempts that reached the target").isPositive();
      return Seen.TARGET_FAILURE;
    }
    assertThat(failure).isInstanceOf(CircuitOpenException.class);
    if (reached == 0) {
      assertThat(failure.getSuppressed()).as("suppressed of a first-attempt rejection").isEmpty();
      return Seen.REJECTED_BEFORE_REACHING_TARGET;
    }
    assertThat(failure.getSuppressed())
        .as("what the rejection carries after %d failed attempts", reached)
        .singleElement()
        .isInstanceOf(ServiceUnavailable.class);
    return Seen.REJECTED_AFTER_TARGET_FAILURE;
  }

  long seen(Seen kind) {
    LongAdder count = seen.get(kind);
    return count == null ? 0L : count.sum();
  }

  long callsSeen() {
    return seen.values().stream().mapToLong(LongAdder::sum).sum();
  }

  /** Calls counted in {@code backon.calls}, over every outcome and exception. */
  long meteredCalls() {
    return meters.find("backon.calls").tag("name", POLICY).timers().stream()
        .mapToLong(Timer::count)
        .sum();
  }

  /** Attempts counted in {@code backon.attempts} with {@code outcome}, or over all when null. */
  long meteredAttempts(@Nullable String outcome) {
    var search = meters.find("backon.attempts").tag("name", POLICY);
    if (outcome != null) {
      search = search.tag("outcome", outcome);
    }
    return Math.round(search.counters().stream().mapToDouble(Counter::count).sum());
  }

  /**
   * The books after an outage: every call metered once, every attempt metered once (each request
   * that reached the downstream and each rejection by the breaker, nothing else), the budget within
   * its bounds.
   */
  void assertTheBooksBalance(long callsMade) {
    assertThat(callsSeen()).as("calls that ended").isEqualTo(callsMade);
    assertThat(meteredCalls()).as("backon.calls over all outcomes").isEqualTo(callsMade);
    long rejected = breaker.snapshot().rejectedCalls();
    assertThat(meteredAttempts("circuit_open")).as("rejected attempts").isEqualTo(rejected);
    assertThat(meteredAttempts("success")).isEqualTo(downstream.answered.get());
    assertThat(meteredAttempts(null))
        .as("backon.attempts over all outcomes")
        .isEqualTo(downstream.invocations.get() + rejected);
    assertThat(budget.tokens()).isBetween(0.0, (double) budget.maxTokens());
  }

  /**
   * The breaker after recovery: CLOSED once, admitting calls, its fresh window holding only
   * successes, and the budget full again.
   */
  void assertRecovered() {
    assertThat(breaker.state()).isEqualTo(CircuitState.CLOSED);
    assertThat(breaker.snapshot().failedCalls()).isZero();
    assertThat(breaker.snapshot().consecutiveFailures()).isZero();
    assertThat(breaker.tryAcquirePermission()).as("a permission after recovery").isTrue();
    breaker.releasePermission();
    assertThat(budget.tokens()).isEqualTo((double) budget.maxTokens());
    assertThat(transitions.stream().filter(t -> t.to() == CircuitState.CLOSED).count())
        .as("closings")
        .isOne();
  }

  /** The downstream's failure in an outage. */
  static final class ServiceUnavailable extends IOException {
    private static final long serialVersionUID = 1L;

    ServiceUnavailable() {
      super("503 Service Unavailable");
    }
  }

  /** A downstream that is up or down, counting invocations and answers. */
  static final class Downstream {
    static final String OK = "ok";

    final AtomicBoolean up = new AtomicBoolean(true);
    final AtomicInteger invocations = new AtomicInteger();
    final AtomicInteger answered = new AtomicInteger();

    /** One request: "ok" while up, else {@link ServiceUnavailable}. */
    String request() throws ServiceUnavailable {
      invocations.incrementAndGet();
      if (!up.get()) {
        throw new ServiceUnavailable();
      }
      answered.incrementAndGet();
      return OK;
    }
  }
}
