package io.backon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@link Retrying} interrupted, or switched off per policy or globally. */
class RetryingInterruptsAndSwitchesTest extends FakeTimeFixture {

  @Test
  void anInterruptDuringBackoffStopsRetryingAndRethrowsTheLastFailure() {
    IOException last = new IOException("down");
    AtomicInteger calls = new AtomicInteger();
    RetryPolicy policy =
        policy()
            .maxTries(10)
            .sleeper(
                nanos -> {
                  throw new InterruptedException("shutdown");
                })
            .build();

    try {
      assertThatThrownBy(
              () ->
                  Retrying.of(policy)
                      .call(
                          () -> {
                            calls.incrementAndGet();
                            throw last;
                          }))
          .isSameAs(last);
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
      assertThat(last.getSuppressed()).singleElement().isInstanceOf(InterruptedException.class);
      assertThat(calls).hasValue(1);
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void anInterruptSkipsTheFallback() {
    IOException last = new IOException("down");
    RetryPolicy policy =
        policy()
            .fallback(e -> "fallback")
            .sleeper(
                nanos -> {
                  throw new InterruptedException();
                })
            .build();

    try {
      assertThatThrownBy(() -> Retrying.of(policy).call(FlakyTarget.alwaysFailing(last)))
          .isSameAs(last);
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void anInterruptedExceptionFromTheTargetIsNotRetried() {
    InterruptedException interrupted = new InterruptedException("cancelled");
    FlakyTarget<String> target = FlakyTarget.alwaysFailing(interrupted);

    assertThatThrownBy(() -> Retrying.of(policy().build()).call(target)).isSameAs(interrupted);
    assertThat(target.calls()).isEqualTo(1);
  }

  @Test
  void aDisabledPolicyCallsTheTargetExactlyOnce() {
    FlakyTarget<String> target = FlakyTarget.alwaysFailing(new IOException());
    Retrying retrying = Retrying.of(policy().build()).withEnabled(false);

    assertThatThrownBy(() -> retrying.call(target)).isInstanceOf(IOException.class);
    assertThat(target.calls()).isEqualTo(1);
    assertThat(retrying.isEnabled()).isFalse();
  }

  @Test
  void theGlobalToggleMakesEveryCallRunOnce() {
    FlakyTarget<String> target = FlakyTarget.alwaysFailing(new IOException());
    Retries.disable();
    try {
      assertThatThrownBy(() -> Retrying.of(policy().build()).call(target))
          .isInstanceOf(IOException.class);
      assertThat(target.calls()).isEqualTo(1);
      assertThat(Retries.isEnabled()).isFalse();
    } finally {
      Retries.enable();
    }
    assertThat(Retries.isEnabled()).isTrue();
  }
}
