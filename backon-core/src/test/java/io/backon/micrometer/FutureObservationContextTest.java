package io.backon.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backon.Fallback;
import io.backon.RetryPolicy;
import io.backon.Retrying;
import io.backon.wait.Wait;
import io.micrometer.observation.Observation;
import io.micrometer.observation.tck.TestObservationRegistry;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An async call's attempts often end on a thread of their own library (an HTTP client's), where the
 * caller's observation is not current. The engine settles each attempt there with the observation
 * current when the call started made current again, so its listeners and its back-off and give-up
 * log lines run in the caller's trace, as a blocking call's do. A call that started without one
 * gives up in its own observation, so that its give-up line names the trace it roots.
 */
class FutureObservationContextTest extends MetricsFixture {

  private final TestObservationRegistry observations = TestObservationRegistry.create();
  private final ExecutorService downstream = Executors.newSingleThreadExecutor();
  private final List<Object> foundCurrent = new CopyOnWriteArrayList<>();

  @AfterEach
  void stopTheDownstream() {
    downstream.shutdownNow();
  }

  @Test
  void listenersOfAnAttemptEndingOnAnotherThreadRunInTheCallersObservation() {
    RetryPolicy policy =
        policy()
            .wait(Wait.none())
            .maxTries(2)
            .instrumentation(BackonMicrometer.of(observations))
            .onBackoff(event -> foundCurrent.add(currentOrNone()))
            .onGiveUp(event -> foundCurrent.add(currentOrNone()))
            .build();
    Observation checkout = Observation.start("checkout", observations);

    CompletableFuture<String> call;
    try (Observation.Scope scope = checkout.openScope()) {
      call = Retrying.of(policy).callAsync(this::failingOnTheDownstreamsThread);
    }

    assertThatThrownBy(() -> call.get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(IOException.class);
    checkout.stop();
    assertThat(foundCurrent).containsExactly(checkout, checkout);
  }

  @Test
  void aCallWithoutACallerGivesUpInItsOwnObservationAndLeavesNoneCurrentBehind() throws Exception {
    RetryPolicy policy = recordingWhatIsCurrentOnGiveUp();

    CompletableFuture<String> call =
        Retrying.of(policy).callAsync(this::failingOnTheDownstreamsThread);

    assertThatThrownBy(() -> call.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(IOException.class);
    assertTheCallsOwnObservationWasCurrentOnGiveUp();
    assertThat(downstream.submit(this::currentOrNone).get(10, TimeUnit.SECONDS)).isEqualTo("none");
  }

  @Test
  void aBlockingCallWithoutACallerGivesUpInItsOwnObservation() {
    RetryPolicy policy = recordingWhatIsCurrentOnGiveUp();

    assertThatThrownBy(
            () ->
                Retrying.of(policy)
                    .call(
                        () -> {
                          throw new IOException("down");
                        }))
        .isInstanceOf(IOException.class);

    assertTheCallsOwnObservationWasCurrentOnGiveUp();
    assertThat(observations.getCurrentObservation()).isNull();
  }

  @Test
  void whatFollowsACallWithoutACallerRunsInNoObservation() throws Exception {
    RetryPolicy policy =
        policy()
            .wait(Wait.none())
            .maxTries(2)
            .instrumentation(BackonMicrometer.of(observations))
            .build();
    CompletableFuture<String> secondAnswer = new CompletableFuture<>();
    List<CompletableFuture<String>> answers =
        new CopyOnWriteArrayList<>(List.of(failingOnTheDownstreamsThread(), secondAnswer));

    CompletableFuture<String> call = Retrying.of(policy).callAsync(() -> answers.remove(0));
    CompletableFuture<Object> followingWork = call.thenApply(quote -> currentOrNone());
    downstream.execute(() -> secondAnswer.complete("quote"));

    assertThat(followingWork.get(10, TimeUnit.SECONDS)).isEqualTo("none");
  }

  @Test
  void whatFollowsAGiveUpWithoutACallerRunsInNoObservation() throws Exception {
    RetryPolicy policy = recordingWhatIsCurrentOnGiveUp();
    CompletableFuture<String> secondAnswer = new CompletableFuture<>();
    List<CompletableFuture<String>> answers =
        new CopyOnWriteArrayList<>(List.of(failingOnTheDownstreamsThread(), secondAnswer));

    CompletableFuture<String> call = Retrying.of(policy).callAsync(() -> answers.remove(0));
    CompletableFuture<Object> followingWork = call.handle((quote, failure) -> currentOrNone());
    downstream.execute(() -> secondAnswer.completeExceptionally(new IOException("down")));

    assertThat(followingWork.get(10, TimeUnit.SECONDS)).isEqualTo("none");
    assertTheCallsOwnObservationWasCurrentOnGiveUp();
  }

  @Test
  void aCallWithoutACallerWhoseCallerAppliesTheFallbackGivesUpInItsOwnObservation() {
    RetryPolicy policy =
        recordingWhatIsCurrentOnGiveUp().toBuilder()
            .fallback(Fallback.appliedByCaller(failure -> false))
            .build();

    CompletableFuture<String> call =
        Retrying.of(policy).callAsync(this::failingOnTheDownstreamsThread);

    assertThatThrownBy(() -> call.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(IOException.class);
    assertTheCallsOwnObservationWasCurrentOnGiveUp();
  }

  /** Two tries, no wait, observed; its give-up listener records the current observation. */
  private RetryPolicy recordingWhatIsCurrentOnGiveUp() {
    return policy()
        .wait(Wait.none())
        .maxTries(2)
        .instrumentation(BackonMicrometer.of(observations))
        .onGiveUp(event -> foundCurrent.add(currentOrNone()))
        .build();
  }

  /** The observation the give-up listener found current: the call's own. */
  private void assertTheCallsOwnObservationWasCurrentOnGiveUp() {
    assertThat(foundCurrent).singleElement().isInstanceOf(Observation.class);
    assertThat(((Observation) foundCurrent.get(0)).getContext().getName()).isEqualTo("backon.call");
  }

  private CompletableFuture<String> failingOnTheDownstreamsThread() {
    return CompletableFuture.supplyAsync(
        () -> {
          throw new CompletionException(new IOException("down"));
        },
        downstream);
  }

  private Object currentOrNone() {
    Observation current = observations.getCurrentObservation();
    return current == null ? "none" : current;
  }
}
