package io.backon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backon.stop.Stop;
import io.backon.testing.BackonTesting;
import io.backon.testing.TestScope;
import io.backon.wait.Jitter;
import io.backon.wait.Wait;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's "Semantics in one table" and the feature list's core claims (events, stops, give-up
 * results, interrupts, waits, statistics, test helpers), each as a sentence that can fail.
 */
class ReadmeSemanticsTableTest extends FakeTimeFixture {

  private int tries;

  private String failingTwiceThenOk() throws IOException {
    tries++;
    if (tries <= 2) {
      throw new IOException("down #" + tries);
    }
    return "ok";
  }

  private String alwaysFailing() throws IOException {
    tries++;
    throw new IOException("down #" + tries);
  }

  @Test
  void eventsComeInTheDocumentedOrderAroundTheCallAndTheSleep() throws Exception {
    List<String> events = new ArrayList<>();
    RetryPolicy policy =
        labelled(
            policyBuilder(3)
                .wait(Wait.constant(Duration.ofSeconds(1)))
                .sleeper(
                    nanos -> {
                      events.add("sleep");
                      sleeper.sleep(nanos);
                    }),
            events);

    Retrying.of(policy)
        .call(
            () -> {
              events.add("call");
              return tries++ == 0 ? fail() : "ok";
            });

    assertThat(events)
        .containsExactly(
            "ATTEMPT#1",
            "BEFORE#1",
            "call",
            "AFTER#1",
            "BEFORE_SLEEP#1",
            "BACKOFF#1",
            "sleep",
            "ATTEMPT#2",
            "BEFORE#2",
            "call",
            "AFTER#2",
            "SUCCESS#2");
  }

  private static String fail() throws IOException {
    throw new IOException("down");
  }

  @Test
  void aThrowingListenerNeverBreaksTheCall() throws Exception {
    RetryPolicy policy =
        policyBuilder(3)
            .onBackoff(
                event -> {
                  throw new IllegalStateException("listener bug");
                })
            .build();

    assertThat(Retrying.of(policy).call(this::failingTwiceThenOk)).isEqualTo("ok");
  }

  @Test
  void maxTriesCountsEveryAttemptAndDefaultsToThree() {
    assertThatThrownBy(() -> Retrying.of(policyBuilder(3).build()).call(this::alwaysFailing))
        .hasMessage("down #3");
    assertThat(RetryPolicy.DEFAULT_MAX_TRIES).isEqualTo(3);
  }

  @Test
  void anyStopConditionReplacesTheDefaultOfThreeTries() {
    RetryPolicy policy =
        RetryPolicy.builder()
            .stop(Stop.afterAttempt(5))
            .wait(Wait.none())
            .clock(clock)
            .sleeper(sleeper)
            .giveUpLogLevel(System.Logger.Level.OFF)
            .build();

    assertThatThrownBy(() -> Retrying.of(policy).call(this::alwaysFailing)).hasMessage("down #5");
  }

  @Test
  void aRejectedValueGivesRetriesExhaustedException() {
    RetryPolicy policy = policyBuilder(2).retryIfResult("busy"::equals).build();

    assertThatThrownBy(() -> Retrying.of(policy).call(() -> "busy"))
        .isInstanceOfSatisfying(
            RetriesExhaustedException.class,
            exhausted -> {
              assertThat(exhausted.lastValue()).isEqualTo("busy");
              assertThat(exhausted.attempts()).isEqualTo(2);
            });
  }

  @Test
  void withRaiseOnGiveUpFalseTheCallReturnsTheLastValueOrNull() throws Exception {
    RetryPolicy rejecting =
        policyBuilder(2).retryIfResult("busy"::equals).raiseOnGiveUp(false).build();
    RetryPolicy failing = policyBuilder(2).raiseOnGiveUp(false).build();

    assertThat(Retrying.of(rejecting).call(() -> "busy")).isEqualTo("busy");
    assertThat(Retrying.of(failing).call(this::alwaysFailing)).isNull();
  }

  @Test
  void aThrowingPolicyCallbackEndsTheCallWithTheAttemptsFailureSuppressed() {
    IllegalStateException broken = new IllegalStateException("condition bug");
    RetryPolicy policy =
        policyBuilder(3)
            .retryIfException(
                failure -> {
                  throw broken;
                })
            .build();

    assertThatThrownBy(() -> Retrying.of(policy).call(this::alwaysFailing))
        .isSameAs(broken)
        .satisfies(
            e ->
                assertThat(e.getSuppressed())
                    .singleElement()
                    .hasToString("java.io.IOException: down #1"));
  }

  @Test
  void anInterruptDuringTheBackOffRethrowsTheLastFailureAndRestoresTheFlag() {
    RetryPolicy policy =
        policyBuilder(3)
            .wait(Wait.constant(Duration.ofSeconds(1)))
            .sleeper(
                nanos -> {
                  throw new InterruptedException("stop");
                })
            .fallback(giveUp -> "fallback")
            .build();

    try {
      assertThatThrownBy(() -> Retrying.of(policy).call(this::alwaysFailing))
          .isInstanceOf(IOException.class)
          .hasMessage("down #1")
          .satisfies(
              e ->
                  assertThat(e.getSuppressed())
                      .singleElement()
                      .isInstanceOf(InterruptedException.class));
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void attempt10000OfExpoIsTheCapWithoutOverflow() {
    Duration cap = Duration.ofDays(1);
    RetryPolicy policy =
        policyBuilder(10_001)
            .wait(Wait.expo(Duration.ofMillis(1), cap))
            .jitter(Jitter.none())
            .build();

    assertThatThrownBy(() -> Retrying.of(policy).call(this::alwaysFailing))
        .hasMessage("down #10001");

    List<Duration> sleeps = sleeper.sleeps();
    assertThat(sleeps).hasSize(10_000).allMatch(wait -> !wait.isNegative());
    assertThat(sleeps.get(9_999)).isEqualTo(cap);
  }

  @Test
  void statisticsDescribeTheMostRecentCall() throws Exception {
    Retrying retrying =
        Retrying.of(
            policyBuilder(3)
                .wait(Wait.constant(Duration.ofSeconds(1)))
                .jitter(Jitter.none())
                .statistics(true)
                .build());

    retrying.call(this::failingTwiceThenOk);

    RetryStatistics statistics = retrying.statistics();
    assertThat(statistics.attemptNumber()).isEqualTo(3);
    assertThat(statistics.idleFor()).isEqualTo(Duration.ofSeconds(2));
    assertThat(statistics.elapsed()).isEqualTo(Duration.ofSeconds(2));
    assertThat(statistics.startTime()).isNotNull();
  }

  @Test
  void testHelpersDisableLimitAndCountRetries() throws Exception {
    Retrying retrying = Retrying.of(policyBuilder(5).build());

    try (TestScope once = BackonTesting.disableRetries()) {
      assertThatThrownBy(() -> retrying.call(this::alwaysFailing)).hasMessage("down #1");
    }
    try (TestScope twice = BackonTesting.limitRetries(2)) {
      assertThatThrownBy(() -> retrying.call(this::alwaysFailing)).hasMessage("down #3");
    }
    tries = 0;
    assertThat(BackonTesting.assertRetried(() -> retrying.call(this::failingTwiceThenOk), 3))
        .isEqualTo(3);
    assertThatThrownBy(() -> BackonTesting.assertRetried(() -> retrying.call(() -> "ok"), 2))
        .isInstanceOf(AssertionError.class)
        .hasMessage("Expected 2 tries, got 1");
  }

  @Test
  void removeBackoffKeepsTheNumberOfTriesButWaitsNothing() throws Exception {
    Retrying retrying =
        Retrying.of(policyBuilder(3).wait(Wait.constant(Duration.ofSeconds(1))).build());

    try (TestScope noWaits = BackonTesting.removeBackoff()) {
      assertThat(retrying.call(this::failingTwiceThenOk)).isEqualTo("ok");
    }

    assertThat(tries).isEqualTo(3);
    assertThat(sleeper.totalSlept()).isZero();
  }
}
