package io.backon.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.backon.RetryPolicy;
import io.backon.RetryPolicyBuilder;
import io.backon.Retrying;
import io.backon.internal.GlobalSettings;
import io.backon.testfixtures.CallCounter;
import io.backon.wait.Wait;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The fake time, the counted target and the policies the tests of {@link BackonTesting} share; each
 * of those tests extends it. Every test starts with nothing overridden and must leave nothing
 * behind.
 */
abstract class BackonTestingFixture {

  final FakeClock clock = new FakeClock();
  final ManualSleeper sleeper = new ManualSleeper(clock);
  final CallCounter calls = new CallCounter();

  @BeforeEach
  void startWithNothingOverridden() {
    GlobalSettings.update(o -> GlobalSettings.NONE);
  }

  @AfterEach
  void everyScopeRestoredWhatItChanged() {
    GlobalSettings left = GlobalSettings.current();
    GlobalSettings.update(o -> GlobalSettings.NONE);
    assertThat(left).as("settings left behind by the test").isEqualTo(GlobalSettings.NONE);
  }

  // ------------------------------------------------------------------------------- helpers

  RetryPolicy policy(int maxTries) {
    return quiet().maxTries(maxTries).wait(Wait.none()).build();
  }

  /** A policy on the fake clock that logs nothing, so the build output stays readable. */
  RetryPolicyBuilder quiet() {
    return RetryPolicy.builder()
        .sleeper(sleeper)
        .clock(clock)
        .backoffLogLevel(System.Logger.Level.OFF)
        .giveUpLogLevel(System.Logger.Level.OFF);
  }

  int triesOf(Retrying retrying) {
    calls.set(0);
    try {
      retrying.call(calls.failingWith(new IOException("down")));
    } catch (Exception expected) {
      // counted below
    }
    return calls.get();
  }
}
