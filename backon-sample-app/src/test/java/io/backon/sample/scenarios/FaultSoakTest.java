package io.backon.sample.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.backon.sample.client.DownstreamReply;
import io.backon.sample.downstream.DownstreamStats;
import io.backon.sample.scenarios.ScenarioResult.Failure;
import io.backon.sample.scenarios.ScenarioResult.Outcome;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * A bounded fault soak: 3,000 calls spread over every scenario from 8 threads, against a downstream
 * that fails a fifth of its hits with 503, resets another 5 % of connections, and answers after 2
 * ms (2 % after 150 ms). Every call must end as its scenario documents, within its policy's
 * attempts (counted by the downstream per request id), and the JVM must end with no more threads
 * than after the warm-up. The calls go through the same {@link ScenarioRunner} as {@code GET
 * /scenarios/{name}}, without the app's own HTTP layer (whose idle threads would live on for a
 * minute). The give-up and back-off logs are off in this context only: thousands of expected
 * failures would drown the build output. Runs in the default build (about 15 s); tagged so CI can
 * split it out.
 */
@Tag("soak")
@SpringBootTest(
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {"backon.defaults.give-up-log-level=off", "backon.defaults.backoff-log-level=off"})
class FaultSoakTest extends RunningSampleApp {

  private static final int CALLS = 3_000;
  private static final int WARM_UP_CALLS = 300;
  private static final int CLIENT_THREADS = 8;

  /** Server threads live as long as the client's idle keep-alive connections; not ours to count. */
  private static final String DOWNSTREAM_THREADS = "flaky-downstream-";

  /** What RestClient (the blocking scenarios) throws for a 503 and for a reset connection. */
  private static final Set<String> HTTP_FAILURES =
      Set.of(
          "org.springframework.web.client.HttpServerErrorException$ServiceUnavailable",
          "org.springframework.web.client.ResourceAccessException");

  /** The same for WebClient (the asynchronous scenarios). */
  private static final Set<String> WEB_CLIENT_FAILURES =
      Set.of(
          "org.springframework.web.reactive.function.client.WebClientResponseException"
              + "$ServiceUnavailable",
          "org.springframework.web.reactive.function.client.WebClientRequestException");

  @Autowired ScenarioCatalog catalog;

  @Autowired ScenarioRunner runner;

  @Test
  void everyCallEndsAsDocumentedWithinItsPolicysAttemptsAndNoThreadIsLeftBehind() throws Exception {
    downstreamBehaves(
        b ->
            b.failureRate(0.2)
                .resetRate(0.05)
                .latency(Duration.ofMillis(2))
                .longTailRate(0.02)
                .longTailLatency(Duration.ofMillis(150))
                .seed(42));
    runCalls("warm-up", WARM_UP_CALLS);
    long baseline = liveThreads();
    downstream.resetStats();

    long start = System.nanoTime();
    List<Call> calls = runCalls("soak", CALLS);
    long soakMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    long[] lastTotal = {-1};
    await("hedge copies still on their way have arrived")
        .atMost(Duration.ofSeconds(5))
        .pollInSameThread()
        .pollInterval(Duration.ofMillis(200))
        .until(() -> lastTotal[0] == (lastTotal[0] = downstream.totalHits()));
    DownstreamStats stats = downstream.stats();

    assertThat(calls).hasSize(CALLS);
    for (Call call : calls) {
      checkCall(call, stats.hits(call.requestId()));
    }
    assertThat(stats.totalHits())
        .as("every hit belongs to a call")
        .isEqualTo(stats.hitsByRequestId().values().stream().mapToLong(Long::longValue).sum());
    assertThat(stats.evictedRequestIds()).isZero();
    assertThat(soakMillis).isLessThan(60_000);
    await("threads back to the warm-up count")
        .atMost(Duration.ofSeconds(40))
        .pollInSameThread()
        .pollInterval(Duration.ofMillis(250))
        .until(() -> liveThreads() <= baseline);

    Map<Outcome, Long> outcomes = new EnumMap<>(Outcome.class);
    calls.forEach(call -> outcomes.merge(call.result().outcome(), 1L, Long::sum));
    System.out.printf(
        "Fault soak: %d calls in %d ms, %d downstream hits, outcomes %s, "
            + "threads after warm-up %d, at the end %d (JVM peak %d)%n",
        CALLS,
        soakMillis,
        stats.totalHits(),
        outcomes,
        baseline,
        liveThreads(),
        ManagementFactory.getThreadMXBean().getPeakThreadCount());
  }

  /** A call's outcome and hits must be what its scenario documents. */
  private static void checkCall(Call call, long hits) {
    ScenarioResult result = call.result();
    String scenario = result.scenario();
    Expectation expected = Expectation.of(scenario);
    String what = scenario + " " + call.requestId() + " " + result;
    assertThat(hits).as("hits of %s", what).isLessThanOrEqualTo(expected.maxHits());
    switch (result.outcome()) {
      case SUCCESS -> {
        DownstreamReply reply = Objects.requireNonNull(result.reply(), what);
        assertThat(reply.outcome()).as(what).isEqualTo("ok");
        assertThat(hits).as(what).isGreaterThanOrEqualTo(reply.hit());
        if (!scenario.equals("hedged")) {
          assertThat(reply.hit()).as("the success is the last hit of %s", what).isEqualTo(hits);
        }
      }
      case FALLBACK -> {
        assertThat(scenario).isEqualTo("fallback");
        assertThat(hits).as("the fallback after all attempts of %s", what).isEqualTo(3);
      }
      case FAILURE -> {
        Failure error = Objects.requireNonNull(result.error(), what);
        assertThat(error.type()).as(what).isIn(expected.failures());
        if (expected.exhaustsTries()) {
          assertThat(hits)
              .as("gave up only after every attempt: %s", what)
              .isEqualTo(expected.maxHits());
        }
        if (!error.type().equals("io.backon.breaker.CircuitOpenException")) {
          assertThat(hits).as(what).isPositive();
        }
      }
    }
  }

  private List<Call> runCalls(String prefix, int count) throws Exception {
    List<Scenario> scenarios = catalog.all();
    ExecutorService clients = Executors.newFixedThreadPool(CLIENT_THREADS);
    try {
      List<Future<Call>> futures = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        Scenario scenario = scenarios.get(i % scenarios.size());
        String requestId = prefix + "-" + i;
        futures.add(
            clients.submit(
                () ->
                    new Call(
                        requestId, runner.run(scenario, requestId).get(30, TimeUnit.SECONDS))));
      }
      List<Call> calls = new ArrayList<>();
      for (Future<Call> future : futures) {
        calls.add(future.get(60, TimeUnit.SECONDS));
      }
      return calls;
    } finally {
      clients.shutdown();
      assertThat(clients.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }
  }

  /** Live platform threads of the JVM, except the downstream server's. */
  private static long liveThreads() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    return Arrays.stream(threads.getThreadInfo(threads.getAllThreadIds()))
        .filter(Objects::nonNull)
        .map(ThreadInfo::getThreadName)
        .filter(name -> !name.startsWith(DOWNSTREAM_THREADS))
        .count();
  }

  /** One finished call. */
  private record Call(String requestId, ScenarioResult result) {}

  /**
   * What a scenario documents.
   *
   * @param maxHits attempts (times copies, for hedging) its policy allows
   * @param exhaustsTries whether a failure always comes after {@code maxHits} attempts (no breaker,
   *     budget, deadline or hedging that may end it sooner)
   * @param failures the exception types a failed call may end with
   */
  private record Expectation(int maxHits, boolean exhaustsTries, Set<String> failures) {

    static Expectation of(String scenario) {
      return switch (scenario) {
        case "retry" -> new Expectation(4, true, HTTP_FAILURES);
        case "async", "reactive" -> new Expectation(4, true, WEB_CLIENT_FAILURES);
        case "catalog-item", "catalog-price", "fallback" -> new Expectation(3, true, HTTP_FAILURES);
        case "budget" -> new Expectation(3, false, HTTP_FAILURES);
        case "breaker" ->
            new Expectation(
                3, false, with(HTTP_FAILURES, "io.backon.breaker.CircuitOpenException"));
        case "hedged" -> new Expectation(2 * 2, false, HTTP_FAILURES);
        case "http" ->
            new Expectation(
                4, false, with(HTTP_FAILURES, "io.backon.breaker.CircuitOpenException"));
        case "deadline" ->
            new Expectation(
                5,
                false,
                with(
                    HTTP_FAILURES,
                    "io.backon.DeadlineExceededException",
                    "io.backon.AttemptTimeoutException"));
        default -> throw new IllegalArgumentException("no expectation for scenario " + scenario);
      };
    }

    private static Set<String> with(Set<String> types, String... more) {
      Set<String> all = new HashSet<>(types);
      all.addAll(List.of(more));
      return Set.copyOf(all);
    }
  }
}
