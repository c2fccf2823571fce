package io.backon.wait;

import static io.backon.wait.WaitSequences.s;
import static io.backon.wait.WaitSequences.waitAfter;
import static io.backon.wait.WaitSequences.waits;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backon.testfixtures.TestRetryState;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CompositeWaitTest {

  private static final Duration EXHAUSTED = Duration.ofNanos(Wait.EXHAUSTED);

  @Test
  void chainUsesStrategyKAfterAttemptKAndRepeatsTheLast() {
    Wait wait =
        Wait.chain(
            Wait.none(),
            Wait.constant(Duration.ofSeconds(1)),
            Wait.expo(Duration.ofSeconds(1), Duration.ofMinutes(1)));

    // the last strategy sees the real attempt number, so expo continues at n = 2
    assertThat(waits(wait, 5)).containsExactly(s(0), s(1), s(4), s(8), s(16));
  }

  @Test
  void chainOfOneIsThatStrategy() {
    assertThat(waits(Wait.chain(Wait.constant(Duration.ofSeconds(2))), 3))
        .containsExactly(s(2), s(2), s(2));
  }

  @Test
  void chainPassesOnExhaustion() {
    Wait wait =
        Wait.chain(Wait.none(), Wait.constant(Duration.ofSeconds(1), Duration.ofSeconds(2)));

    assertThat(waits(wait, 3)).containsExactly(s(0), s(2), EXHAUSTED);
  }

  @Test
  void chainRejectsNoStrategiesAndNulls() {
    assertThatThrownBy(Wait::chain)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("waits must contain >= 1 strategy but was empty");
    assertThatThrownBy(() -> Wait.chain((Wait[]) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("waits");
    assertThatThrownBy(() -> Wait.chain(Wait.none(), null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("waits[1]");
  }

  @Test
  void chainDescribesItselfAndIsAValue() {
    Wait wait = Wait.chain(Wait.none(), Wait.constant(Duration.ofSeconds(1)));

    assertThat(wait).hasToString("chain(none(), constant(PT1S))");
    assertThat(wait).isEqualTo(Wait.chain(Wait.none(), Wait.constant()));
  }

  @Test
  void chainCopiesItsArguments() {
    Wait[] waits = {Wait.none(), Wait.constant()};
    Wait wait = Wait.chain(waits);

    waits[1] = Wait.expo();

    assertThat(waitAfter(wait, 2)).isEqualTo(Duration.ofSeconds(1).toNanos());
  }

  @Test
  void plusAddsBothWaitsAtEveryStep() {
    Wait wait =
        Wait.expo(Duration.ofSeconds(1), Duration.ofSeconds(4))
            .plus(Wait.constant(Duration.ofMillis(500)));

    assertThat(waits(wait, 4)).containsExactly(s(1.5), s(2.5), s(4.5), s(4.5));
  }

  @Test
  void plusSaturatesInsteadOfOverflowing() {
    Wait wait = Wait.expo().plus(Wait.expo());

    assertThat(waitAfter(wait, 10_000)).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void plusIsExhaustedWhenEitherSideIs() {
    Wait finite = Wait.constant(Duration.ofSeconds(1), Duration.ofSeconds(2));

    assertThat(waits(finite.plus(Wait.constant()), 3)).containsExactly(s(2), s(3), EXHAUSTED);
    assertThat(waits(Wait.constant().plus(finite), 3)).containsExactly(s(2), s(3), EXHAUSTED);
  }

  @Test
  void plusDescribesItselfAndRejectsNull() {
    assertThat(Wait.constant().plus(Wait.random()))
        .hasToString("constant(PT1S).plus(random(min=PT0S, max=PT1S))")
        .isEqualTo(Wait.constant().plus(Wait.random()));
    assertThatThrownBy(() -> Wait.constant().plus(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("other");
  }

  @Test
  void plusWithRandomIsDeterministicForAFixedSeed() {
    Wait wait = Wait.expo().plus(Wait.random());

    assertThat(waitAfter(wait, 3))
        .isEqualTo(waitAfter(wait, 3))
        .isBetween(s(4).toNanos(), s(5).toNanos());
  }

  @Test
  void nextWaitIsTheWaitAsADurationOrEmptyWhenExhausted() {
    Wait wait = Wait.constant(Duration.ofSeconds(1), Duration.ofSeconds(2));

    assertThat(wait.nextWait(TestRetryState.afterAttempt(2))).contains(Duration.ofSeconds(2));
    assertThat(wait.nextWait(TestRetryState.afterAttempt(3))).isEmpty();
    assertThat(Wait.expo().nextWait(TestRetryState.afterAttempt(10_000)))
        .contains(Wait.DEFAULT_MAX);
  }

  @Test
  void aLambdaIsAWait() {
    Wait wait = state -> 42L;

    assertThat(wait.plus(Wait.none()).nextWaitNanos(new TestRetryState())).isEqualTo(42L);
  }
}
