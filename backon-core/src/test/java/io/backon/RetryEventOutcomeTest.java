package io.backon;

import static org.assertj.core.api.Assertions.assertThat;

import io.backon.testing.FakeClock;
import io.backon.testing.ManualSleeper;
import io.backon.wait.Jitter;
import io.backon.wait.Wait;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Events before an attempt carry no outcome and the time now; events after it carry its value or
 * failure and the time it ended; only the sleeping events carry the wait.
 */
class RetryEventOutcomeTest {

  private final FakeClock clock = new FakeClock();
  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final AtomicInteger calls = new AtomicInteger();

  private void record(RetryEvent event) {
    lines.add(
        event.type()
            + " #"
            + event.attemptNumber()
            + " at "
            + event.elapsed().toMillis()
            + "ms value="
            + event.value()
            + " failure="
            + (event.failure() == null ? null : event.failure().getMessage())
            + " wait="
            + event.waitDuration().toMillis()
            + "ms");
  }

  /** Takes 10 ms; returns "pending", then fails, then returns "ok". */
  private String pendingThenFailingThenOk() throws IOException {
    clock.advance(Duration.ofMillis(10));
    return switch (calls.incrementAndGet()) {
      case 1 -> "pending";
      case 2 -> throw new IOException("down");
      default -> "ok";
    };
  }

  @Test
  void eachEventCarriesTheOutcomeAndTimeOfItsMomentInTheAttempt() throws Exception {
    RetryPolicy policy =
        RetryPolicy.builder()
            .clock(clock)
            .sleeper(new ManualSleeper(clock))
            .wait(Wait.constant(Duration.ofMillis(100)))
            .jitter(Jitter.none())
            .retryIfResult("pending"::equals)
            .onAttempt(this::record)
            .before(this::record)
            .after(this::record)
            .beforeSleep(this::record)
            .onBackoff(this::record)
            .onSuccess(this::record)
            .build();

    assertThat(Retrying.of(policy).call(this::pendingThenFailingThenOk)).isEqualTo("ok");

    assertThat(lines)
        .containsExactly(
            "ATTEMPT #1 at 0ms value=null failure=null wait=0ms",
            "BEFORE #1 at 0ms value=null failure=null wait=0ms",
            "AFTER #1 at 10ms value=pending failure=null wait=0ms",
            "BEFORE_SLEEP #1 at 10ms value=pending failure=null wait=100ms",
            "BACKOFF #1 at 10ms value=pending failure=null wait=100ms",
            "ATTEMPT #2 at 110ms value=null failure=null wait=0ms",
            "BEFORE #2 at 110ms value=null failure=null wait=0ms",
            "AFTER #2 at 120ms value=null failure=down wait=0ms",
            "BEFORE_SLEEP #2 at 120ms value=null failure=down wait=100ms",
            "BACKOFF #2 at 120ms value=null failure=down wait=100ms",
            "ATTEMPT #3 at 220ms value=null failure=null wait=0ms",
            "BEFORE #3 at 220ms value=null failure=null wait=0ms",
            "AFTER #3 at 230ms value=ok failure=null wait=0ms",
            "SUCCESS #3 at 230ms value=ok failure=null wait=0ms");
  }
}
