package io.backon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backon.wait.Wait;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttemptContextTest {

  private final Retrying retrying =
      Retrying.of(RetryPolicy.builder().wait(Wait.none()).maxTries(3).build());

  @Test
  void outsideAnyAttemptThereIsNoContext() {
    assertThat(Retries.isRetrying()).isFalse();
    assertThat(Retries.attemptNumber()).isZero();
  }

  @Test
  void theAttemptNumberIsVisibleAnywhereInTheCallStack() {
    List<Integer> seen = new ArrayList<>();

    assertThatThrownBy(() -> retrying.call(() -> deepInTheStack(seen)))
        .isInstanceOf(IOException.class);

    assertThat(seen).containsExactly(1, 2, 3);
    assertThat(Retries.isRetrying()).isFalse();
    assertThat(Retries.attemptNumber()).isZero();
  }

  private String deepInTheStack(List<Integer> seen) throws IOException {
    assertThat(Retries.isRetrying()).isTrue();
    seen.add(Retries.attemptNumber());
    throw new IOException("down");
  }

  @Test
  void nestedCallsKeepTheirOwnNumbersAndRestoreTheOuterOne() throws Exception {
    List<String> seen = new ArrayList<>();

    retrying.call(
        () -> {
          seen.add("outer " + Retries.attemptNumber());
          retrying.call(
              () -> {
                seen.add("inner " + Retries.attemptNumber());
                if (Retries.attemptNumber() < 2) {
                  throw new IOException();
                }
                return null;
              });
          seen.add("outer again " + Retries.attemptNumber());
          if (Retries.attemptNumber() < 2) {
            throw new IOException();
          }
          return null;
        });

    assertThat(seen)
        .containsExactly(
            "outer 1",
            "inner 1",
            "inner 2",
            "outer again 1",
            "outer 2",
            "inner 1",
            "inner 2",
            "outer again 2");
  }

  @Test
  void otherThreadsDoNotSeeTheAttempt() throws Exception {
    int[] seenByOtherThread = {-1};

    retrying.call(
        () -> {
          Thread other = new Thread(() -> seenByOtherThread[0] = Retries.attemptNumber());
          other.start();
          other.join();
          return null;
        });

    assertThat(seenByOtherThread[0]).isZero();
  }
}
