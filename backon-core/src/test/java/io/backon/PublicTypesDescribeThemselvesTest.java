package io.backon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.backon.breaker.CircuitBreaker;
import io.backon.budget.RetryBudget;
import io.backon.hedge.HedgingPolicy;
import io.backon.instrumentation.CallTracer;
import io.backon.instrumentation.RetryInstrumentation;
import io.backon.stop.Stop;
import io.backon.wait.Jitter;
import io.backon.wait.Wait;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What logs and debuggers show of the public types: the settings that matter, nothing more. */
class PublicTypesDescribeThemselvesTest {

  private static final String DEFAULTS =
      "wait=expo(base=2.0, factor=PT1S, max=PT2562047H47M16.854775807S), jitter=full(),"
          + " retryIf=onException(Exception).abortingOn(InterruptedException)";

  /** An instrumentation with a readable name. */
  private static final RetryInstrumentation TRACING =
      new RetryInstrumentation() {
        @Override
        public CallTracer callStarted(RetryPolicy policy, String targetName) {
          throw new UnsupportedOperationException("never called by toString");
        }

        @Override
        public String toString() {
          return "tracing";
        }
      };

  @Test
  void aDefaultPolicyNamesOnlyWhatEveryPolicyHas() {
    assertThat(RetryPolicy.builder().name("plain").build())
        .hasToString("RetryPolicy{name=plain, maxTries=3, " + DEFAULTS + "}");
    assertThat(Retrying.of(RetryPolicy.builder().name("plain").build()))
        .hasToString("Retrying{RetryPolicy{name=plain, maxTries=3, " + DEFAULTS + "}}");
  }

  @Test
  void aPolicyWithFixedLimitsNamesThem() {
    assertThat(
            RetryPolicy.builder().name("fixed").maxTries(2).maxTime(Duration.ofSeconds(5)).build())
        .hasToString("RetryPolicy{name=fixed, maxTries=2, maxTime=PT5S, " + DEFAULTS + "}");
  }

  @Test
  void aPolicyNamesEveryLimitAndLayerItWasGiven() {
    RetryPolicy policy =
        RetryPolicy.builder()
            .name("full")
            .maxTries(() -> 4)
            .maxTime(() -> Duration.ofSeconds(9))
            .stop(Stop.never())
            .wait(Wait.none())
            .jitter(Jitter.none())
            .abortOn(IllegalStateException.class)
            .attemptTimeout(Duration.ofSeconds(2))
            .deadline(Duration.ofSeconds(30))
            .circuitBreaker(CircuitBreaker.ofDefaults("inventory"))
            .hedging(HedgingPolicy.builder().maxHedges(2).build())
            .retryBudget(RetryBudget.builder().name("shared").build())
            .instrumentation(TRACING)
            .enabled(false)
            .build();

    assertThat(policy)
        .hasToString(
            "RetryPolicy{name=full, maxTries=<supplier>, maxTime=<supplier>, stop=never(),"
                + " wait=none(), jitter=none(),"
                + " retryIf=onException(Exception).abortingOn(InterruptedException),"
                + " abortOn=[IllegalStateException], attemptTimeout=PT2S, deadline=PT30S,"
                + " circuitBreaker=inventory,"
                + " hedging=HedgingPolicy{maxHedges=2, hedgeDelay=fixed(PT0.1S)},"
                + " retryBudget=shared, instrumentation=tracing, disabled}");
  }

  private static RetryEvent event(
      EventType type, Object value, Throwable failure, Duration wait, GiveUpReason reason) {
    return new RetryEvent(
        type, "p", "t", List.of(), 2, Duration.ofMillis(5), value, failure, wait, reason);
  }

  @Test
  void eventsShowAValueOnlyWhenTheirMomentKnowsOne() {
    String head = ", policy=p, target=t, attempt=2, elapsed=PT0.005S";

    assertThat(event(EventType.BEFORE, "v", null, Duration.ZERO, null))
        .hasToString("RetryEvent{BEFORE" + head + "}");
    assertThat(event(EventType.BEFORE_SLEEP, "v", null, Duration.ZERO, null))
        .hasToString("RetryEvent{BEFORE_SLEEP" + head + "}");
    assertThat(event(EventType.AFTER, "v", null, Duration.ZERO, null))
        .hasToString("RetryEvent{AFTER" + head + ", value=v}");
    assertThat(event(EventType.SUCCESS, "v", null, Duration.ZERO, null))
        .hasToString("RetryEvent{SUCCESS" + head + ", value=v}");
    assertThat(event(EventType.GIVE_UP, "v", null, Duration.ZERO, null))
        .hasToString("RetryEvent{GIVE_UP" + head + ", value=v}");
  }

  @Test
  void eventsShowTheirFailureWaitAndReason() {
    IOException down = new IOException("down");
    String head = ", policy=p, target=t, attempt=2, elapsed=PT0.005S";

    assertThat(event(EventType.BACKOFF, null, down, Duration.ofMillis(100), null))
        .hasToString("RetryEvent{BACKOFF" + head + ", failure=" + down + ", wait=PT0.1S}");
    assertThat(event(EventType.GIVE_UP, null, down, Duration.ZERO, GiveUpReason.MAX_TRIES))
        .hasToString(
            "RetryEvent{GIVE_UP" + head + ", failure=" + down + ", reason=max tries reached}");
  }

  @Test
  void stillRunningAttemptsAreCountedInTheMessageInSingularAndPlural() {
    assertThat(new AttemptsStillRunningException("Inventory.reserve", 1))
        .hasMessage(
            "1 earlier attempt of Inventory.reserve is still running (it ignores its interrupt);"
                + " not starting another");
    assertThat(new AttemptsStillRunningException("Inventory.reserve", 2))
        .hasMessage(
            "2 earlier attempts of Inventory.reserve are still running (it ignores its"
                + " interrupt); not starting another");
  }

  @Test
  void statisticsOfACallThatMadeNoAttemptAreValid() {
    assertThatCode(() -> new RetryStatistics(null, 0, Duration.ZERO, Duration.ZERO))
        .doesNotThrowAnyException();
  }
}
