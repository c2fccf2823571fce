package io.backon.spring.boot.autoconfigure.http;

import io.backon.RetryPolicyBuilder;
import io.backon.http.RetryAfter;
import io.backon.spring.boot.autoconfigure.BackonPolicyCustomizer;
import io.backon.time.Clock;
import io.backon.time.DurationText;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.util.ClassUtils;
import org.springframework.web.client.RestClientResponseException;

/**
 * Lets the HTTP layer's {@code Retry-After} feed the wait of an enclosing policy: inside a
 * {@code @Backon} attempt the HTTP layer does not retry, so the status exception of the client
 * ({@code RestClientResponseException}, {@code WebClientResponseException}) reaches the enclosing
 * policy, which then waits as long as the answer asked, and gives up at once when it asked for
 * longer than {@code backon.http.defaults.retry-after-cap}. Other failures keep the policy's own
 * back-off. Applied to every policy defined in properties, before the application's own customizers
 * (which may replace the wait override or give-up predicate). Thread-safe.
 */
final class HttpRetryAfterCustomizer implements BackonPolicyCustomizer {

  /**
   * The WebFlux type whose presence is checked by name (a native image answers only for registered
   * names: {@link BackonHttpRuntimeHints} registers it).
   */
  static final String WEB_CLIENT_RESPONSE_EXCEPTION =
      "org.springframework.web.reactive.function.client.WebClientResponseException";

  private static final boolean WEBFLUX =
      ClassUtils.isPresent(
          WEB_CLIENT_RESPONSE_EXCEPTION, HttpRetryAfterCustomizer.class.getClassLoader());

  private final Duration cap;
  private final Clock clock;

  /**
   * @param cap the longest {@code Retry-After} a retry waits
   * @param clock the wall clock an HTTP date is compared with
   */
  HttpRetryAfterCustomizer(Duration cap, Clock clock) {
    this.cap = cap;
    this.clock = clock;
  }

  @Override
  public void customize(String policyName, RetryPolicyBuilder builder) {
    builder
        .waitOverride(this::waitFor)
        .giveUpIf(
            failure -> {
              Duration wait = retryAfter(failure, clock);
              return wait != null && wait.compareTo(cap) > 0;
            },
            "Retry-After longer than the " + DurationText.of(cap) + " cap");
  }

  private @Nullable Duration waitFor(Throwable failure) {
    Duration wait = retryAfter(failure, clock);
    return wait != null && wait.compareTo(cap) <= 0 ? wait : null;
  }

  /** The wait a client status exception's {@code Retry-After} asks for, or null. */
  static @Nullable Duration retryAfter(Throwable failure, Clock clock) {
    String value = null;
    if (failure instanceof RestClientResponseException response) {
      HttpHeaders headers = response.getResponseHeaders();
      value = headers == null ? null : headers.getFirst(HttpHeaders.RETRY_AFTER);
    } else if (WEBFLUX) {
      value = WebClientErrors.retryAfter(failure);
    }
    return value == null ? null : RetryAfter.parse(value, clock.wallTime()).orElse(null);
  }

  /** Kept apart so that WebFlux classes load only when WebFlux is present. */
  private static final class WebClientErrors {

    static @Nullable String retryAfter(Throwable failure) {
      return failure
              instanceof
              org.springframework.web.reactive.function.client.WebClientResponseException response
          ? response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)
          : null;
    }
  }
}
