package io.backon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backon.condition.RetryCondition;
import io.backon.instrumentation.RetryInstrumentation;
import io.backon.internal.Pipeline;
import io.backon.stop.Stop;
import io.backon.wait.Jitter;
import io.backon.wait.Wait;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyBuilderTest {

  @Test
  void defaultsAreThreeTriesExpoWaitFullJitterAndAnyException() {
    RetryPolicy defaults = RetryPolicy.defaults();

    assertThat(defaults.maxTries()).isEqualTo(3);
    assertThat(defaults.waitStrategy()).isEqualTo(Wait.expo());
    assertThat(defaults.jitter()).isEqualTo(Jitter.full());
    assertThat(defaults.retryCondition().shouldRetry(null, new IOException())).isTrue();
    assertThat(defaults.retryCondition().shouldRetry(null, new RuntimeException())).isTrue();
    assertThat(defaults.retryCondition().shouldRetry(null, new Error())).isFalse();
    assertThat(defaults.raiseOnGiveUp()).isTrue();
    assertThat(defaults.name()).isEqualTo("default");
    assertThat(defaults.enabled()).isTrue();
    assertThat(defaults.statistics()).isFalse();
    assertThat(Pipeline.of(defaults).timed()).isFalse();
  }

  @Test
  void thePolicyShowsTheRetryTypesAndResultPredicateItWasGiven() {
    java.util.function.Predicate<Object> isNull = java.util.Objects::isNull;
    RetryPolicy policy =
        RetryPolicy.builder().retryOn(IOException.class).retryIfResult(isNull).build();

    assertThat(policy.retryOn()).containsExactly(IOException.class);
    assertThat(policy.retryIfResult()).isSameAs(isNull);
    assertThat(RetryPolicy.defaults().retryOn()).isEmpty();
    assertThat(RetryPolicy.defaults().retryIfResult()).isNull();
  }

  @Test
  void anyStopConditionReplacesTheDefaultAttemptLimit() {
    assertThat(RetryPolicy.builder().stop(Stop.never()).build().maxTries()).isZero();
    assertThat(RetryPolicy.builder().maxTime(Duration.ofSeconds(5)).build().maxTries()).isZero();
    assertThat(RetryPolicy.builder().maxTries(() -> 4).build().maxTries()).isZero();
  }

  @Test
  void maxTriesBelowOneIsRejected() {
    assertThatThrownBy(() -> RetryPolicy.builder().maxTries(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxTries must be >= 1 but was 0");
  }

  @Test
  void maxTimeMustBePositive() {
    assertThatThrownBy(() -> RetryPolicy.builder().maxTime(Duration.ZERO))
        .hasMessage("maxTime must be > 0 but was PT0S");
    assertThatThrownBy(() -> RetryPolicy.builder().maxTime(Duration.ofSeconds(-1)))
        .hasMessage("maxTime must be > 0 but was PT-1S");
  }

  @Test
  void nullArgumentsNameTheParameter() {
    assertThatThrownBy(() -> RetryPolicy.builder().wait(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("wait");
    assertThatThrownBy(() -> RetryPolicy.builder().onGiveUp(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("listener");
  }

  @Test
  void blankNamesAndEmptyTypeListsAreRejected() {
    assertThatThrownBy(() -> RetryPolicy.builder().name(" ")).hasMessage("name must not be blank");
    assertThatThrownBy(() -> RetryPolicy.builder().retryOn())
        .hasMessage("retryOn needs at least one exception type");
    assertThatThrownBy(() -> RetryPolicy.builder().abortOn(IOException.class, null))
        .hasMessage("abortOn[1]");
  }

  @Test
  void aWholeConditionCannotBeMixedWithPartialOnes() {
    assertThatThrownBy(
            () ->
                RetryPolicy.builder()
                    .retryIf(RetryCondition.always())
                    .retryOn(IOException.class)
                    .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("retryIf(condition) replaces retryOn");
  }

  @Test
  void retryOnAndRetryIfExceptionCombineWithOr() {
    RetryPolicy policy =
        RetryPolicy.builder()
            .retryOn(IOException.class)
            .retryIfException(e -> "transient".equals(e.getMessage()))
            .build();

    assertThat(policy.retryCondition().shouldRetry(null, new IOException())).isTrue();
    assertThat(policy.retryCondition().shouldRetry(null, new IllegalStateException("transient")))
        .isTrue();
    assertThat(policy.retryCondition().shouldRetry(null, new IllegalStateException("bug")))
        .isFalse();
  }

  @Test
  void toBuilderDerivesWithoutChangingTheOriginal() {
    RetryPolicy original = RetryPolicy.builder().name("a").maxTries(2).onSuccess(e -> {}).build();
    RetryPolicy derived = original.toBuilder().name("b").onSuccess(e -> {}).build();

    assertThat(original.name()).isEqualTo("a");
    assertThat(original.listeners(EventType.SUCCESS)).hasSize(1);
    assertThat(derived.name()).isEqualTo("b");
    assertThat(derived.maxTries()).isEqualTo(2);
    assertThat(derived.listeners(EventType.SUCCESS)).hasSize(2);
  }

  @Test
  void anInstrumentationIsKeptByToBuilderAndMakesThePolicyTimed() {
    RetryInstrumentation instrumentation =
        (policy, target) -> {
          throw new UnsupportedOperationException("not called here");
        };
    RetryPolicy instrumented = RetryPolicy.builder().instrumentation(instrumentation).build();

    assertThat(RetryPolicy.defaults().instrumentation()).isSameAs(RetryInstrumentation.NONE);
    assertThat(Pipeline.of(RetryPolicy.defaults()).instrumented()).isFalse();
    assertThat(Pipeline.of(instrumented).instrumented()).isTrue();
    assertThat(Pipeline.of(instrumented).timed()).isTrue();
    assertThat(instrumented.toBuilder().build().instrumentation()).isSameAs(instrumentation);
    assertThatThrownBy(() -> RetryPolicy.builder().instrumentation(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("instrumentation");
  }

  @Test
  void listenerListsAreUnmodifiable() {
    RetryPolicy policy = RetryPolicy.builder().onSuccess(e -> {}).build();

    assertThatThrownBy(() -> policy.listeners(EventType.SUCCESS).clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void toStringShowsTheSettings() {
    RetryPolicy policy =
        RetryPolicy.builder()
            .name("orders")
            .maxTries(4)
            .abortOn(IllegalArgumentException.class)
            .build();

    assertThat(policy.toString())
        .contains("name=orders", "maxTries=4", "abortOn=[IllegalArgumentException]", "wait=expo");
  }
}
