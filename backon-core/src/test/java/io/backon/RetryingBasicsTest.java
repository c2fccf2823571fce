package io.backon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What {@link Retrying#call} returns or throws, which failures it retries, and copies of a {@link
 * Retrying}.
 */
class RetryingBasicsTest extends FakeTimeFixture {

  @Test
  void returnsTheFirstValueWithoutRetrying() throws Exception {
    FlakyTarget<String> target = FlakyTarget.failingThen("ok");

    assertThat(Retrying.of(policy().build()).call(target)).isEqualTo("ok");
    assertThat(target.calls()).isEqualTo(1);
    assertThat(sleeper.sleeps()).isEmpty();
  }

  @Test
  void retriesUntilTheTargetSucceeds() throws Exception {
    FlakyTarget<String> target =
        FlakyTarget.failingThen("ok", new IOException("one"), new IOException("two"));

    assertThat(Retrying.of(policy().maxTries(5).build()).call(target)).isEqualTo("ok");
    assertThat(target.calls()).isEqualTo(3);
  }

  @Test
  void makesThreeAttemptsByDefaultThenThrowsTheLastFailureUnwrapped() {
    IOException last = new IOException("down");
    FlakyTarget<String> target =
        FlakyTarget.failingThen("never", new IOException("a"), new IOException("b"), last);

    assertThatThrownBy(() -> Retrying.of(policy().build()).call(target)).isSameAs(last);
    assertThat(target.calls()).isEqualTo(3);
  }

  @Test
  void neverRetriesAnErrorByDefault() {
    AtomicInteger calls = new AtomicInteger();

    assertThatThrownBy(
            () ->
                Retrying.of(policy().build())
                    .call(
                        () -> {
                          calls.incrementAndGet();
                          throw new StackOverflowError("deep");
                        }))
        .isInstanceOf(StackOverflowError.class);
    assertThat(calls).hasValue(1);
  }

  @Test
  void aFailureOutsideRetryOnEndsTheCallAtOnce() {
    IllegalStateException bug = new IllegalStateException("bug");
    FlakyTarget<String> target = FlakyTarget.alwaysFailing(bug);

    assertThatThrownBy(() -> Retrying.of(policy().retryOn(IOException.class).build()).call(target))
        .isSameAs(bug);
    assertThat(target.calls()).isEqualTo(1);
  }

  @Test
  void abortOnTypesWinOverRetryableFailures() {
    FlakyTarget<String> target = FlakyTarget.alwaysFailing(new SocketTimeoutException("slow"));

    assertThatThrownBy(
            () -> Retrying.of(policy().abortOn(SocketTimeoutException.class).build()).call(target))
        .isInstanceOf(SocketTimeoutException.class);
    assertThat(target.calls()).isEqualTo(1);
  }

  @Test
  void contradictoryRetryOnAndAbortOnAreRejectedAtBuildTime() {
    assertThatThrownBy(
            () ->
                RetryPolicy.builder()
                    .retryOn(SocketTimeoutException.class)
                    .abortOn(IOException.class)
                    .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "retryOn java.net.SocketTimeoutException can never be retried because abortOn "
                + "java.io.IOException covers it; remove one of them");
  }

  @Test
  void giveUpIfEndsTheCallOnAMatchingFailure() {
    FlakyTarget<String> target = FlakyTarget.alwaysFailing(new IOException("401 unauthorized"));
    List<GiveUpReason> reasons = new java.util.ArrayList<>();

    assertThatThrownBy(
            () ->
                Retrying.of(
                        policy()
                            .giveUpIf(e -> e.getMessage().startsWith("401"))
                            .onGiveUp(e -> reasons.add(e.giveUpReason()))
                            .build())
                    .call(target))
        .hasMessage("401 unauthorized");
    assertThat(target.calls()).isEqualTo(1);
    assertThat(reasons).containsExactly(GiveUpReason.GIVE_UP_PREDICATE);
  }

  @Test
  void copyDerivesAChangedInstanceAndLeavesTheOriginal() {
    Retrying original = Retrying.of(policy().maxTries(2).build());
    Retrying copy = original.copy(b -> b.maxTries(7).name("copy"));

    assertThat(copy.policy().maxTries()).isEqualTo(7);
    assertThat(copy.policy().name()).isEqualTo("copy");
    assertThat(original.policy().maxTries()).isEqualTo(2);
    assertThat(original.toBuilder().build().maxTries()).isEqualTo(2);
  }
}
