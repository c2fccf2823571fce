package io.backon.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.backon.CapturedLog;
import io.backon.RetryPolicy;
import io.backon.Retrying;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;

/**
 * A meter filter of the application's that throws for one of Backon's meters costs one WARNING line
 * for that meter, not one per call, and the other meters still count.
 */
class FailingMeterFilterTest {

  @Test
  void aMeterWhoseFilterThrowsIsLoggedOnceAndTheOthersStillCount() throws Exception {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    registry
        .config()
        .meterFilter(
            MeterFilter.deny(
                id -> {
                  if (id.getName().equals(BackonMeterNames.CALLS)) {
                    throw new IllegalStateException("the filter is broken");
                  }
                  return false;
                }));
    Retrying retrying =
        Retrying.of(
            RetryPolicy.builder()
                .name("payments")
                .instrumentation(BackonMicrometer.of(registry))
                .build());

    try (CapturedLog log = CapturedLog.attach("io.backon", Level.ALL)) {
      for (int call = 0; call < 5; call++) {
        assertThat(retrying.call(() -> "ok")).isEqualTo("ok");
      }

      assertThat(log.lines())
          .filteredOn(line -> line.level().equals("WARNING"))
          .singleElement()
          .satisfies(
              line -> {
                assertThat(line.logger()).isEqualTo("io.backon.micrometer");
                assertThat(line.message())
                    .startsWith(
                        "Cannot register backon.calls of policy 'payments' (exception=none)")
                    .contains("the filter is broken");
              });
    }
    assertThat(registry.get(BackonMeterNames.ATTEMPTS).counter().count()).isEqualTo(5);
    assertThat(registry.find(BackonMeterNames.CALLS).meters()).isEmpty();
  }
}
