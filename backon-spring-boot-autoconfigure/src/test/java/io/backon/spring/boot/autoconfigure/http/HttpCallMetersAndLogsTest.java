package io.backon.spring.boot.autoconfigure.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backon.Retrying;
import io.backon.spring.boot.autoconfigure.RetryPolicyRegistry;
import io.backon.spring.boot.autoconfigure.http.LoopbackServer.Answer;
import io.backon.spring.boot.autoconfigure.metrics.BackonMetricsAutoConfiguration;
import io.backon.testing.ManualSleeper;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * HTTP calls are counted on a meter of their own, {@code backon.http.calls}, tagged with policy,
 * host and outcome; Backon's other meters keep their tags (no host). Log lines name the method and
 * the host, never the path or the query string.
 */
class HttpCallMetersAndLogsTest {

  private final LoopbackServer server = LoopbackServer.start();
  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final Logger retryLogger = Logger.getLogger("io.backon.retry");
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          lines.add(new java.util.logging.SimpleFormatter().formatMessage(record));
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @AfterEach
  void stop() {
    retryLogger.removeHandler(capture);
    server.close();
  }

  @Test
  void countsEachCallByPolicyHostAndOutcomeOnAMeterOfItsOwn() {
    server.script("/quote", Answer.of(503), Answer.of(200));
    server.script("/down", Answer.of(503));
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    HttpContexts.runner(new ManualSleeper())
        .withConfiguration(AutoConfigurations.of(BackonMetricsAutoConfiguration.class))
        .withBean(MeterRegistry.class, () -> meters)
        .run(
            context -> {
              try (TestHttpClient client = ClientKind.REST_CLIENT_JDK.open(context)) {
                client.get(server.uri("/quote?account=secret-42"));
                client.get(server.uri("/down"));
              }
              String host = "127.0.0.1:" + server.port();

              assertThat(
                      meters
                          .get("backon.http.calls")
                          .tags("policy", "default", "host", host, "outcome", "success")
                          .timer()
                          .count())
                  .isOne();
              assertThat(
                      meters
                          .get("backon.http.calls")
                          .tags("policy", "default", "host", host, "outcome", "server_error")
                          .timer()
                          .count())
                  .isOne();
              Map<String, Set<Set<String>>> tagKeysByName =
                  meters.getMeters().stream()
                      .collect(
                          Collectors.groupingBy(
                              meter -> meter.getId().getName(),
                              Collectors.mapping(
                                  HttpCallMetersAndLogsTest::tagKeys, Collectors.toSet())));
              assertThat(tagKeysByName)
                  .allSatisfy((name, keySets) -> assertThat(keySets).hasSize(1));
              assertThat(tagKeysByName).containsKey("backon.calls");
              assertThat(tagKeysByName)
                  .allSatisfy(
                      (name, keySets) -> {
                        if (!name.equals("backon.http.calls")) {
                          assertThat(keySets.iterator().next()).doesNotContain("host");
                        }
                      });
            });
  }

  private static Set<String> tagKeys(Meter meter) {
    return meter.getId().getTags().stream().map(Tag::getKey).collect(Collectors.toSet());
  }

  @Test
  void logLinesNameTheHostNeverThePathOrQuery() {
    retryLogger.addHandler(capture);
    server.script("/accounts/42", Answer.of(503));
    HttpContexts.runner(new ManualSleeper())
        .run(
            context -> {
              try (TestHttpClient client = ClientKind.REST_CLIENT_JDK.open(context)) {
                client.get(server.uri("/accounts/42?token=secret-42"));
              }
            });

    assertThat(lines)
        .singleElement()
        .asString()
        .startsWith("Giving up on GET 127.0.0.1:" + server.port() + " after 3 attempts")
        .contains("503 Service Unavailable from 127.0.0.1:" + server.port())
        .doesNotContain("/accounts", "secret-42");
  }

  @Test
  void anEnclosingPolicysGiveUpLineNamesTheHostOfTheFailedRequestOnly() throws Exception {
    retryLogger.addHandler(capture);
    try (ResettingServer resetting = ResettingServer.start()) {
      HttpContexts.runner(new ManualSleeper())
          .withPropertyValues(
              "backon.policies.outer.max-tries=2",
              "backon.policies.outer.retry-on="
                  + "org.springframework.web.client.ResourceAccessException")
          .run(
              context -> {
                RestClient client =
                    context
                        .getBean(RestClient.Builder.class)
                        .requestFactory(new JdkClientHttpRequestFactory())
                        .build();
                Retrying outer = context.getBean(RetryPolicyRegistry.class).retrying("outer");

                assertThatThrownBy(
                        () ->
                            outer.call(
                                () ->
                                    client
                                        .get()
                                        .uri(resetting.uri("/accounts/42?token=secret-42"))
                                        .retrieve()
                                        .body(String.class)))
                    .isInstanceOf(ResourceAccessException.class)
                    .hasMessageContaining("/accounts/42");
              });
    }

    assertThat(lines)
        .filteredOn(line -> line.startsWith("Giving up on"))
        .isNotEmpty()
        .allSatisfy(
            line ->
                assertThat(line)
                    .contains("ResourceAccessException", "http://127.0.0.1:")
                    .doesNotContain("/accounts", "secret-42"));
    assertThat(lines).noneSatisfy(line -> assertThat(line).contains("secret-42"));
  }
}
