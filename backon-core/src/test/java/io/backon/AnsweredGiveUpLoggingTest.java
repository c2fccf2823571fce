package io.backon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backon.CapturedLog.Line;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * A call answered by a fallback, or one that returns instead of throwing, logs its give-up at DEBUG
 * only; an interrupt skips the fallback, so its give-up is a warning.
 */
class AnsweredGiveUpLoggingTest extends GiveUpLoggingFixture {

  // --------------------------------------------------------------- answered give-ups

  @Test
  void aCallSavedByAFallbackIsLoggedAtDebugOnly() throws Exception {
    RetryPolicy policy = policy("payments", 2).fallback(giveUp -> "cached").build();

    try (CapturedLog all = CapturedLog.attach()) {
      String value =
          Retrying.of(policy)
              .call(Invocation.of(TARGET), FlakyTarget.alwaysFailing(new IOException("down")));

      assertThat(value).isEqualTo("cached");
      assertThat(all.lines())
          .extracting(Line::level, Line::message)
          .last()
          .isEqualTo(
              org.assertj.core.groups.Tuple.tuple(
                  "FINE",
                  "Falling back on PaymentClient.charge after "
                      + "2 attempts (max tries reached): java.io.IOException: down [policy payments]"));
      assertThat(all.lines()).extracting(Line::level).containsOnly("FINE");
    }
  }

  @Test
  void aCallReturningInsteadOfThrowingIsLoggedAtDebugOnly() throws Exception {
    RetryPolicy policy = policy("payments", 1).raiseOnGiveUp(false).build();

    try (CapturedLog all = CapturedLog.attach()) {
      Object value =
          Retrying.of(policy)
              .call(Invocation.of(TARGET), FlakyTarget.alwaysFailing(new IOException("down")));

      assertThat(value).isNull();
      assertThat(all.lines())
          .extracting(Line::level, Line::message)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(
                  "FINE",
                  "Giving up on PaymentClient.charge after "
                      + "1 attempt (max tries reached): java.io.IOException: down [policy payments]; "
                      + "returning null (raiseOnGiveUp false)"));
    }
  }

  @Test
  void answeredCallsLeaveNothingAtInfo() throws Exception {
    Retrying fallingBack = Retrying.of(policy("payments", 3).fallback(giveUp -> "cached").build());
    Retrying notRaising = Retrying.of(policy("payments", 3).raiseOnGiveUp(false).build());

    assertThat(fallingBack.call(FlakyTarget.alwaysFailing(new IOException("down"))))
        .isEqualTo("cached");
    assertThat(notRaising.call(FlakyTarget.alwaysFailing(new IOException("down")))).isNull();

    assertThat(atInfo.lines()).isEmpty();
  }

  @Test
  void anInterruptSkipsTheFallbackSoItsGiveUpIsAWarning() {
    RetryPolicy policy = policy("payments", 3).fallback(giveUp -> "cached").build();

    assertThatThrownBy(
            () ->
                Retrying.of(policy)
                    .call(
                        Invocation.of(TARGET),
                        FlakyTarget.alwaysFailing(new InterruptedException("shutting down"))))
        .isInstanceOf(InterruptedException.class);
    Thread.interrupted();

    assertThat(atInfo.lines())
        .extracting(Line::level, Line::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "WARNING",
                "Giving up on PaymentClient.charge after "
                    + "1 attempt (interrupted): java.lang.InterruptedException: shutting down "
                    + "[policy payments]"));
  }

  @Test
  void aGiveUpLevelBelowDebugAlsoAppliesToAnsweredCalls() throws Exception {
    RetryPolicy policy =
        policy("payments", 1)
            .fallback(giveUp -> "cached")
            .giveUpLogLevel(System.Logger.Level.TRACE)
            .build();

    try (CapturedLog all = CapturedLog.attach()) {
      Retrying.of(policy).call(FlakyTarget.alwaysFailing(new IOException("down")));

      assertThat(all.lines()).extracting(Line::level).containsExactly("FINER");
    }
  }
}
