package io.backon.spring.boot.autoconfigure.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import brave.handler.MutableSpan;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A request to a Brave-traced Spring MVC service that joins its caller's W3C trace: Backon's call
 * is a span under the request's server span, in the caller's trace, and so are the target's log
 * lines and the give-up's WARN line (the request's own error line, with its stack trace, is Spring
 * MVC's).
 */
@BraveAppTest
@ExtendWith(OutputCaptureExtension.class)
class RequestTracesWithBraveTest {

  private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String TRACEPARENT = "00-" + TRACE + "-00f067aa0ba902b7-01";

  @Autowired Payments payments;
  @Autowired FinishedSpans spans;
  @LocalServerPort int port;

  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void forgetEarlierSpans() {
    spans.reset();
  }

  @Test
  void aRetriedCallIsASpanUnderTheRequestsServerSpanInTheCallersTrace(CapturedOutput output)
      throws Exception {
    payments.failFirst(1);

    HttpResponse<String> response = checkout();

    assertThat(response.body()).isEqualTo("charged");
    MutableSpan call = spans.one("backon payments");
    MutableSpan server =
        spans.all().stream().filter(span -> span.id().equals(call.parentId())).findFirst().get();
    assertThat(server.kind()).isEqualTo(brave.Span.Kind.SERVER);
    assertThat(call.traceId()).isEqualTo(TRACE);
    List<MutableSpan> attempts = spans.childrenOf(call);
    assertThat(attempts).hasSize(2);
    assertThat(output.getOut().lines().filter(line -> line.endsWith(": Charging the card")))
        .containsExactly(
            lineOf(output, "[" + TRACE + "-" + attempts.get(0).id() + "]"),
            lineOf(output, "[" + TRACE + "-" + attempts.get(1).id() + "]"));
  }

  @Test
  void aGiveUpInARequestIsOneWarnLineInTheCallersTrace(CapturedOutput output) throws Exception {
    payments.failFirst(Integer.MAX_VALUE);

    assertThat(checkout().statusCode()).isEqualTo(500);

    assertThat(output.getOut().lines().filter(line -> line.contains(" io.backon.retry ")))
        .singleElement()
        .satisfies(
            line ->
                assertThat(line)
                    .contains(" WARN ")
                    .contains("[" + TRACE + "-")
                    .contains("Giving up on Payments.charge() after 3 attempts"));
  }

  private HttpResponse<String> checkout() throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/checkout"))
            .header("traceparent", TRACEPARENT)
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String lineOf(CapturedOutput output, String marker) {
    return output.getOut().lines().filter(line -> line.contains(marker)).findFirst().orElse(marker);
  }
}
