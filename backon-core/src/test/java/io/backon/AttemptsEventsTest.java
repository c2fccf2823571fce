package io.backon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@link Attempts} fires the same events, in the same order, as {@link Retrying#call}. */
class AttemptsEventsTest extends FakeTimeFixture {

  // ------------------------------------------------------------ same events as call()

  @Test
  void listenersFireInTheSameOrderAsWithCallWhenTheThirdAttemptSucceeds() throws Exception {
    List<String> viaCall = new ArrayList<>();
    AtomicInteger calls = new AtomicInteger();
    Retrying.of(labelled(policyBuilder(5), viaCall))
        .call(
            () -> {
              if (calls.incrementAndGet() < 3) {
                throw new IOException("down");
              }
              return "ok";
            });

    List<String> viaAttempts = new ArrayList<>();
    Attempts<String> attempts = Retrying.of(labelled(policyBuilder(5), viaAttempts)).attempts();
    for (Attempt<String> attempt : attempts) {
      if (attempt.number() < 3) {
        attempt.fail(new IOException("down"));
      } else {
        attempt.succeed("ok");
      }
    }
    attempts.result();

    assertThat(viaAttempts)
        .isEqualTo(viaCall)
        .containsExactly(
            "ATTEMPT#1",
            "BEFORE#1",
            "AFTER#1",
            "BEFORE_SLEEP#1",
            "BACKOFF#1",
            "ATTEMPT#2",
            "BEFORE#2",
            "AFTER#2",
            "BEFORE_SLEEP#2",
            "BACKOFF#2",
            "ATTEMPT#3",
            "BEFORE#3",
            "AFTER#3",
            "SUCCESS#3");
  }

  @Test
  void listenersFireInTheSameOrderAsWithCallWhenTheCallGivesUp() {
    List<String> viaCall = new ArrayList<>();
    assertThatThrownBy(
            () ->
                Retrying.of(labelled(policyBuilder(2), viaCall))
                    .call(
                        () -> {
                          throw new IOException("down");
                        }))
        .isInstanceOf(IOException.class);

    List<String> viaAttempts = new ArrayList<>();
    Attempts<String> attempts = Retrying.of(labelled(policyBuilder(2), viaAttempts)).attempts();
    for (Attempt<String> attempt : attempts) {
      attempt.fail(new IOException("down"));
    }
    assertThatThrownBy(attempts::result).isInstanceOf(IOException.class);

    assertThat(viaAttempts)
        .isEqualTo(viaCall)
        .containsExactly(
            "ATTEMPT#1",
            "BEFORE#1",
            "AFTER#1",
            "BEFORE_SLEEP#1",
            "BACKOFF#1",
            "ATTEMPT#2",
            "BEFORE#2",
            "AFTER#2",
            "GIVE_UP#2");
  }

  @Test
  void eventsOfBothFacesCarryTheSameOutcomes() throws Exception {
    IOException failure = new IOException("down");
    List<RetryEvent> viaCall = new ArrayList<>();
    AtomicInteger calls = new AtomicInteger();
    Retrying.of(policyBuilder(3).after(viaCall::add).build())
        .call(
            () -> {
              if (calls.incrementAndGet() == 1) {
                throw failure;
              }
              return "ok";
            });

    List<RetryEvent> viaAttempts = new ArrayList<>();
    Attempts<String> attempts =
        Retrying.of(policyBuilder(3).after(viaAttempts::add).build()).attempts();
    for (Attempt<String> attempt : attempts) {
      if (attempt.number() == 1) {
        attempt.fail(failure);
      } else {
        attempt.succeed("ok");
      }
    }

    assertThat(viaAttempts).hasSize(2);
    assertThat(viaAttempts)
        .extracting(RetryEvent::failure)
        .isEqualTo(viaCall.stream().map(RetryEvent::failure).toList())
        .containsExactly(failure, null);
    assertThat(viaAttempts)
        .extracting(RetryEvent::value)
        .isEqualTo(viaCall.stream().map(RetryEvent::value).toList())
        .containsExactly(null, "ok");
  }
}
