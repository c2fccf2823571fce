package io.backon;

import static org.assertj.core.api.Assertions.assertThat;

import io.backon.stop.Stop;
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

/** A custom {@link Stop} reads the live call state: attempt, outcome, and the waits. */
class RetryStateSeenByAStopTest {

  private final FakeClock clock = new FakeClock();
  private final AtomicInteger calls = new AtomicInteger();

  /** Returns "pending", then fails, then returns "ok". */
  private String pendingThenFailingThenOk() throws IOException {
    return switch (calls.incrementAndGet()) {
      case 1 -> "pending";
      case 2 -> throw new IOException("down");
      default -> "ok";
    };
  }

  @Test
  void aStopSeesWhetherTheAttemptFailedAndThePreviousAndUpcomingWaits() throws Exception {
    List<String> seen = new CopyOnWriteArrayList<>();
    Stop recording =
        state -> {
          seen.add(
              "#"
                  + state.attemptNumber()
                  + " failed="
                  + state.failed()
                  + " previous="
                  + Duration.ofNanos(state.previousWaitNanos()).toMillis()
                  + "ms upcoming="
                  + state.upcomingWait().toMillis()
                  + "ms");
          return false;
        };
    RetryPolicy policy =
        RetryPolicy.builder()
            .clock(clock)
            .sleeper(new ManualSleeper(clock))
            .wait(
                Wait.incrementing(
                    Duration.ofMillis(100), Duration.ofMillis(100), Duration.ofMinutes(1)))
            .jitter(Jitter.none())
            .retryIfResult("pending"::equals)
            .stop(recording)
            .build();

    assertThat(Retrying.of(policy).call(this::pendingThenFailingThenOk)).isEqualTo("ok");

    assertThat(seen)
        .containsExactly(
            "#1 failed=false previous=0ms upcoming=100ms",
            "#2 failed=true previous=100ms upcoming=200ms");
  }
}
