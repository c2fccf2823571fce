package io.backon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backon.testing.BackonTesting;
import io.backon.testing.FakeClock;
import io.backon.testing.ManualSleeper;
import io.backon.testing.TestScope;
import io.backon.wait.Jitter;
import io.backon.wait.Wait;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The README's "Quick start (core API)" snippet, compiled as written and held to its comments. */
class ReadmeQuickStartExamplesTest {

  private final FakeClock clock = new FakeClock();
  private final ManualSleeper sleeper = new ManualSleeper(clock);
  private final RecordingLog log = new RecordingLog();
  private final QuoteClient client = new QuoteClient();
  private final HttpClient http = new HttpClient();
  private final String url = "https://quotes.example/acme";

  @AfterEach
  void retryingIsOnAgain() {
    Retries.enable();
  }

  /** The policy of the snippet, as written. */
  private RetryPolicy readmePolicy() {
    RetryPolicy policy =
        RetryPolicy.builder()
            .name("quotes")
            .maxTries(5) // 5 attempts in total (default 3)
            .wait(Wait.expo(Duration.ofMillis(100), Duration.ofSeconds(5)))
            .jitter(Jitter.full()) // the default
            .retryOn(IOException.class) // default: any Exception, never an Error
            .abortOn(FileNotFoundException.class) // wins over retryOn
            .waitOverride(e -> e instanceof TooManyRequests t ? t.retryAfter() : null)
            .onBackoff(e -> log.info("retrying {} in {}", e.targetName(), e.waitDuration()))
            .build();
    return policy;
  }

  /** The snippet's policy on fake time. */
  private Retrying retrying() {
    return Retrying.of(readmePolicy().toBuilder().clock(clock).sleeper(sleeper).build());
  }

  @Test
  void makesFiveAttemptsAndThrowsTheLastFailureUnchanged() {
    IOException last = new IOException("5th");
    client.fail(new IOException("1st"), new IOException("2nd"), new IOException("3rd"));
    client.fail(new IOException("4th"), last);

    assertThatThrownBy(() -> retrying().call(() -> client.quote("ACME"))).isSameAs(last);

    assertThat(client.calls).isEqualTo(5);
    assertThat(sleeper.sleeps()).hasSize(4);
  }

  @Test
  void waitsAreFullyJitteredExponentialWaitsAndEachIsAnnouncedByOnBackoff() throws Exception {
    client.fail(new IOException("1"), new IOException("2"), new IOException("3"));

    Quote quote = retrying().call(() -> client.quote("ACME"));

    assertThat(quote.symbol()).isEqualTo("ACME");
    List<Duration> caps =
        List.of(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400));
    for (int i = 0; i < caps.size(); i++) {
      assertThat(sleeper.sleeps().get(i)).isBetween(Duration.ZERO, caps.get(i));
    }
    assertThat(log.lines).hasSize(3);
    assertThat(log.lines.get(0))
        .startsWith("retrying io.backon.ReadmeQuickStartExamplesTest (lambda) in ");
  }

  @Test
  void fullJitterIsTheDefault() {
    assertThat(RetryPolicy.builder().build().jitter()).isEqualTo(Jitter.full());
    assertThat(RetryPolicy.builder().build().maxTries()).isEqualTo(3);
  }

  @Test
  void abortOnWinsOverRetryOn() {
    FileNotFoundException missing = new FileNotFoundException("gone");
    client.fail(missing);

    assertThatThrownBy(() -> retrying().call(() -> client.quote("ACME"))).isSameAs(missing);
    assertThat(client.calls).isEqualTo(1);
  }

  @Test
  void failuresOtherThanTheRetriedTypesAreNotRetried() {
    IllegalStateException bug = new IllegalStateException("bug");
    client.fail(bug);

    assertThatThrownBy(() -> retrying().call(() -> client.quote("ACME"))).isSameAs(bug);
    assertThat(client.calls).isEqualTo(1);
  }

  @Test
  void byDefaultAnyExceptionIsRetriedButNeverAnError() {
    Retrying defaults = Retrying.of(RetryPolicy.builder().clock(clock).sleeper(sleeper).build());
    client.fail(new IllegalStateException("1"));
    assertThat(uncheckedCall(defaults).symbol()).isEqualTo("ACME");
    assertThat(client.calls).isEqualTo(2);

    AssertionError error = new AssertionError("an Error");
    client.fail(error);
    assertThatThrownBy(() -> defaults.call(() -> client.quote("ACME"))).isSameAs(error);
    assertThat(client.calls).isEqualTo(3);
  }

  @Test
  void theWaitOverrideReplacesTheJitteredWait() throws Exception {
    client.fail(new TooManyRequests(Duration.ofSeconds(7)));

    retrying().call(() -> client.quote("ACME"));

    assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(7));
    assertThat(log.lines.get(0)).endsWith(" in PT7S");
  }

  @Test
  void theShortFormAndTheFluentCallerRetryIoExceptions() throws Exception {
    RetryPolicy policy = readmePolicy();
    http.fail(new IOException("1"));
    try (TestScope noWaits = BackonTesting.removeBackoff()) {
      // one-off short form and the fluent caller
      String body = Retries.retry(() -> http.get(url), 3, Wait.expo(), IOException.class);
      assertThat(body).isEqualTo("page of " + url);
      assertThat(http.calls).isEqualTo(2);

      http.fail(new IOException("2"), new IOException("3"));
      String page = RetryingCaller.of(policy).on(IOException.class).call(() -> http.get(url));
      assertThat(page).isEqualTo("page of " + url);
      assertThat(http.calls).isEqualTo(5);
    }
  }

  @Test
  void theShortFormGivesUpAfterItsMaxTries() {
    IOException third = new IOException("3");
    http.fail(new IOException("1"), new IOException("2"), third);
    try (TestScope noWaits = BackonTesting.removeBackoff()) {
      assertThatThrownBy(
              () -> Retries.retry(() -> http.get(url), 3, Wait.expo(), IOException.class))
          .isSameAs(third);
    }
    assertThat(http.calls).isEqualTo(3);
  }

  @Test
  void theIteratorFaceRetriesTheLoopBodyAndReturnsItsValue() throws Exception {
    Retrying retrying = retrying();
    http.fail(new IOException("1"), new IOException("2"));

    // the iterator face, for code that cannot be a lambda
    Attempts<String> attempts = retrying.attempts();
    for (Attempt<String> attempt : attempts) {
      try {
        attempt.succeed(http.get(url));
      } catch (IOException e) {
        attempt.fail(e);
      }
    }
    String result = attempts.result(); // the value, or throws the last failure

    assertThat(result).isEqualTo("page of " + url);
    assertThat(http.calls).isEqualTo(3);
    assertThat(sleeper.sleeps()).hasSize(2);
  }

  @Test
  void theIteratorFaceThrowsTheLastFailureWhenItGivesUp() {
    Retrying retrying = retrying();
    IOException last = new IOException("5");
    http.fail(new IOException("1"), new IOException("2"), new IOException("3"));
    http.fail(new IOException("4"), last);

    Attempts<String> attempts = retrying.attempts();
    for (Attempt<String> attempt : attempts) {
      try {
        attempt.succeed(http.get(url));
      } catch (IOException e) {
        attempt.fail(e);
      }
    }

    assertThatThrownBy(attempts::result).isSameAs(last);
    assertThat(http.calls).isEqualTo(5);
  }

  @Test
  void attemptNumberAndIsRetryingWorkAnywhereInTheCallStack() throws Exception {
    List<String> seen = new ArrayList<>();
    client.fail(new IOException("1"));
    client.onCall = () -> seen.add(Retries.attemptNumber() + ":" + Retries.isRetrying());

    retrying().call(() -> client.quote("ACME"));

    assertThat(seen).containsExactly("1:true", "2:true");
    assertThat(Retries.isRetrying()).isFalse();
  }

  @Test
  void whileRetriesAreDisabledEveryFaceCallsItsTargetOnceDirectly() {
    IOException failure = new IOException("1");
    client.fail(failure);

    Retries.disable();

    assertThatThrownBy(() -> retrying().call(() -> client.quote("ACME"))).isSameAs(failure);
    assertThat(client.calls).isEqualTo(1);
    assertThat(sleeper.sleeps()).isEmpty();
  }

  private Quote uncheckedCall(Retrying retrying) {
    try {
      return retrying.call(() -> client.quote("ACME"));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** A quote of a symbol. */
  record Quote(String symbol) {}

  /** A 429 answer carrying its Retry-After. */
  static final class TooManyRequests extends IOException {
    private final Duration retryAfter;

    TooManyRequests(Duration retryAfter) {
      super("429 Too Many Requests");
      this.retryAfter = retryAfter;
    }

    Duration retryAfter() {
      return retryAfter;
    }
  }

  /** A quote service that throws the failures it is given, in order, then answers. */
  static final class QuoteClient {
    private final Deque<Throwable> failures = new ArrayDeque<>();
    int calls;
    Runnable onCall = () -> {};

    void fail(Throwable... next) {
      failures.addAll(List.of(next));
    }

    Quote quote(String symbol) throws Exception {
      calls++;
      onCall.run();
      Throwable failure = failures.poll();
      if (failure instanceof Exception e) {
        throw e;
      }
      if (failure instanceof Error e) {
        throw e;
      }
      return new Quote(symbol);
    }
  }

  /** An HTTP client that throws the I/O failures it is given, in order, then answers. */
  static final class HttpClient {
    private final Deque<IOException> failures = new ArrayDeque<>();
    int calls;

    void fail(IOException... next) {
      failures.addAll(List.of(next));
    }

    String get(String url) throws IOException {
      calls++;
      IOException failure = failures.poll();
      if (failure != null) {
        throw failure;
      }
      return "page of " + url;
    }
  }

  /** The snippet's {@code log}: formats SLF4J-style lines into a list. */
  static final class RecordingLog {
    final List<String> lines = new ArrayList<>();

    void info(String pattern, @Nullable Object... arguments) {
      String line = pattern;
      for (Object argument : arguments) {
        line = line.replaceFirst("\\{}", String.valueOf(argument));
      }
      lines.add(line);
    }
  }
}
