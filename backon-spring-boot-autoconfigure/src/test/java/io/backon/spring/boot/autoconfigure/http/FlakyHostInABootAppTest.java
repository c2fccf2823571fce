package io.backon.spring.boot.autoconfigure.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backon.breaker.CircuitOpenException;
import io.backon.spring.boot.autoconfigure.http.LoopbackServer.Answer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.RestClient;

/**
 * A {@code RestClient} from Spring Boot's builder, on the Apache HttpClient 5 Boot picks when the
 * application has it, against hosts in an outage, with Logback at Boot's default levels. One
 * attempt is one request (Apache's own retries are off). What the operator reads is one WARN line
 * per call that gives up, the host's breaker opening once, and nothing for a 4xx the caller handles
 * or for calls the open breaker rejects; never a path, a query string or a response body.
 */
@SpringBootTest(
    classes = FlakyHostInABootAppTest.App.class,
    properties = {
      "backon.defaults.wait=expo",
      "backon.defaults.delay=1ms",
      "backon.defaults.max-delay=4ms",
      "backon.defaults.jitter=full",
      "backon.circuit-breaker-defaults.failure-threshold=6",
      "backon.circuit-breaker-defaults.recovery-timeout=60s"
    })
@ExtendWith(OutputCaptureExtension.class)
class FlakyHostInABootAppTest {

  private static final String BODY = "{\"detail\":\"BODY-MARKER\"}";

  private static final LoopbackServer server =
      LoopbackServer.start()
          .script("/stock", new Answer(503, Map.of(), BODY))
          .script("/missing", new Answer(404, Map.of(), BODY));

  @Autowired RestClient.Builder builder;

  private static final LoopbackServer otherServer =
      LoopbackServer.start().script("/down", new Answer(503, Map.of(), BODY));

  @AfterAll
  static void stopServers() {
    server.close();
    otherServer.close();
  }

  @Test
  void eachAttemptIsOneRequestOnApacheHttpClient() {
    RestClient client = builder.build();

    assertThatThrownBy(
            () -> client.get().uri(otherServer.uri("/down")).retrieve().body(String.class))
        .isInstanceOf(HttpServerErrorException.ServiceUnavailable.class);

    assertThat(otherServer.hits("/down")).isEqualTo(3);
  }

  @Test
  void anOutageOfAHostLeavesOneWarnLinePerGiveUpAndTheOpeningOnce(CapturedOutput output) {
    RestClient client = builder.build();
    String host = "127.0.0.1:" + server.port();

    assertThatThrownBy(() -> get(client, "/missing?secret=s3cr3t"))
        .isInstanceOf(HttpClientErrorException.NotFound.class);
    assertThatThrownBy(() -> get(client, "/stock?secret=s3cr3t"))
        .isInstanceOf(HttpServerErrorException.ServiceUnavailable.class);
    assertThatThrownBy(() -> get(client, "/stock?secret=s3cr3t"))
        .isInstanceOf(HttpServerErrorException.ServiceUnavailable.class);
    assertThatThrownBy(() -> get(client, "/stock?secret=s3cr3t"))
        .isInstanceOf(CircuitOpenException.class);
    assertThatThrownBy(() -> get(client, "/stock?secret=s3cr3t"))
        .isInstanceOf(CircuitOpenException.class);

    List<String> lines =
        output.getOut().lines().filter(line -> line.contains(" io.backon.")).toList();
    assertThat(lines)
        .as("the backon lines")
        .hasSize(3)
        .allMatch(line -> line.contains(" WARN "))
        .anyMatch(line -> line.contains("Circuit breaker '" + host + "' CLOSED -> OPEN after "))
        .filteredOn(line -> line.contains("Giving up on GET " + host))
        .hasSize(2)
        .allMatch(
            line ->
                line.endsWith(
                        "(max tries reached): io.backon.spring.boot.autoconfigure.http"
                            + ".HttpStatusException: 503 Service Unavailable from "
                            + host
                            + " (GET) [policy default]")
                    || line.contains("(max tries reached, circuit open)"));
    assertThat(output.getAll())
        .doesNotContain("BODY-MARKER")
        .doesNotContain("s3cr3t")
        .doesNotContain("/stock")
        .doesNotContain("\tat ");
  }

  private static String get(RestClient client, String pathAndQuery) {
    return client.get().uri(server.uri(pathAndQuery)).retrieve().body(String.class);
  }

  /** The user's application: nothing but Spring Boot's auto-configuration. */
  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class App {}
}
