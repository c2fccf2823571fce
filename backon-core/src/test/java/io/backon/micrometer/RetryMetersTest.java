package io.backon.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backon.CapturedLog;
import io.backon.Fallback;
import io.backon.RetryPolicy;
import io.backon.Retrying;
import io.backon.hedge.HedgingPolicy;
import io.backon.testing.BackonTesting;
import io.backon.testing.TestScope;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;

/** The per-call meters in a SimpleMeterRegistry: names, tags, counts and fake-clock durations. */
class RetryMetersTest extends MetricsFixture {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final BackonMicrometer metrics =
      BackonMicrometer.builder().meterRegistry(registry).attemptDurations(true).build();

  private Timer calls(String outcome, String exception) {
    return registry
        .get("backon.calls")
        .tags("name", "payments", "outcome", outcome, "exception", exception)
        .timer();
  }

  private Counter attempts(String outcome, String exception) {
    return registry
        .get("backon.attempts")
        .tags("name", "payments", "outcome", outcome, "exception", exception)
        .counter();
  }

  @Test
  void aCallThatSucceedsAfterRetriesIsTimedAsSuccessWithRetry() throws Exception {
    Retrying.of(policy().instrumentation(metrics).build()).call(() -> flaky(2));

    Timer call = calls("success_with_retry", "none");
    assertThat(call.count()).isEqualTo(1);
    assertThat(call.totalTime(TimeUnit.MILLISECONDS)).as("3 x 10 ms + 2 x 100 ms").isEqualTo(230);
    assertThat(attempts("failure", "IOException").count()).isEqualTo(2);
    assertThat(attempts("success", "none").count()).isEqualTo(1);
    Timer failed =
        registry
            .get("backon.attempt.duration")
            .tags("name", "payments", "outcome", "failure")
            .timer();
    assertThat(failed.count()).isEqualTo(2);
    assertThat(failed.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(20);
  }

  @Test
  void attemptsAreCountedButNotTimedByDefault() throws Exception {
    Retrying.of(policy().instrumentation(BackonMicrometer.of(registry)).build())
        .call(() -> flaky(1));

    assertThat(attempts("failure", "IOException").count()).isEqualTo(1);
    assertThat(attempts("success", "none").count()).isEqualTo(1);
    assertThat(registry.find(BackonMeterNames.ATTEMPT_DURATION).meters()).isEmpty();
  }

  @Test
  void anAttemptDurationHistogramTurnsAttemptDurationsOn() throws Exception {
    BackonMicrometer histogram =
        BackonMicrometer.builder().meterRegistry(registry).attemptDurationHistogram(true).build();

    Retrying.of(policy().instrumentation(histogram).build()).call(() -> flaky(0));

    assertThat(registry.get(BackonMeterNames.ATTEMPT_DURATION).tag("outcome", "success").timer())
        .extracting(Timer::count)
        .isEqualTo(1L);
  }

  @Test
  void aFirstAttemptSuccessIsASuccessWithoutRetry() throws Exception {
    Retrying.of(policy().instrumentation(metrics).build()).call(() -> flaky(0));

    assertThat(calls("success_without_retry", "none").count()).isEqualTo(1);
    assertThat(registry.find("backon.calls").timers()).hasSize(1);
  }

  @Test
  void aNotRetryableFailureIsAFailureWithoutRetryTaggedWithItsException() {
    Retrying retrying =
        Retrying.of(policy().abortOn(IOException.class).instrumentation(metrics).build());

    assertThatThrownBy(() -> retrying.call(() -> flaky(1))).isInstanceOf(IOException.class);
    assertThat(calls("failure_without_retry", "IOException").count()).isEqualTo(1);
  }

  @Test
  void exhaustedRetriesAreAFailureWithRetry() {
    Retrying retrying = Retrying.of(policy().maxTries(3).instrumentation(metrics).build());

    assertThatThrownBy(() -> retrying.call(() -> flaky(5))).isInstanceOf(IOException.class);
    assertThat(calls("failure_with_retry", "IOException").count()).isEqualTo(1);
    assertThat(attempts("failure", "IOException").count()).isEqualTo(3);
  }

  @Test
  void aFallbackIsCountedAsFallbackWithTheLastFailure() throws Exception {
    Retrying retrying =
        Retrying.of(
            policy().maxTries(2).fallback(event -> "cached").instrumentation(metrics).build());

    assertThat(retrying.call(() -> flaky(5))).isEqualTo("cached");
    assertThat(calls("fallback", "IOException").count()).isEqualTo(1);
  }

  @Test
  void aGiveUpTheCallersFallbackTakesIsCountedAsFallbackAndOneItDoesNotAsAFailure() {
    RetryPolicy policy =
        policy()
            .maxTries(2)
            .fallback(Fallback.appliedByCaller(failure -> failure instanceof IOException))
            .instrumentation(metrics)
            .build();

    assertThatThrownBy(() -> Retrying.of(policy).call(() -> flaky(5)))
        .isInstanceOf(IOException.class);
    assertThatThrownBy(
            () ->
                Retrying.of(policy)
                    .call(
                        () -> {
                          throw new IllegalStateException("broken");
                        }))
        .isInstanceOf(IllegalStateException.class);

    assertThat(calls("fallback", "IOException").count()).isEqualTo(1);
    assertThat(calls("failure_with_retry", "IllegalStateException").count()).isEqualTo(1);
  }

  @Test
  void aRetriedValueIsCountedAsRetryableResult() throws Exception {
    Retrying retrying =
        Retrying.of(policy().retryIfResult(v -> v == null).instrumentation(metrics).build());

    retrying.call(() -> calls.incrementAndGet() == 1 ? null : "ok");

    assertThat(attempts("retryable_result", "none").count()).isEqualTo(1);
    assertThat(attempts("success", "none").count()).isEqualTo(1);
  }

  @Test
  void hedgedAttemptsCountWhichCopyWon() throws Exception {
    HedgingPolicy hedging =
        HedgingPolicy.builder()
            .maxHedges(2)
            .executor(Runnable::run)
            .hedgeDelay(Duration.ofSeconds(1))
            .build();
    Retrying retrying =
        Retrying.of(policy().maxTries(1).hedging(hedging).instrumentation(metrics).build());

    retrying.call(() -> flaky(0)); // the primary wins
    calls.set(0);
    retrying.call(() -> flaky(1)); // the primary fails fast, the hedge wins
    calls.set(0);
    assertThatThrownBy(() -> retrying.call(() -> flaky(2))).isInstanceOf(IOException.class);

    for (String outcome : new String[] {"primary_won", "hedge_won", "all_failed"}) {
      assertThat(
              registry
                  .get("backon.hedges")
                  .tags("name", "payments", "outcome", outcome)
                  .counter()
                  .count())
          .as(outcome)
          .isEqualTo(1);
    }
  }

  @Test
  void pastItsExceptionTagLimitAPolicyTagsFailuresOfNewClassesOther() {
    BackonMicrometer limited =
        BackonMicrometer.builder().meterRegistry(registry).maxExceptionTags(1).build();
    Retrying retrying = Retrying.of(policy().maxTries(1).instrumentation(limited).build());

    assertThatThrownBy(() -> retrying.call(() -> flaky(1))).isInstanceOf(IOException.class);
    assertThatThrownBy(
            () ->
                retrying.call(
                    () -> {
                      throw new IllegalStateException("second class");
                    }))
        .isInstanceOf(IllegalStateException.class);
    calls.set(0);
    assertThatThrownBy(() -> retrying.call(() -> flaky(1))).isInstanceOf(IOException.class);

    assertThat(calls("failure_without_retry", "IOException").count()).isEqualTo(2);
    assertThat(attempts("failure", "IOException").count()).isEqualTo(2);
    assertThat(calls("failure_without_retry", "other").count()).isEqualTo(1);
    assertThat(attempts("failure", "other").count()).isEqualTo(1);
    assertThat(registry.find("backon.calls").tag("exception", "IllegalStateException").meters())
        .isEmpty();
  }

  @Test
  void successesKeepTheirNoneTagWhateverTheExceptionTagLimit() throws Exception {
    BackonMicrometer noExceptionTags =
        BackonMicrometer.builder().meterRegistry(registry).maxExceptionTags(0).build();
    Retrying retrying = Retrying.of(policy().instrumentation(noExceptionTags).build());

    retrying.call(() -> flaky(1));

    assertThat(calls("success_with_retry", "none").count()).isEqualTo(1);
    assertThat(attempts("failure", "other").count()).isEqualTo(1);
  }

  @Test
  void aNegativeExceptionTagLimitIsRejected() {
    assertThatThrownBy(() -> BackonMicrometer.builder().maxExceptionTags(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxExceptionTags must be >= 0 but was -1");
  }

  @Test
  void callsWithRetryingTurnedOffRecordNothing() throws Exception {
    try (TestScope off = BackonTesting.disableRetries()) {
      Retrying.of(policy().instrumentation(metrics).build()).call(() -> flaky(0));
    }

    assertThat(registry.find("backon.calls").timers()).isEmpty();
    assertThat(registry.find("backon.attempts").counters()).isEmpty();
  }

  @Test
  void reachingTheExceptionTagLimitLogsOneWarningNamingThePolicyTheLimitAndTheFirstClass() {
    BackonMicrometer limited =
        BackonMicrometer.builder().meterRegistry(registry).maxExceptionTags(1).build();
    Retrying retrying = Retrying.of(policy().maxTries(1).instrumentation(limited).build());
    try (CapturedLog log = CapturedLog.attach("io.backon.micrometer", Level.ALL)) {
      for (int i = 0; i < 2; i++) {
        assertThatThrownBy(() -> retrying.call(() -> flaky(1))).isInstanceOf(IOException.class);
        calls.set(0);
        assertThatThrownBy(
                () ->
                    retrying.call(
                        () -> {
                          throw new IllegalStateException("a second class");
                        }))
            .isInstanceOf(IllegalStateException.class);
      }

      assertThat(log.lines())
          .singleElement()
          .satisfies(
              line -> {
                assertThat(line.level()).isEqualTo("WARNING");
                assertThat(line.message())
                    .contains(
                        "'payments'",
                        "limit of 1 exception tags",
                        "first: IllegalStateException",
                        "exception=\"other\"");
              });
    }
  }

  @Test
  void anAnonymousExceptionClassIsTaggedWithItsBinaryName() {
    IOException anonymous = new IOException("anonymous") {};
    Retrying retrying = Retrying.of(policy().maxTries(1).instrumentation(metrics).build());

    assertThatThrownBy(
            () ->
                retrying.call(
                    () -> {
                      throw anonymous;
                    }))
        .isSameAs(anonymous);

    assertThat(attempts("failure", anonymous.getClass().getName()).count()).isEqualTo(1);
  }

  @Test
  void describesWhichRegistriesItRecordsTo() {
    assertThat(metrics).hasToString("BackonMicrometer{meters=true, observations=false}");
    assertThat(BackonMicrometer.of(registry, ObservationRegistry.create()))
        .hasToString("BackonMicrometer{meters=true, observations=true}");
    assertThat(BackonMicrometer.of(ObservationRegistry.create()))
        .hasToString("BackonMicrometer{meters=false, observations=true}");
  }
}
