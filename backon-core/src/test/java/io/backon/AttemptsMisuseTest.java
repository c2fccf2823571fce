package io.backon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Iterator;
import org.junit.jupiter.api.Test;

/**
 * {@link Attempts} used the wrong way: unreported or twice-reported attempts, a second iterator, an
 * early result.
 */
class AttemptsMisuseTest extends FakeTimeFixture {

  // ------------------------------------------------------------------------------ misuse

  @Test
  void notReportingAnAttemptFailsTheNextIteration() {
    Attempts<String> attempts = Retrying.of(policy(3)).attempts();
    Iterator<Attempt<String>> iterator = attempts.iterator();
    Attempt<String> first = iterator.next();

    try {
      assertThatThrownBy(iterator::hasNext)
          .isInstanceOf(IllegalStateException.class)
          .hasMessage(
              "attempt 1 was neither succeeded nor failed; call attempt.succeed(value) or "
                  + "attempt.fail(exception) before the next iteration");
      assertThatThrownBy(iterator::next)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("attempt 1 was neither succeeded nor failed");
    } finally {
      first.fail(new IOException("reported late"));
    }
  }

  @Test
  void anAttemptReportedLateStillCountsAndTheLoopGoesOn() throws Exception {
    Attempts<String> attempts = Retrying.of(policy(3)).attempts();
    Iterator<Attempt<String>> iterator = attempts.iterator();
    Attempt<String> first = iterator.next();
    assertThatThrownBy(iterator::hasNext).isInstanceOf(IllegalStateException.class);

    first.fail(new IOException("reported late"));

    assertThat(iterator.hasNext()).isTrue();
    Attempt<String> second = iterator.next();
    assertThat(second.number()).isEqualTo(2);
    second.succeed("ok");
    assertThat(iterator.hasNext()).isFalse();
    assertThat(attempts.result()).isEqualTo("ok");
  }

  @Test
  void reportingAnAttemptTwiceIsRejected() {
    Attempts<String> attempts = Retrying.of(policy(3)).attempts();
    Attempt<String> first = attempts.iterator().next();
    first.fail(new IOException("down"));

    assertThatThrownBy(() -> first.succeed("late"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Attempt{1} was already reported or is not the current one");
  }

  @Test
  void reportingAnEarlierAttemptAfterTheNextStartedIsRejected() {
    Attempts<String> attempts = Retrying.of(policy(3)).attempts();
    Iterator<Attempt<String>> iterator = attempts.iterator();
    Attempt<String> first = iterator.next();
    first.fail(new IOException("down"));
    Attempt<String> second = iterator.next();

    assertThatThrownBy(() -> first.fail(new IOException("again")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Attempt{1} was already reported or is not the current one");

    second.succeed("ok");
  }

  @Test
  void failingWithNullIsRejectedNamingTheParameter() {
    Attempt<String> first = Retrying.of(policy(3)).<String>attempts().iterator().next();

    try {
      assertThatThrownBy(() -> first.fail(null))
          .isInstanceOf(NullPointerException.class)
          .hasMessage("failure");
    } finally {
      first.succeed("ok");
    }
  }

  @Test
  void aSecondIteratorIsRejected() {
    Attempts<String> attempts = Retrying.of(policy(3)).attempts();
    attempts.iterator();

    assertThatThrownBy(attempts::iterator)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Attempts are single-use; get new ones from retrying.attempts()");
  }

  @Test
  void resultBeforeTheCallHasEndedIsRejected() {
    Attempts<String> attempts = Retrying.of(policy(3)).attempts();

    assertThatThrownBy(attempts::result)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the call has not ended; iterate until hasNext() is false");
  }

  @Test
  void resultAfterARetryWasDecidedButNotStartedIsRejected() {
    Attempts<String> attempts = Retrying.of(policy(3)).attempts();
    Iterator<Attempt<String>> iterator = attempts.iterator();
    iterator.next().fail(new IOException("down"));
    assertThat(iterator.hasNext()).isTrue();

    assertThatThrownBy(attempts::result)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the call has not ended; iterate until hasNext() is false");
  }
}
