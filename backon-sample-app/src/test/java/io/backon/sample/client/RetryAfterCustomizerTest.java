package io.backon.sample.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;

class RetryAfterCustomizerTest {

  private final RetryAfterCustomizer customizer = new RetryAfterCustomizer(Duration.ofSeconds(5),
      Clock.fixed(Instant.parse("2026-10-21T07:28:00Z"), ZoneOffset.UTC));

  @Test
  void waitsAsLongAsA429sRetryAfterAsks() {
    assertThat(customizer.waitFor(throttled("2"))).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void honoursTheDateFormToo() {
    assertThat(customizer.waitFor(throttled("Wed, 21 Oct 2026 07:28:03 GMT")))
        .isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void cutsALongerWaitToTheMaximum() {
    assertThat(customizer.waitFor(throttled("3600"))).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void readsA503sRetryAfter() {
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.RETRY_AFTER, "1");
    HttpServerErrorException unavailable = HttpServerErrorException.create(
        HttpStatus.SERVICE_UNAVAILABLE, "Service Unavailable", headers, new byte[0],
        StandardCharsets.UTF_8);

    assertThat(customizer.waitFor(unavailable)).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void keepsThePolicysBackOffWithoutTheHeaderOrForOtherFailures() {
    HttpClientErrorException noHeader = HttpClientErrorException.create(
        HttpStatus.TOO_MANY_REQUESTS, "Too Many Requests", new HttpHeaders(), new byte[0],
        StandardCharsets.UTF_8);

    assertThat(customizer.waitFor(noHeader)).isNull();
    assertThat(customizer.waitFor(throttled("later"))).isNull();
    assertThat(customizer.waitFor(new ResourceAccessException("reset", new IOException("reset"))))
        .isNull();
  }

  @Test
  void rejectsANegativeMaximum() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new RetryAfterCustomizer(Duration.ofSeconds(-1), Clock.systemUTC()))
        .withMessage("maxWait must be >= 0 but was PT-1S");
  }

  private static HttpClientErrorException throttled(String retryAfter) {
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.RETRY_AFTER, retryAfter);
    return HttpClientErrorException.create(HttpStatus.TOO_MANY_REQUESTS, "Too Many Requests",
        headers, new byte[0], StandardCharsets.UTF_8);
  }
}
