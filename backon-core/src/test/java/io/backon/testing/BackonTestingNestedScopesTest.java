package io.backon.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.backon.Retries;
import io.backon.RetryPolicy;
import io.backon.Retrying;
import io.backon.internal.GlobalSettings;
import io.backon.wait.Jitter;
import io.backon.wait.Wait;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Scopes of {@link BackonTesting} nested, closed twice or closed out of order restore exactly what
 * each changed.
 */
class BackonTestingNestedScopesTest extends BackonTestingFixture {

  // ------------------------------------------------------------------------------- nesting

  @Test
  void nestedLimitScopesEachRestoreTheirOwnLimit() {
    Retrying retrying = Retrying.of(policy(5));
    try (TestScope outer = BackonTesting.limitRetries(4)) {
      try (TestScope inner = BackonTesting.limitRetries(2)) {
        assertThat(triesOf(retrying)).isEqualTo(2);
      }
      assertThat(triesOf(retrying)).isEqualTo(4);
    }
    assertThat(triesOf(retrying)).isEqualTo(5);
  }

  @Test
  void closingAnInnerScopeRestoresOnlyTheSettingItChanged() {
    RetryPolicy slow =
        quiet()
            .maxTries(5)
            .wait(Wait.constant(Duration.ofSeconds(10)))
            .jitter(Jitter.none())
            .build();
    Retrying retrying = Retrying.of(slow);

    try (TestScope noWaits = BackonTesting.removeBackoff();
        TestScope limited = BackonTesting.limitRetries(3)) {
      try (TestScope disabled = BackonTesting.disableRetries()) {
        assertThat(triesOf(retrying)).isEqualTo(1);
      }
      assertThat(triesOf(retrying)).isEqualTo(3);
      assertThat(sleeper.sleeps()).containsOnly(Duration.ZERO);
    }
  }

  @Test
  void closingAScopeTwiceIsHarmless() {
    Retrying retrying = Retrying.of(policy(5));
    try (TestScope outer = BackonTesting.limitRetries(4)) {
      TestScope inner = BackonTesting.limitRetries(2);
      inner.close();
      inner.close();

      assertThat(triesOf(retrying)).isEqualTo(4);
    }
    assertThat(triesOf(retrying)).isEqualTo(5);
  }

  @Test
  void closingADisableScopeTwiceDoesNotReEnableAnOuterOne() {
    try (TestScope outer = BackonTesting.disableRetries()) {
      TestScope inner = BackonTesting.disableRetries();
      inner.close();
      inner.close();

      assertThat(Retries.isEnabled()).isFalse();
    }
    assertThat(Retries.isEnabled()).isTrue();
  }

  @Test
  void closingScopesOutOfOrderLeavesNoLimitBehind() {
    TestScope outer = BackonTesting.limitRetries(5);
    TestScope inner = BackonTesting.limitRetries(2);
    outer.close();
    inner.close();

    // observed: inner restores the 5 that outer had set, so a cap of 5 tries stays JVM-wide
    int leaked = GlobalSettings.current().maxTriesLimit();
    if (leaked != 0) {
      GlobalSettings.update(o -> o.withMaxTriesLimit(0)); // do not poison other tests
    }
    assertThat(leaked).as("limit left after every scope closed").isZero();
  }

  @Test
  void closingDisableScopesOutOfOrderReEnablesRetries() {
    TestScope outer = BackonTesting.disableRetries();
    TestScope inner = BackonTesting.disableRetries();
    outer.close();
    inner.close();

    boolean leaked = GlobalSettings.current().scopedDisabled();
    if (leaked) {
      GlobalSettings.update(o -> o.withScopedDisabled(false));
    }
    assertThat(leaked).as("retries still disabled after every scope closed").isFalse();
  }
}
