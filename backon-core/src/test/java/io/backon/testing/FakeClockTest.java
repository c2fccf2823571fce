package io.backon.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FakeClockTest {

  private final FakeClock clock = new FakeClock();

  @Test
  void aNewClockShowsNoElapsedTimeAndStartsOnNewYear2026() {
    assertThat(clock.elapsed()).isZero();
    assertThat(clock.wallTime()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
  }

  @Test
  void aNewClockStandsStillUntilAdvanced() {
    long before = clock.nanoTime();

    assertThat(clock.nanoTime()).isEqualTo(before);
    assertThat(clock.wallTime()).isEqualTo(clock.wallTime());
  }

  @Test
  void advanceMovesTheMonotonicReadingByTheDuration() {
    long before = clock.nanoTime();

    clock.advance(Duration.ofMillis(1_500));

    assertThat(clock.nanoTime() - before).isEqualTo(1_500_000_000L);
    assertThat(clock.elapsed()).isEqualTo(Duration.ofMillis(1_500));
  }

  @Test
  void advanceMovesTheWallTimeAlong() {
    clock.advance(Duration.ofMinutes(90));

    assertThat(clock.wallTime()).isEqualTo(Instant.parse("2026-01-01T01:30:00Z"));
  }

  @Test
  void advancesAddUp() {
    clock.advance(Duration.ofSeconds(1)).advance(Duration.ofSeconds(2)).advanceNanos(7);

    assertThat(clock.elapsed()).isEqualTo(Duration.ofSeconds(3).plusNanos(7));
  }

  @Test
  void advanceReturnsTheSameClockForChaining() {
    assertThat(clock.advance(Duration.ofSeconds(1))).isSameAs(clock);
    assertThat(clock.advanceNanos(1)).isSameAs(clock);
  }

  @Test
  void advancingByZeroDoesNotMoveTheClock() {
    long before = clock.nanoTime();

    clock.advance(Duration.ZERO).advanceNanos(0);

    assertThat(clock.nanoTime()).isEqualTo(before);
  }

  @Test
  void advanceNanosMovesTheClockByExactlyThatManyNanoseconds() {
    long before = clock.nanoTime();

    clock.advanceNanos(42);

    assertThat(clock.nanoTime()).isEqualTo(before + 42);
    assertThat(clock.wallTime()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z").plusNanos(42));
  }

  @Test
  void advanceRejectsANegativeDurationNamingIt() {
    assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("duration must be >= 0 but was PT-1S");
    assertThat(clock.elapsed()).isZero();
  }

  @Test
  void advanceNanosRejectsANegativeDeltaNamingIt() {
    assertThatThrownBy(() -> clock.advanceNanos(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("delta must be >= 0 but was -1");
    assertThat(clock.elapsed()).isZero();
  }

  @Test
  void advanceRejectsNullNamingTheParameter() {
    assertThatThrownBy(() -> clock.advance(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("duration");
  }

  @Test
  void toStringShowsTheElapsedTime() {
    clock.advance(Duration.ofSeconds(2));

    assertThat(clock).hasToString("FakeClock{PT2S}");
  }

  @Test
  void twoClocksMoveIndependently() {
    FakeClock other = new FakeClock();

    clock.advance(Duration.ofSeconds(5));

    assertThat(other.elapsed()).isZero();
    assertThat(clock.elapsed()).isEqualTo(Duration.ofSeconds(5));
  }
}
