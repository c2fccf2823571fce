package io.backon.sample.client;

import io.backon.RetryPolicyBuilder;
import io.backon.spring.boot.autoconfigure.BackonPolicyCustomizer;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.web.client.RestClientResponseException;

/**
 * Makes every policy of the app honour {@code Retry-After}: when a failed attempt is an HTTP
 * error response (a {@link RestClientResponseException}, e.g. {@code 429 Too Many Requests} or
 * {@code 503}) carrying that header, the next attempt waits as long as the server asked, instead
 * of the policy's back-off and jitter, but never longer than {@code maxWait}
 * ({@code sample.retry-after.max-wait}). Other failures keep the policy's back-off. Whether the
 * failure is retried at all, and the policy's {@code max-tries}, {@code deadline} and budget,
 * still decide. Stateless and thread-safe.
 */
public final class RetryAfterCustomizer implements BackonPolicyCustomizer {

  private final Duration maxWait;
  private final Clock clock;

  /**
   * @param maxWait the longest wait a {@code Retry-After} can ask for; longer ones are cut to it
   * @param clock the clock the date form is compared with
   */
  public RetryAfterCustomizer(Duration maxWait, Clock clock) {
    if (maxWait.isNegative()) {
      throw new IllegalArgumentException("maxWait must be >= 0 but was " + maxWait);
    }
    this.maxWait = maxWait;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public void customize(String policyName, RetryPolicyBuilder builder) {
    builder.waitOverride(this::waitFor);
  }

  /**
   * The wait the failure's {@code Retry-After} asks for, capped at {@code maxWait}; {@code null}
   * (keep the policy's back-off) when the failure is not an HTTP error response with that header.
   */
  public @Nullable Duration waitFor(Throwable failure) {
    if (!(failure instanceof RestClientResponseException response)) {
      return null;
    }
    HttpHeaders headers = response.getResponseHeaders();
    String value = headers == null ? null : headers.getFirst(HttpHeaders.RETRY_AFTER);
    if (value == null) {
      return null;
    }
    return RetryAfter.parse(value, clock.instant())
        .map(wait -> wait.compareTo(maxWait) > 0 ? maxWait : wait)
        .orElse(null);
  }
}
