package io.backon.stop;

import static io.backon.testfixtures.TestRetryState.afterAttempt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@link Stop#any}, {@link Stop#all}, {@link Stop#or} and {@link Stop#and}. */
class StopCompositionTest {

  private static final Duration TEN_SECONDS = Duration.ofSeconds(10);

  private final Stop yes = Stop.afterAttempt(1);
  private final Stop no = Stop.never();

  @Test
  void anyStopsWhenOneElementStops() {
    assertThat(Stop.any(no, yes).shouldStop(afterAttempt(1))).isTrue();
    assertThat(Stop.any(no, no).shouldStop(afterAttempt(1))).isFalse();
  }

  @Test
  void allStopsOnlyWhenEveryElementStops() {
    assertThat(Stop.all(yes, yes).shouldStop(afterAttempt(1))).isTrue();
    assertThat(Stop.all(yes, no).shouldStop(afterAttempt(1))).isFalse();
  }

  @Test
  void orIsAny() {
    assertThat(no.or(yes).shouldStop(afterAttempt(1))).isTrue();
    assertThat(no.or(no).shouldStop(afterAttempt(1))).isFalse();
  }

  @Test
  void andIsAll() {
    assertThat(yes.and(yes).shouldStop(afterAttempt(1))).isTrue();
    assertThat(yes.and(no).shouldStop(afterAttempt(1))).isFalse();
  }

  @Test
  void anyStopsAtTheFirstElementThatStops() {
    AtomicInteger asked = new AtomicInteger();
    Stop counting = Stop.when(() -> asked.incrementAndGet() < 0);

    Stop.any(yes, counting).shouldStop(afterAttempt(1));

    assertThat(asked).hasValue(0);
  }

  @Test
  void allEndsAtTheFirstElementThatDoesNotStop() {
    AtomicInteger asked = new AtomicInteger();
    Stop counting = Stop.when(() -> asked.incrementAndGet() > 0);

    Stop.all(no, counting).shouldStop(afterAttempt(1));

    assertThat(asked).hasValue(0);
  }

  @Test
  void stopsAfterFiveAttemptsOrThirtySecondsWhicheverComesFirst() {
    Stop stop = Stop.afterAttempt(5).or(Stop.afterDelay(Duration.ofSeconds(30)));

    assertThat(stop.shouldStop(afterAttempt(5))).isTrue();
    assertThat(stop.shouldStop(afterAttempt(2).elapsed(Duration.ofSeconds(30)))).isTrue();
    assertThat(stop.shouldStop(afterAttempt(4).elapsed(Duration.ofSeconds(29)))).isFalse();
  }

  @Test
  void readsAsAFlatList() {
    Stop stop =
        Stop.afterAttempt(5).or(Stop.afterDelay(TEN_SECONDS)).or(Stop.beforeDelay(TEN_SECONDS));

    assertThat(stop).hasToString("any(afterAttempt(5), afterDelay(PT10S), beforeDelay(PT10S))");
    assertThat(Stop.afterAttempt(5).and(Stop.never()).and(Stop.afterAttempt(2)))
        .hasToString("all(afterAttempt(5), never(), afterAttempt(2))");
    assertThat(Stop.all(Stop.any(yes, no), no))
        .hasToString("all(any(afterAttempt(1), never()), never())");
  }

  @Test
  void aSingleElementIsItself() {
    assertThat(Stop.any(yes)).isSameAs(yes);
    assertThat(Stop.all(yes)).isSameAs(yes);
  }

  @Test
  void copiesTheArray() {
    Stop[] stops = {no, no};
    Stop any = Stop.any(stops);

    stops[1] = yes;

    assertThat(any.shouldStop(afterAttempt(1))).isFalse();
  }

  @Test
  void equalCompositesAreEqual() {
    assertThat(Stop.any(yes, no)).isEqualTo(Stop.any(yes, no)).isNotEqualTo(Stop.all(yes, no));
    assertThat(Stop.all(yes, no)).hasSameHashCodeAs(Stop.all(yes, no));
  }

  @Test
  void allOfTheSameElementsInTheSameOrderIsEqualAndOnlyThen() {
    assertThat(Stop.all(yes, no))
        .isEqualTo(Stop.all(yes, no))
        .isNotEqualTo(Stop.all(no, yes))
        .isNotEqualTo(Stop.any(yes, no));
  }

  @Test
  void anyOfOtherElementsIsNotEqual() {
    assertThat(Stop.any(yes, no)).isNotEqualTo(Stop.any(no, yes));
  }

  @Test
  void rejectsNoElements() {
    assertThatThrownBy(Stop::any)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("stops must not be empty");
    assertThatThrownBy(Stop::all)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("stops must not be empty");
  }

  @Test
  void rejectsNullElements() {
    assertThatThrownBy(() -> Stop.any(yes, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("stops[1] must not be null");
    assertThatThrownBy(() -> Stop.all((Stop) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("stops[0] must not be null");
    assertThatThrownBy(() -> Stop.any((Stop[]) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("stops must not be null");
  }

  @Test
  void rejectsANullOther() {
    assertThatThrownBy(() -> yes.or(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("other must not be null");
    assertThatThrownBy(() -> yes.and(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("other must not be null");
  }

  @Test
  void composesLambdas() {
    Stop custom = state -> state.attemptNumber() == 2;

    assertThat(custom.or(Stop.afterAttempt(10)).shouldStop(afterAttempt(2))).isTrue();
    assertThat(custom.and(Stop.afterAttempt(10)).shouldStop(afterAttempt(2))).isFalse();
  }
}
