package io.backon.sample.downstream;

import static io.backon.sample.downstream.LoopbackHttp.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Each behaviour of the downstream, seen by a real HTTP client over loopback. */
class FlakyDownstreamBehaviourTest {

  @RegisterExtension
  static final RunningDownstream running = new RunningDownstream(DownstreamBehaviour.HEALTHY);

  static final FlakyDownstream downstream = running.downstream();

  @Test
  void healthyDataAnswersJsonWithTheRequestIdAndHitNumber() throws Exception {
    get(downstream, "/data?item=7", "order-1");
    HttpResponse<String> second = get(downstream, "/data?item=7", "order-1");

    assertThat(second.statusCode()).isEqualTo(200);
    assertThat(second.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(second.headers().firstValue("X-Request-Id")).hasValue("order-1");
    assertThat(second.headers().firstValue("X-Downstream-Hit")).hasValue("2");
    assertThat(second.headers().firstValue("X-Downstream-Outcome")).hasValue("ok");
    assertThat(second.body())
        .isEqualTo(
            "{\"requestId\":\"order-1\",\"hit\":2,\"status\":200,"
                + "\"outcome\":\"ok\",\"latencyMs\":0,\"query\":{\"item\":\"7\"}}");
  }

  @Test
  void failFirstFailsTheFirstHitsOfEachRequestIdThenSucceeds() throws Exception {
    downstream.setBehaviour(DownstreamBehaviour.builder().failFirst(2).build());

    List<Integer> statusesOfA = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      statusesOfA.add(get(downstream, "/data", "a").statusCode());
    }
    int firstOfB = get(downstream, "/data", "b").statusCode();

    assertThat(statusesOfA).containsExactly(503, 503, 200);
    assertThat(firstOfB).isEqualTo(503);
    assertThat(downstream.hits("a")).isEqualTo(3);
    assertThat(downstream.hits("b")).isEqualTo(1);
  }

  @Test
  void failFirstNamesItsOutcomeAndUsesTheFailureStatus() throws Exception {
    downstream.setBehaviour(DownstreamBehaviour.builder().failFirst(1).failureStatus(502).build());

    HttpResponse<String> response = get(downstream, "/data", "x");

    assertThat(response.statusCode()).isEqualTo(502);
    assertThat(response.headers().firstValue("X-Downstream-Outcome")).hasValue("fail-first");
    assertThat(response.headers().firstValue("Retry-After")).isEmpty();
  }

  @Test
  void seededFailureRateFailsTheSameHitsInEveryRun() throws Exception {
    downstream.setBehaviour(DownstreamBehaviour.builder().failureRate(0.3).seed(7).build());
    List<Integer> firstRun = statusesOf(200);
    downstream.resetStats();
    List<Integer> secondRun = statusesOf(200);
    downstream.setBehaviour(DownstreamBehaviour.builder().failureRate(0.3).seed(8).build());
    downstream.resetStats();
    List<Integer> otherSeed = statusesOf(200);

    assertThat(secondRun).isEqualTo(firstRun);
    assertThat(otherSeed).isNotEqualTo(firstRun);
    assertThat(firstRun).containsOnly(200, 503);
    assertThat(firstRun.stream().filter(status -> status == 503).count()).isBetween(35L, 85L);
  }

  @Test
  void throttlingAnswers429WithRetryAfterInSeconds() throws Exception {
    downstream.setBehaviour(
        DownstreamBehaviour.builder().failFirst(1).throttled(Duration.ofSeconds(3)).build());

    HttpResponse<String> throttled = get(downstream, "/data", "t");
    HttpResponse<String> next = get(downstream, "/data", "t");

    assertThat(throttled.statusCode()).isEqualTo(429);
    assertThat(throttled.headers().firstValue("Retry-After")).hasValue("3");
    assertThat(next.statusCode()).isEqualTo(200);
    assertThat(next.headers().firstValue("Retry-After")).isEmpty();
  }

  @Test
  void outageAnswers503ToEveryHitButKeepsControlAndStatsWorking() throws Exception {
    downstream.setBehaviour(DownstreamBehaviour.builder().outage(true).build());

    HttpResponse<String> data = get(downstream, "/data", "o");
    HttpResponse<String> stats = get(downstream, "/stats");
    HttpResponse<String> control = get(downstream, "/control");

    assertThat(data.statusCode()).isEqualTo(503);
    assertThat(data.headers().firstValue("X-Downstream-Outcome")).hasValue("outage");
    assertThat(stats.statusCode()).isEqualTo(200);
    assertThat(control.body()).contains("\"outage\":true");
  }

  @Test
  void latencyDelaysTheAnswerAtLeastByTheConfiguredTime() throws Exception {
    downstream.setBehaviour(DownstreamBehaviour.builder().latency(Duration.ofMillis(300)).build());

    long start = System.nanoTime();
    HttpResponse<String> response = get(downstream, "/data", "slow");
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("X-Downstream-Latency-Ms")).hasValue("300");
    assertThat(took)
        .isGreaterThanOrEqualTo(Duration.ofMillis(300))
        .isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void longTailGivesItsShareOfHitsTheLongLatency() throws Exception {
    downstream.setBehaviour(
        DownstreamBehaviour.builder()
            .latency(Duration.ZERO)
            .longTailRate(0.25)
            .longTailLatency(Duration.ofMillis(20))
            .seed(3)
            .build());

    int longTail = 0;
    for (int i = 0; i < 100; i++) {
      HttpResponse<String> response = get(downstream, "/data", "tail-" + i);
      if (response.headers().firstValue("X-Downstream-Latency-Ms").orElseThrow().equals("20")) {
        longTail++;
      }
    }

    assertThat(longTail).isBetween(10, 40);
  }

  @Test
  void countsHitsPerRequestIdAndInTotalIncludingFailuresAndAnonymousHits() throws Exception {
    downstream.setBehaviour(DownstreamBehaviour.builder().failFirst(1).build());
    get(downstream, "/data", "p");
    get(downstream, "/data", "p");
    get(downstream, "/data", "q");
    get(downstream, "/data");
    get(downstream, "/stats");

    DownstreamStats stats = downstream.stats();

    assertThat(stats.totalHits()).isEqualTo(4);
    assertThat(stats.anonymousHits()).isEqualTo(1);
    assertThat(stats.hitsByRequestId()).containsExactly(entry("p", 2L), entry("q", 1L));
    assertThat(downstream.totalHits()).isEqualTo(4);
  }

  @Test
  void resetStatsRestartsHitNumbersSoFailFirstAppliesAgain() throws Exception {
    downstream.setBehaviour(DownstreamBehaviour.builder().failFirst(1).build());
    get(downstream, "/data", "again");
    get(downstream, "/data", "again");

    downstream.resetStats();
    HttpResponse<String> afterReset = get(downstream, "/data", "again");

    assertThat(afterReset.statusCode()).isEqualTo(503);
    assertThat(afterReset.headers().firstValue("X-Downstream-Hit")).hasValue("1");
  }

  private static List<Integer> statusesOf(int calls) throws Exception {
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < calls; i++) {
      statuses.add(get(downstream, "/data", "call-" + i).statusCode());
    }
    return statuses;
  }
}
