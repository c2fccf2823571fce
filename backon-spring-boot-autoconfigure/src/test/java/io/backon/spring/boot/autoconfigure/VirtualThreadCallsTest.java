package io.backon.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.backon.Backon;
import io.backon.Retries;
import io.backon.breaker.CircuitBreaker;
import io.backon.breaker.CircuitBreakerRegistry;
import io.backon.breaker.CircuitState;
import io.backon.breaker.CircuitStateTransition;
import io.backon.budget.RetryBudget;
import io.backon.budget.RetryBudgetRegistry;
import java.io.IOException;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * A Boot application on virtual threads ({@code spring.threads.virtual.enabled=true}) whose
 * {@code @Backon} methods are called from a thousand virtual threads at once, as Tomcat on virtual
 * threads calls them under load: attempt numbers stay per call, attempt timeouts and losing hedged
 * copies interrupt virtual threads, breaker and budget counts lose no update, no call pins its
 * carrier, and a call leaves nothing behind once its virtual thread ended.
 */
@EnabledForJreRange(
    min = JRE.JAVA_21,
    disabledReason = "virtual threads need JDK 21+ (run with JAVA_HOME set to a JDK 21+)")
class VirtualThreadCallsTest {

  private static final int CALLS = 1000;
  private static final long SECONDS = 30;

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(BackonAutoConfiguration.class))
          .withBean(Downstream.class)
          .withPropertyValues(
              "spring.threads.virtual.enabled=true",
              "backon.max-hedges-includes-first=true",
              "backon.defaults.wait=none",
              "backon.policies.numbered.max-tries=3",
              "backon.policies.timed.max-tries=2",
              "backon.policies.timed.attempt-timeout=200ms",
              "backon.policies.hedged.max-tries=1",
              "backon.policies.hedged.hedging.max-hedges=2",
              "backon.policies.hedged.hedging.delay=20ms",
              "backon.policies.guarded.max-tries=1",
              "backon.policies.guarded.circuit-breaker=guard",
              "backon.circuit-breakers.guard.failure-threshold=" + CALLS,
              "backon.circuit-breakers.guard.recovery-timeout=1h",
              "backon.policies.budgeted.max-tries=1",
              "backon.policies.budgeted.budget=shared",
              "backon.budgets.shared.max-tokens=" + CALLS,
              "backon.budgets.shared.token-ratio=0.5");

  @Test
  void everyAttemptOfAThousandConcurrentCallsSeesItsOwnAttemptNumber() {
    runner.run(
        context -> {
          Downstream downstream = context.getBean(Downstream.class);

          List<Integer> results = concurrently(CALLS, downstream::numbered);

          assertThat(results).hasSize(CALLS).containsOnly(3);
          assertThat(downstream.attemptNumbers()).hasSize(CALLS);
          assertThat(downstream.attemptNumbers().values())
              .allSatisfy(seen -> assertThat(seen).containsExactly(1, 2, 3));
        });
  }

  @Test
  void anAttemptTimeoutInterruptsTheSlowAttemptOfEachVirtualThreadAndTheCallsEndInTime() {
    runner.run(
        context -> {
          Downstream downstream = context.getBean(Downstream.class);
          long start = System.nanoTime();

          List<String> results = concurrently(CALLS, downstream::slowFirstAttempt);

          assertThat(results).hasSize(CALLS).containsOnly("attempt 2");
          assertThat(downstream.interrupted()).hasValue(CALLS);
          assertThat(Duration.ofNanos(System.nanoTime() - start))
              .as("each slow attempt sleeps a minute unless interrupted at 200 ms")
              .isLessThan(Duration.ofSeconds(SECONDS));
        });
  }

  @Test
  void aHedgeWinsOnEveryVirtualThreadAndEveryLosingCopyIsInterrupted() {
    runner.run(
        context -> {
          Downstream downstream = context.getBean(Downstream.class);

          List<String> results = concurrently(CALLS, downstream::hedged);

          assertThat(results).hasSize(CALLS).containsOnly("hedge");
          await()
              .atMost(Duration.ofSeconds(SECONDS))
              .untilAsserted(() -> assertThat(downstream.interrupted()).hasValue(CALLS));
        });
  }

  @Test
  void theBreakerOpensExactlyAtTheThresholdWhenFailuresRace() {
    runner.run(
        context -> {
          Downstream downstream = context.getBean(Downstream.class);
          CircuitBreaker guard = context.getBean(CircuitBreakerRegistry.class).breaker("guard");
          List<CircuitStateTransition> transitions = new CopyOnWriteArrayList<>();
          guard.onStateChange(transitions::add);

          concurrently(CALLS - 1, call -> failureOf(downstream::failGuarded));

          assertThat(guard.state()).isEqualTo(CircuitState.CLOSED);
          assertThat(guard.snapshot().consecutiveFailures()).isEqualTo(CALLS - 1);

          concurrently(1, call -> failureOf(downstream::failGuarded));

          assertThat(guard.state()).isEqualTo(CircuitState.OPEN);
          assertThat(transitions)
              .extracting(CircuitStateTransition::to)
              .containsExactly(CircuitState.OPEN);
        });
  }

  @Test
  void budgetTokensAddUpWhenAttemptsRace() {
    runner.run(
        context -> {
          Downstream downstream = context.getBean(Downstream.class);
          RetryBudget shared = context.getBean(RetryBudgetRegistry.class).budget("shared");

          concurrently(600, call -> failureOf(() -> downstream.budgeted(false)));
          assertThat(shared.tokens()).isEqualTo(CALLS - 600);

          concurrently(CALLS, call -> downstream.budgeted(true));
          assertThat(shared.tokens()).isEqualTo(CALLS - 600 + CALLS * 0.5);
        });
  }

  @Test
  void aCallOnAVirtualThreadKeepsNothingOfItsArgumentsOrResultOnceTheThreadEnded() {
    runner.run(
        context -> {
          Downstream downstream = context.getBean(Downstream.class);
          List<WeakReference<Object>> kept = new ArrayList<>();

          concurrently(
              CALLS,
              call -> {
                Object argument = new byte[1024];
                Object result = downstream.echo(argument);
                synchronized (kept) {
                  kept.add(new WeakReference<>(argument));
                  kept.add(new WeakReference<>(result));
                }
                return null;
              });

          await()
              .atMost(Duration.ofSeconds(SECONDS))
              .untilAsserted(
                  () -> {
                    System.gc();
                    assertThat(kept).allSatisfy(ref -> assertThat(ref.get()).isNull());
                  });
        });
  }

  @Test
  void noCallPinsItsCarrierThread() {
    // jdk.tracePinnedThreads is gone since JDK 24 (JEP 491); the JFR event is what is left.
    runner.run(
        context -> {
          Downstream downstream = context.getBean(Downstream.class);
          // Load and initialize every class first: the JVM pins a carrier while a virtual thread
          // waits for a class being loaded or initialized, whoever's class it is.
          concurrently(CALLS, downstream::numbered);
          concurrently(CALLS, downstream::slowFirstAttempt);
          concurrently(CALLS, downstream::hedged);
          Path dump = Files.createTempFile("pinned", ".jfr");
          try (Recording recording = new Recording()) {
            recording
                .enable("jdk.VirtualThreadPinned")
                .withThreshold(Duration.ZERO)
                .withStackTrace();
            recording.start();
            concurrently(CALLS, downstream::numbered);
            concurrently(CALLS, downstream::slowFirstAttempt);
            concurrently(CALLS, downstream::hedged);
            recording.stop();
            recording.dump(dump);
          }
          List<RecordedEvent> pinned = RecordingFile.readAllEvents(dump);
          Files.delete(dump);
          assertThat(pinned)
              .as("pinned while blocked in Backon's own code")
              .filteredOn(VirtualThreadCallsTest::blockedInBackon)
              .isEmpty();
        });
  }

  /**
   * Whether a pinning event's virtual thread blocked in a Backon class (the top frame of its
   * stack), rather than in the JDK (class loading, a class initializer) beneath Backon's frames.
   */
  private static boolean blockedInBackon(RecordedEvent event) {
    RecordedStackTrace stack = event.getStackTrace();
    if (stack == null || stack.getFrames().isEmpty()) {
      return false;
    }
    RecordedFrame top = stack.getFrames().get(0);
    return top.getMethod().getType().getName().startsWith("io.backon.")
        && !top.getMethod().getType().getName().startsWith(VirtualThreadCallsTest.class.getName());
  }

  /** Runs {@code calls} calls of {@code call}, each on its own virtual thread, all at once. */
  static <T> List<T> concurrently(int calls, CallNumbered<T> call) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService threads = virtualThreadPerTask();
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < calls; i++) {
        int number = i;
        Callable<T> task =
            () -> {
              start.await();
              return call.call(number);
            };
        futures.add(threads.submit(task));
      }
      start.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> future : futures) {
        results.add(future.get(SECONDS, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      threads.shutdownNow();
    }
  }

  /** Calls {@code call}, which must fail, and returns its failure. */
  static Throwable failureOf(Callable<?> call) {
    try {
      call.call();
    } catch (Exception expected) {
      return expected;
    }
    throw new AssertionError("the call should have failed");
  }

  /**
   * {@code Executors.newVirtualThreadPerTaskExecutor()}, which {@code --release 17} cannot name.
   */
  static ExecutorService virtualThreadPerTask() throws Exception {
    return (ExecutorService)
        Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
  }

  /** One call, given its number. */
  @FunctionalInterface
  interface CallNumbered<T> {
    T call(int number) throws Exception;
  }

  /** The downstream service the thousand virtual threads call. */
  static class Downstream {
    final Map<Integer, List<Integer>> attemptNumbers = new ConcurrentHashMap<>();
    final Map<Integer, AtomicInteger> copies = new ConcurrentHashMap<>();
    final AtomicInteger interrupted = new AtomicInteger();

    @Backon("numbered")
    public int numbered(int call) throws IOException {
      List<Integer> seen = attemptNumbers.computeIfAbsent(call, c -> new CopyOnWriteArrayList<>());
      seen.add(Retries.attemptNumber());
      Thread.yield(); // lets another virtual thread run on this carrier mid-attempt
      int attempt = Retries.attemptNumber();
      if (attempt < 3) {
        throw new IOException("attempt " + attempt + " of call " + call);
      }
      return attempt;
    }

    @Backon("timed")
    public String slowFirstAttempt(int call) {
      if (Retries.attemptNumber() == 1) {
        sleepUntilInterrupted();
      }
      return "attempt " + Retries.attemptNumber();
    }

    @Backon("hedged")
    public String hedged(int call) {
      if (copies.computeIfAbsent(call, c -> new AtomicInteger()).incrementAndGet() == 1) {
        sleepUntilInterrupted();
        return "primary";
      }
      return "hedge";
    }

    @Backon("guarded")
    public Object failGuarded() throws IOException {
      throw new IOException("down");
    }

    @Backon("budgeted")
    public Object budgeted(boolean succeed) throws IOException {
      if (!succeed) {
        throw new IOException("down");
      }
      return "ok";
    }

    @Backon("numbered")
    public Object echo(Object argument) {
      return new Object[] {argument};
    }

    Map<Integer, List<Integer>> attemptNumbers() {
      return attemptNumbers;
    }

    AtomicInteger interrupted() {
      return interrupted;
    }

    private void sleepUntilInterrupted() {
      try {
        Thread.sleep(60_000);
      } catch (InterruptedException expected) {
        interrupted.incrementAndGet();
        Thread.currentThread().interrupt();
      }
    }
  }
}
