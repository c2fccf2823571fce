package io.backon.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.backon.internal.GlobalSettings;
import io.backon.testing.BackonTesting;
import io.backon.testing.TestScope;
import org.junit.jupiter.api.Test;

/** BackonTesting scopes "nest; each restores exactly the setting it changed". */
class TestScopeReviewTest {

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
