package io.backon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Attempts} with retries disabled makes one attempt and fires the events {@code call()}
 * does.
 */
class AttemptsWhenRetriesDisabledTest extends FakeTimeFixture {

  // ------------------------------------------------------------------------- disabled

  @Test
  void withRetriesDisabledOnlyOneAttemptIsMade() {
    IOException failure = new IOException("down");
    Retries.disable();
    Attempts<String> attempts = Retrying.of(policy(5)).attempts();
    int made = 0;

    for (Attempt<String> attempt : attempts) {
      made++;
      attempt.fail(failure);
    }

    assertThat(made).isEqualTo(1);
    assertThatThrownBy(attempts::result).isSameAs(failure);
  }

  @Test
  void withRetriesDisabledTheSingleAttemptsValueIsTheResult() throws Exception {
    Retries.disable();
    Attempts<String> attempts = Retrying.of(policy(5)).attempts();

    for (Attempt<String> attempt : attempts) {
      attempt.succeed("direct");
    }

    assertThat(attempts.result()).isEqualTo("direct");
  }

  @Test
  void aDisabledPolicyMakesOnlyOneAttempt() {
    Attempts<String> attempts = Retrying.of(policyBuilder(5).enabled(false).build()).attempts();
    int made = 0;

    for (Attempt<String> attempt : attempts) {
      made++;
      attempt.fail(new IOException("down"));
    }

    assertThat(made).isEqualTo(1);
  }

  /**
   * "Retries.disable() makes every face call the target exactly once, directly" and the iterator
   * "follows the policy exactly like Retrying#call": both faces must tell the listeners the same.
   */
  @Test
  void withRetriesDisabledBothFacesFireTheSameEvents() throws Exception {
    Retries.disable();
    List<String> viaCall = new ArrayList<>();
    Retrying.of(labelled(policyBuilder(5), viaCall)).call(() -> "direct");

    List<String> viaAttempts = new ArrayList<>();
    Attempts<String> attempts = Retrying.of(labelled(policyBuilder(5), viaAttempts)).attempts();
    for (Attempt<String> attempt : attempts) {
      attempt.succeed("direct");
    }
    attempts.result();

    assertThat(viaAttempts).isEqualTo(viaCall);
  }
}
