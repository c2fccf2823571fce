package io.backon.spring.boot.autoconfigure.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.backon.EventType;
import io.backon.spring.boot.autoconfigure.http.LoopbackServer.Answer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClient;

/**
 * The meters of HTTP calls as Prometheus scrapes them from {@code /actuator/prometheus} in the
 * field configuration: many threads calling through one policy add up exactly, and the scrape shows
 * only the meters the README documents, each with exactly its documented tags.
 */
@SpringBootTest(
    classes = FieldApp.class,
    properties = FieldApp.CONFIG,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MetersInTheFieldTest {

  /** The README's meter table: Prometheus metric name prefix to the tag keys its samples carry. */
  private static final Map<String, Set<String>> DOCUMENTED =
      Map.ofEntries(
          Map.entry("backon_calls_seconds", Set.of("name", "outcome", "exception")),
          Map.entry("backon_attempts_total", Set.of("name", "outcome", "exception")),
          Map.entry("backon_attempt_duration_seconds", Set.of("name", "outcome")),
          Map.entry("backon_hedges_total", Set.of("name", "outcome")),
          Map.entry("backon_http_calls_seconds", Set.of("policy", "host", "outcome")),
          Map.entry("backon_circuitbreaker_state", Set.of("name", "state")),
          Map.entry("backon_circuitbreaker_transitions_total", Set.of("name", "from", "to")),
          Map.entry("backon_circuitbreaker_not_permitted_total", Set.of("name")),
          Map.entry("backon_circuitbreaker_failure_rate_percent", Set.of("name")),
          Map.entry("backon_circuitbreaker_slow_call_rate_percent", Set.of("name")),
          Map.entry("backon_budget_tokens", Set.of("name")),
          Map.entry("backon_budget_refused_total", Set.of("name")));

  private static final Pattern SAMPLE =
      Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)\\})? (\\S+)$");
  private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"([^\"]*)\"");

  private final LoopbackServer server = LoopbackServer.start();

  @Autowired RestClient.Builder builder;
  @Autowired FieldApp.Recorder recorder;
  @LocalServerPort int port;

  @AfterEach
  void stopServer() {
    server.close();
  }

  @Test
  void manyThreadsCallingThroughOnePolicyAddUpExactly() throws Exception {
    Set<String> failedOnce = ConcurrentHashMap.newKeySet();
    server.handle(
        "/flaky",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          boolean first = failedOnce.add(exchange.getRequestURI().getQuery());
          LoopbackServer.reply(exchange, Answer.of(first ? 503 : 200));
        });
    RestClient client = builder.build();
    Map<String, Double> before = samples(scrape());
    int threads = 8;
    int callsPerThread = 25;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<List<String>>> results = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      results.add(
          pool.submit(
              () -> {
                start.await();
                List<String> bodies = new ArrayList<>();
                for (int c = 0; c < callsPerThread; c++) {
                  bodies.add(
                      client
                          .get()
                          .uri(server.uri("/flaky?id=" + thread + "-" + c))
                          .attribute(BackonHttp.CLIENT_ATTRIBUTE, "bulk")
                          .retrieve()
                          .body(String.class));
                }
                return bodies;
              }));
    }
    start.countDown();
    List<String> bodies = new ArrayList<>();
    for (Future<List<String>> result : results) {
      bodies.addAll(result.get(60, TimeUnit.SECONDS));
    }
    pool.shutdown();

    int calls = threads * callsPerThread;
    String host = "127.0.0.1:" + server.port();
    assertThat(bodies).hasSize(calls).containsOnly("status 200");
    assertThat(server.hits("/flaky")).isEqualTo(2 * calls);
    assertThat(recorder.eventsOf("GET " + host))
        .hasSize(calls)
        .allMatch(e -> e.type() == EventType.BACKOFF && e.policyName().equals("bulk"));
    Map<String, Double> counted = countedSince(before, samples(scrape()));
    assertThat(counted)
        .containsOnly(
            entry(
                "backon_calls_seconds_count{exception=\"none\",name=\"bulk\","
                    + "outcome=\"success_with_retry\"}",
                (double) calls),
            entry(
                "backon_attempts_total{exception=\"HttpStatusException\",name=\"bulk\","
                    + "outcome=\"failure\"}",
                (double) calls),
            entry(
                "backon_attempts_total{exception=\"none\",name=\"bulk\",outcome=\"success\"}",
                (double) calls),
            entry(
                "backon_http_calls_seconds_count{host=\""
                    + host
                    + "\",outcome=\"success\",policy=\"bulk\"}",
                (double) calls));
  }

  @Test
  void manyThreadsWithEveryOutcomeAddUpExactlyPerOutcome() throws Exception {
    Set<String> failedOnce = ConcurrentHashMap.newKeySet();
    server.handle(
        "/mixed",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          String id = exchange.getRequestURI().getQuery();
          int kind = Integer.parseInt(id) % 4;
          int status =
              switch (kind) {
                case 0 -> 200;
                case 1 -> failedOnce.add(id) ? 503 : 200;
                case 2 -> 503;
                default -> 404;
              };
          LoopbackServer.reply(exchange, Answer.of(status));
        });
    RestClient client = builder.build();
    Map<String, Double> before = samples(scrape());
    int threads = 8;
    int callsPerThread = 50;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Map<Integer, Integer>>> results = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      results.add(
          pool.submit(
              () -> {
                start.await();
                Map<Integer, Integer> statuses = new TreeMap<>();
                for (int c = 0; c < callsPerThread; c++) {
                  int status =
                      client
                          .get()
                          .uri(server.uri("/mixed?" + (thread * callsPerThread + c)))
                          .attribute(BackonHttp.CLIENT_ATTRIBUTE, "bulk")
                          .exchange((request, response) -> response.getStatusCode().value());
                  statuses.merge(status, 1, Integer::sum);
                }
                return statuses;
              }));
    }
    start.countDown();
    Map<Integer, Integer> statuses = new TreeMap<>();
    for (Future<Map<Integer, Integer>> result : results) {
      result.get(60, TimeUnit.SECONDS).forEach((s, n) -> statuses.merge(s, n, Integer::sum));
    }
    pool.shutdown();

    int calls = threads * callsPerThread;
    int each = calls / 4;
    assertThat(statuses).containsOnly(entry(200, 2 * each), entry(503, each), entry(404, each));
    Map<String, Double> counted = countedSince(before, samples(scrape()));
    String host = "127.0.0.1:" + server.port();
    assertThat(counted)
        .containsOnly(
            entry(
                "backon_calls_seconds_count{exception=\"none\",name=\"bulk\","
                    + "outcome=\"success_without_retry\"}",
                2.0 * each),
            entry(
                "backon_calls_seconds_count{exception=\"none\",name=\"bulk\","
                    + "outcome=\"success_with_retry\"}",
                (double) each),
            entry(
                "backon_calls_seconds_count{exception=\"HttpStatusException\",name=\"bulk\","
                    + "outcome=\"failure_with_retry\"}",
                (double) each),
            entry(
                "backon_attempts_total{exception=\"HttpStatusException\",name=\"bulk\","
                    + "outcome=\"failure\"}",
                5.0 * each),
            entry(
                "backon_attempts_total{exception=\"none\",name=\"bulk\",outcome=\"success\"}",
                3.0 * each),
            entry(
                "backon_http_calls_seconds_count{host=\""
                    + host
                    + "\",outcome=\"success\",policy=\"bulk\"}",
                2.0 * each),
            entry(
                "backon_http_calls_seconds_count{host=\""
                    + host
                    + "\",outcome=\"server_error\",policy=\"bulk\"}",
                (double) each),
            entry(
                "backon_http_calls_seconds_count{host=\""
                    + host
                    + "\",outcome=\"client_error\",policy=\"bulk\"}",
                (double) each));
    assertThat(
            counted.entrySet().stream()
                .filter(e -> e.getKey().startsWith("backon_calls_seconds_count"))
                .mapToDouble(Map.Entry::getValue)
                .sum())
        .isEqualTo(calls);
  }

  @Test
  void aPostSentOnlyOnceCountsInItsPolicysMeters() {
    server.script("/orders", Answer.of(503));
    RestClient client = builder.build();

    try {
      client
          .post()
          .uri(server.uri("/orders"))
          .attribute(BackonHttp.CLIENT_ATTRIBUTE, "bulk")
          .body("order")
          .retrieve()
          .toBodilessEntity();
    } catch (RuntimeException expected) {
      // the 503, sent once
    }

    assertThat(server.hits("/orders")).isEqualTo(1);
    assertThat(samples(scrape()))
        .containsEntry(
            "backon_calls_seconds_count{exception=\"HttpStatusException\",name=\"bulk\","
                + "outcome=\"failure_without_retry\"}",
            1.0)
        .containsEntry(
            "backon_http_calls_seconds_count{host=\"127.0.0.1:"
                + server.port()
                + "\",outcome=\"server_error\",policy=\"bulk\"}",
            1.0);
  }

  @Test
  void theScrapeShowsOnlyDocumentedMetersWithTheirDocumentedTags() {
    server.script("/quote", Answer.of(503), Answer.of(200));
    server.script("/down", Answer.of(503));
    RestClient client = builder.build();
    client.get().uri(server.uri("/quote")).retrieve().toBodilessEntity();
    for (int call = 0; call < 2; call++) {
      try {
        client.get().uri(server.uri("/down")).retrieve().toBodilessEntity();
      } catch (RuntimeException expected) {
        // 503, then the open breaker
      }
    }

    Map<String, Set<String>> labelsByMetric = new TreeMap<>();
    for (String sample : samples(scrape()).keySet()) {
      if (!sample.startsWith("backon")) {
        continue;
      }
      Matcher m = Pattern.compile("^([^{]+)(?:\\{(.*)\\})?$").matcher(sample);
      assertThat(m.matches()).isTrue();
      Set<String> labels = labelsByMetric.computeIfAbsent(m.group(1), k -> new TreeSet<>());
      if (m.group(2) != null) {
        LABEL.matcher(m.group(2)).results().forEach(l -> labels.add(l.group(1)));
      }
    }

    assertThat(labelsByMetric)
        .containsKeys(
            "backon_calls_seconds_count",
            "backon_attempts_total",
            "backon_http_calls_seconds_count");
    labelsByMetric.forEach(
        (metric, labels) -> {
          String documented =
              DOCUMENTED.keySet().stream()
                  .filter(
                      name ->
                          metric.equals(name)
                              || metric.matches(Pattern.quote(name) + "_(count|sum|max|bucket)"))
                  .findFirst()
                  .orElse(null);
          assertThat(documented).as("the README documents %s", metric).isNotNull();
          assertThat(labels).as("the tags of %s", metric).isEqualTo(DOCUMENTED.get(documented));
        });
  }

  /**
   * The counts that grew from {@code before} to {@code after}, by how much (sums and maxima left
   * out).
   */
  private static Map<String, Double> countedSince(
      Map<String, Double> before, Map<String, Double> after) {
    Map<String, Double> counted = new TreeMap<>();
    after.forEach(
        (sample, value) -> {
          double grown = value - before.getOrDefault(sample, 0.0);
          boolean count = sample.contains("_count{") || sample.contains("_total{");
          if (count && grown != 0) {
            counted.put(sample, grown);
          }
        });
    return counted;
  }

  private String scrape() {
    var response = new FieldApp.Actuator(port).get("/actuator/prometheus");
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }

  /** Every Backon sample of a Prometheus text scrape, by its name and labels as written. */
  private static Map<String, Double> samples(String scrape) {
    Map<String, Double> samples = new TreeMap<>();
    for (String line : scrape.lines().toList()) {
      Matcher sample = SAMPLE.matcher(line);
      if (line.startsWith("backon") && sample.matches()) {
        String labels = sample.group(2) == null ? "" : "{" + sample.group(2) + "}";
        samples.put(sample.group(1) + labels, Double.parseDouble(sample.group(3)));
      }
    }
    return samples;
  }
}
