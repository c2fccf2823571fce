package io.backon.wait;

import static org.assertj.core.api.Assertions.assertThat;

import io.backon.Description;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Waits and jitters describe themselves as a kind with typed parameters, not text to parse. */
class WaitDescriptionTest {

  private static final Duration SECOND = Duration.ofSeconds(1);

  @Test
  void expoGivesItsBaseFactorAndCap() {
    Description expo = Wait.expo(3.0, Duration.ofMillis(100), SECOND).describe();

    assertThat(expo.kind()).isEqualTo("expo");
    assertThat(expo.parameters())
        .containsExactly(
            Map.entry("base", 3.0),
            Map.entry("factor", Duration.ofMillis(100)),
            Map.entry("max", SECOND));
  }

  @Test
  void anUncappedStrategyHasANullCap() {
    assertThat(Wait.expo().describe().parameters()).containsEntry("max", null);
    assertThat(Wait.fibo().describe().parameters()).containsEntry("max", null);
  }

  @Test
  void everyBuiltInWaitNamesItsFactory() {
    assertThat(
            List.of(
                Wait.none(),
                Wait.constant(SECOND),
                Wait.constant(SECOND, SECOND),
                Wait.incrementing(),
                Wait.fibo(),
                Wait.decay(),
                Wait.random(),
                Wait.randomExponential(),
                Wait.exponentialJitter(),
                Wait.runtime(state -> SECOND),
                Wait.exception(failure -> SECOND)))
        .extracting(wait -> wait.describe().kind())
        .containsExactly(
            "none",
            "constant",
            "sequence",
            "incrementing",
            "fibo",
            "decay",
            "random",
            "randomExponential",
            "exponentialJitter",
            "runtime",
            "exception");
  }

  @Test
  void compositeWaitsNestTheirParts() {
    Description chain =
        Wait.chain(Wait.none(), Wait.constant(SECOND).plus(Wait.random())).describe();

    assertThat(chain.kind()).isEqualTo("chain");
    @SuppressWarnings("unchecked")
    List<Description> waits = (List<Description>) chain.parameters().get("waits");
    assertThat(waits).extracting(Description::kind).containsExactly("none", "plus");
    assertThat(waits.get(1).parameters().get("first"))
        .isEqualTo(Description.of("constant").with("interval", SECOND));
  }

  @Test
  void jittersNameTheirKindAndBound() {
    assertThat(List.of(Jitter.full(), Jitter.none(), Jitter.equal()))
        .extracting(jitter -> jitter.describe().kind())
        .containsExactly("full", "none", "equal");
    assertThat(Jitter.random(SECOND).describe())
        .isEqualTo(Description.of("random").with("max", SECOND));
    assertThat(Jitter.decorrelated(SECOND).describe())
        .isEqualTo(Description.of("decorrelated").with("cap", SECOND));
  }

  @Test
  void aWaitOfYourOwnIsCustomWithItsClassName() {
    Wait own = new OwnWait();

    assertThat(own.describe())
        .isEqualTo(Description.of("custom").with("class", OwnWait.class.getName()));
  }

  private static final class OwnWait implements Wait {
    @Override
    public long nextWaitNanos(io.backon.RetryState state) {
      return 0;
    }
  }
}
