package io.backon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backon.wait.Wait;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The global switch {@code Retries.disable()}/{@code enable()} reaches every face. */
class RetriesGlobalSwitchTest extends FakeTimeFixture {

  // ------------------------------------------------------------------- global switch

  @Test
  void disableMakesEveryCallRunExactlyOnce() {
    IOException failure = new IOException("down");
    Retries.disable();

    assertThatThrownBy(() -> Retries.retry(calls.failingWith(failure), 5, Wait.none()))
        .isSameAs(failure);

    assertThat(calls).hasValue(1);
    assertThat(Retries.isEnabled()).isFalse();
  }

  @Test
  void disableReachesEveryFace() {
    Retries.disable();

    assertThatThrownBy(() -> Retrying.of(policy(5)).call(calls.failingWith(new IOException("a"))))
        .hasMessage("a");
    assertThatThrownBy(
            () ->
                RetryingCaller.of(policy(5))
                    .run(
                        () -> {
                          calls.incrementAndGet();
                          throw new IOException("b");
                        }))
        .hasMessage("b");
    assertThatThrownBy(() -> Retries.retry(calls.failingWith(new IOException("c")), policy(5)))
        .hasMessage("c");

    assertThat(calls).hasValue(3);
    assertThat(Retrying.of(policy(5)).isEnabled()).isFalse();
  }

  @Test
  void disableStillReturnsTheTargetsValue() throws Exception {
    Retries.disable();

    assertThat(Retries.retry(() -> "direct", 5, Wait.none())).isEqualTo("direct");
  }

  @Test
  void enableRestoresRetrying() {
    Retries.disable();
    Retries.enable();

    assertThatThrownBy(
            () -> Retries.retry(calls.failingWith(new IOException("down")), 5, Wait.none()))
        .isInstanceOf(IOException.class);

    assertThat(calls).hasValue(5);
    assertThat(Retries.isEnabled()).isTrue();
  }

  @Test
  void retryingIsEnabledByDefault() {
    assertThat(Retries.isEnabled()).isTrue();
    assertThat(Retrying.of(policy(3)).isEnabled()).isTrue();
  }

  @Test
  void disablingTwiceNeedsOnlyOneEnable() {
    Retries.disable();
    Retries.disable();
    Retries.enable();

    assertThat(Retries.isEnabled()).isTrue();
  }
}
