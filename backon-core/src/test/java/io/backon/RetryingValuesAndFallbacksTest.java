package io.backon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backon.wait.Wait;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** {@link Retrying} with rejected values, giving up without raising, and fallbacks. */
class RetryingValuesAndFallbacksTest extends FakeTimeFixture {

  @Test
  void retriesRejectedValuesAndReturnsTheAcceptedOne() throws Exception {
    FlakyTarget<Object> target = FlakyTarget.returning(null, null, "ready");

    Object value =
        Retrying.of(policy().wait(Wait.none()).maxTries(5).retryIfResult(v -> v == null).build())
            .call(target);

    assertThat(value).isEqualTo("ready");
    assertThat(target.calls()).isEqualTo(3);
  }

  @Test
  void givingUpOnARejectedValueThrowsRetriesExhausted() {
    FlakyTarget<Object> target = FlakyTarget.returning("pending");

    assertThatThrownBy(
            () ->
                Retrying.of(policy().wait(Wait.none()).retryIfResult("pending"::equals).build())
                    .call(target))
        .isInstanceOfSatisfying(
            RetriesExhaustedException.class,
            e -> {
              assertThat(e.lastValue()).isEqualTo("pending");
              assertThat(e.attempts()).isEqualTo(3);
              assertThat(e.reason()).isEqualTo(GiveUpReason.MAX_TRIES);
              assertThat(e).hasMessageContaining("after 3 attempts (max tries reached)");
            });
  }

  @Test
  void withoutRaisingGivingUpReturnsTheLastValue() throws Exception {
    Object value =
        Retrying.of(
                policy()
                    .wait(Wait.none())
                    .raiseOnGiveUp(false)
                    .retryIfResult("pending"::equals)
                    .build())
            .call(FlakyTarget.returning("pending"));

    assertThat(value).isEqualTo("pending");
  }

  @Test
  void withoutRaisingGivingUpAfterAFailureReturnsNull() throws Exception {
    Object value =
        Retrying.of(policy().wait(Wait.none()).raiseOnGiveUp(false).build())
            .call(FlakyTarget.alwaysFailing(new IOException()));

    assertThat(value).isNull();
  }

  @Test
  void aFallbackSuppliesTheValueOnGivingUp() throws Exception {
    IOException last = new IOException("down");
    RetryPolicy policy =
        policy()
            .wait(Wait.none())
            .fallback(
                giveUp ->
                    "cached after " + giveUp.attemptNumber() + ": " + giveUp.failure().getMessage())
            .build();

    assertThat(Retrying.of(policy).<String>call(FlakyTarget.alwaysFailing(last)))
        .isEqualTo("cached after 3: down");
  }

  @Test
  void aThrowingFallbackKeepsTheLastFailureAsSuppressed() {
    IOException last = new IOException("down");
    IllegalStateException noCache = new IllegalStateException("no cache");
    RetryPolicy policy =
        policy()
            .wait(Wait.none())
            .fallback(
                giveUp -> {
                  throw noCache;
                })
            .build();

    assertThatThrownBy(() -> Retrying.of(policy).call(FlakyTarget.alwaysFailing(last)))
        .isSameAs(noCache);
    assertThat(noCache.getSuppressed()).containsExactly(last);
  }
}
