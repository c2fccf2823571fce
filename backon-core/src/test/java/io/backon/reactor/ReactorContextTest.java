package io.backon.reactor;

import static org.assertj.core.api.Assertions.assertThat;

import io.backon.Retries;
import io.backon.RetryPolicy;
import io.backon.wait.Jitter;
import io.backon.wait.Wait;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Hooks;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

class ReactorContextTest {

  private static final RetryPolicy NO_WAIT =
      RetryPolicy.builder().maxTries(3).wait(Wait.none()).jitter(Jitter.none()).build();

  private final List<Integer> seen = new CopyOnWriteArrayList<>();
  private final Scheduler other = Schedulers.newSingle("other-thread");

  @AfterEach
  void tearDown() {
    Hooks.disableAutomaticContextPropagation();
    other.dispose();
  }

  /** Records the attempt number, fails until the third attempt, then emits it. */
  private Integer failUntilThird(int attempt) throws IOException {
    seen.add(attempt);
    if (attempt < 3) {
      throw new IOException("attempt " + attempt);
    }
    return attempt;
  }

  @Test
  void eachAttemptFindsItsNumberInTheReactorContext() {
    Mono<Integer> source =
        Mono.deferContextual(
            context ->
                Mono.fromCallable(
                    () -> failUntilThird(context.get(BackonReactor.ATTEMPT_CONTEXT_KEY))));

    StepVerifier.create(source.transform(BackonReactor.retry(NO_WAIT)))
        .expectNext(3)
        .verifyComplete();
    assertThat(seen).containsExactly(1, 2, 3);
  }

  @Test
  void fluxAttemptsFindTheirNumberInTheReactorContext() {
    Flux<Integer> source =
        Flux.deferContextual(
            context -> {
              int attempt = context.get(BackonReactor.ATTEMPT_CONTEXT_KEY);
              Flux<Integer> element = Flux.just(attempt);
              return attempt < 2
                  ? element.concatWith(Flux.error(new IOException("again")))
                  : element;
            });

    StepVerifier.create(source.transform(BackonReactor.retry(NO_WAIT)))
        .expectNext(1, 2)
        .verifyComplete();
  }

  @Test
  void attemptNumberIsSetWhileTheSourceIsSubscribedOnTheSameThread() {
    Mono<Integer> source = Mono.fromCallable(() -> failUntilThird(Retries.attemptNumber()));

    StepVerifier.create(source.transform(BackonReactor.retry(NO_WAIT)))
        .expectNext(3)
        .verifyComplete();
    assertThat(seen).containsExactly(1, 2, 3);
    assertThat(Retries.isRetrying()).isFalse();
  }

  @Test
  void attemptNumberFollowsTheSourceToAnotherThreadThroughContextPropagation() {
    Hooks.enableAutomaticContextPropagation();
    Mono<Integer> source =
        Mono.fromCallable(() -> failUntilThird(Retries.attemptNumber())).subscribeOn(other);

    StepVerifier.create(source.transform(BackonReactor.retry(NO_WAIT)))
        .expectNext(3)
        .expectComplete()
        .verify(Duration.ofSeconds(10));
    assertThat(seen).containsExactly(1, 2, 3);
  }

  @Test
  void withoutContextPropagationAnotherThreadSeesNoAttempt() {
    Mono<Integer> source =
        Mono.fromCallable(() -> failUntilThird(Retries.attemptNumber())).subscribeOn(other);

    StepVerifier.create(source.transform(BackonReactor.retry(NO_WAIT)))
        .expectError(IOException.class)
        .verify(Duration.ofSeconds(10));
    assertThat(seen).containsExactly(0, 0, 0);
  }

  @Test
  void accessorReadsSetsAndRestoresTheAttemptNumber() {
    AttemptNumberAccessor accessor = new AttemptNumberAccessor();

    assertThat(accessor.key()).isEqualTo(BackonReactor.ATTEMPT_CONTEXT_KEY);
    assertThat(accessor.getValue()).isNull();
    accessor.setValue(2);
    assertThat(Retries.attemptNumber()).isEqualTo(2);
    assertThat(accessor.getValue()).isEqualTo(2);
    accessor.setValue(5);
    accessor.restore(2);
    assertThat(Retries.attemptNumber()).isEqualTo(2);
    accessor.restore();
    assertThat(Retries.isRetrying()).isFalse();
  }

  @Test
  void accessorClearsTheAttemptNumberForAContextWithoutOne() {
    AttemptNumberAccessor accessor = new AttemptNumberAccessor();
    accessor.setValue(4);

    accessor.setValue();

    assertThat(Retries.isRetrying()).isFalse();
    assertThat(accessor.getValue()).isNull();
  }
}
