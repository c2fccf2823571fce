package io.backon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backon.stop.Stop;
import io.backon.wait.Wait;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * How {@link Retrying} waits between attempts and when it stops: strategies, jitter, wait
 * overrides, max-time, stops and max-tries suppliers.
 */
class RetryingWaitsAndStopsTest extends FakeTimeFixture {

  @Test
  void waitsFollowTheStrategyWithoutJitter() throws Exception {
    FlakyTarget<String> target = FlakyTarget.alwaysFailing(new IOException("down"));

    assertThatThrownBy(() -> Retrying.of(policy().maxTries(4).build()).call(target))
        .isInstanceOf(IOException.class);
    assertThat(sleeper.sleeps())
        .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
  }

  @Test
  void fullJitterIsTheDefaultAndStaysWithinTheStrategyWait() {
    RetryPolicy jittered =
        RetryPolicy.builder()
            .clock(clock)
            .sleeper(sleeper)
            .maxTries(4)
            .random(new java.util.Random(42))
            .build();

    assertThatThrownBy(
            () -> Retrying.of(jittered).call(FlakyTarget.alwaysFailing(new IOException())))
        .isInstanceOf(IOException.class);
    List<Duration> sleeps = sleeper.sleeps();
    assertThat(sleeps).hasSize(3);
    assertThat(sleeps.get(0)).isBetween(Duration.ZERO, Duration.ofSeconds(1));
    assertThat(sleeps.get(1)).isBetween(Duration.ZERO, Duration.ofSeconds(2));
    assertThat(sleeps.get(2)).isBetween(Duration.ZERO, Duration.ofSeconds(4));
    assertThat(sleeps)
        .doesNotContainSequence(
            Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
  }

  @Test
  void waitOverrideReplacesStrategyAndJitterForThatWait() {
    RetryPolicy withRetryAfter =
        RetryPolicy.builder()
            .clock(clock)
            .sleeper(sleeper)
            .maxTries(3)
            .waitOverride(e -> e instanceof RetryAfter r ? r.after : null)
            .build();

    assertThatThrownBy(
            () ->
                Retrying.of(withRetryAfter)
                    .call(
                        FlakyTarget.failingThen(
                            "x",
                            new RetryAfter(Duration.ofSeconds(7)),
                            new RetryAfter(Duration.ofSeconds(3)),
                            new RetryAfter(Duration.ofSeconds(9)))))
        .isInstanceOf(RetryAfter.class);
    assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(3));
  }

  @Test
  void maxTimeShortensTheLastSleepSoNoAttemptStartsLate() {
    FlakyTarget<String> target = FlakyTarget.alwaysFailing(new IOException());
    List<GiveUpReason> reasons = new java.util.ArrayList<>();
    RetryPolicy limited =
        policy()
            .wait(Wait.constant(Duration.ofSeconds(4)))
            .maxTime(Duration.ofSeconds(10))
            .onGiveUp(e -> reasons.add(e.giveUpReason()))
            .build();

    assertThatThrownBy(() -> Retrying.of(limited).call(target)).isInstanceOf(IOException.class);
    assertThat(sleeper.sleeps())
        .containsExactly(Duration.ofSeconds(4), Duration.ofSeconds(4), Duration.ofSeconds(2));
    assertThat(target.calls()).isEqualTo(4);
    assertThat(reasons).containsExactly(GiveUpReason.MAX_TIME);
  }

  @Test
  void maxTimeCountsTheTimeSpentInAttempts() {
    AtomicInteger calls = new AtomicInteger();
    RetryPolicy limited = policy().wait(Wait.none()).maxTime(Duration.ofSeconds(10)).build();

    assertThatThrownBy(
            () ->
                Retrying.of(limited)
                    .call(
                        () -> {
                          calls.incrementAndGet();
                          clock.advance(Duration.ofSeconds(4));
                          throw new IOException();
                        }))
        .isInstanceOf(IOException.class);
    assertThat(calls).hasValue(3);
  }

  @Test
  void stopNeverRetriesUntilSuccess() throws Exception {
    IOException[] failures = new IOException[50];
    java.util.Arrays.setAll(failures, i -> new IOException("failure " + i));
    FlakyTarget<String> target = FlakyTarget.failingThen("finally", failures);

    assertThat(Retrying.of(policy().wait(Wait.none()).stop(Stop.never()).build()).call(target))
        .isEqualTo("finally");
    assertThat(target.calls()).isEqualTo(51);
  }

  @Test
  void customStopSeesTheUpcomingWait() {
    FlakyTarget<String> target = FlakyTarget.alwaysFailing(new IOException());
    List<GiveUpReason> reasons = new java.util.ArrayList<>();
    RetryPolicy policy =
        policy()
            .stop(Stop.beforeDelay(Duration.ofSeconds(5)))
            .onGiveUp(e -> reasons.add(e.giveUpReason()))
            .build();

    assertThatThrownBy(() -> Retrying.of(policy).call(target)).isInstanceOf(IOException.class);
    // waits 1 s, 2 s; the next (4 s) would end at 7 s >= 5 s
    assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    assertThat(reasons).containsExactly(GiveUpReason.STOP_CONDITION);
  }

  @Test
  void aFiniteWaitSequenceEndsRetryingWhenItRunsOut() {
    FlakyTarget<String> target = FlakyTarget.alwaysFailing(new IOException());
    List<GiveUpReason> reasons = new java.util.ArrayList<>();
    RetryPolicy policy =
        policy()
            .stop(Stop.never())
            .wait(Wait.constant(Duration.ofMillis(100), Duration.ofMillis(200)))
            .onGiveUp(e -> reasons.add(e.giveUpReason()))
            .build();

    assertThatThrownBy(() -> Retrying.of(policy).call(target)).isInstanceOf(IOException.class);
    assertThat(target.calls()).isEqualTo(3);
    assertThat(reasons).containsExactly(GiveUpReason.WAIT_EXHAUSTED);
    assertThat(GiveUpReason.WAIT_EXHAUSTED.description()).isEqualTo("wait exhausted");
  }

  @Test
  void maxTriesSupplierIsReadForEveryCall() {
    AtomicInteger limit = new AtomicInteger(2);
    Retrying retrying = Retrying.of(policy().wait(Wait.none()).maxTries(limit::get).build());
    FlakyTarget<String> first = FlakyTarget.alwaysFailing(new IOException());
    FlakyTarget<String> second = FlakyTarget.alwaysFailing(new IOException());

    assertThatThrownBy(() -> retrying.call(first)).isInstanceOf(IOException.class);
    limit.set(4);
    assertThatThrownBy(() -> retrying.call(second)).isInstanceOf(IOException.class);

    assertThat(first.calls()).isEqualTo(2);
    assertThat(second.calls()).isEqualTo(4);
  }

  @Test
  void aMaxTriesSupplierReturningZeroIsReportedClearly() {
    Retrying retrying = Retrying.of(policy().name("orders").maxTries(() -> 0).build());

    assertThatThrownBy(() -> retrying.call(FlakyTarget.alwaysFailing(new IOException())))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("maxTries supplier of policy 'orders' returned 0; it must return >= 1");
  }

  private static final class RetryAfter extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient Duration after;

    RetryAfter(Duration after) {
      super("429, retry after " + after);
      this.after = after;
    }
  }
}
