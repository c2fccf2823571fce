package io.backon.reactor;

import static org.assertj.core.api.Assertions.assertThat;

import io.backon.RetryPolicy;
import io.backon.wait.Jitter;
import io.backon.wait.Wait;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/** The README's "Reactor" snippet, compiled as written and run in virtual time. */
class ReadmeReactorExamplesTest {

  private final QuoteClient client = new QuoteClient();
  private final RetryPolicy policy =
      RetryPolicy.builder()
          .wait(Wait.constant(Duration.ofSeconds(1)))
          .jitter(Jitter.none())
          .maxTries(3)
          .build();

  @Test
  void eachMonoAttemptResubscribesAfterAWaitInVirtualTime() {
    client.failures = 2;

    StepVerifier.withVirtualTime(
            () -> {
              Mono<Quote> quote =
                  client
                      .quote("ACME") // a cold Mono: each attempt re-subscribes
                      .transform(BackonReactor.retry(policy)); // waits on Schedulers.parallel()
              return quote;
            })
        .expectSubscription()
        .then(() -> assertThat(client.subscriptions).hasValue(1))
        .thenAwait(Duration.ofSeconds(1))
        .then(() -> assertThat(client.subscriptions).hasValue(2))
        .thenAwait(Duration.ofSeconds(1))
        .expectNext(new Quote("ACME"))
        .verifyComplete();
    assertThat(client.attemptsSeen).containsExactly(1, 2, 3);
  }

  @Test
  void aFluxIsRetriedOnItsErrorsAndKeepsWhatItAlreadyEmitted() {
    client.failures = 1;

    StepVerifier.withVirtualTime(
            () -> {
              Flux<Tick> ticks =
                  client
                      .ticks()
                      .transform(BackonReactor.retry(policy, Schedulers.boundedElastic()));
              return ticks;
            })
        .expectNext(new Tick(1))
        .thenAwait(Duration.ofSeconds(1))
        .expectNext(new Tick(1), new Tick(2))
        .verifyComplete();
    assertThat(client.subscriptions).hasValue(2);
  }

  @Test
  void aMonoRetriesRejectedValuesAndEmitsTheFallbackValue() {
    RetryPolicy rejecting =
        policy.toBuilder()
            .retryIfResult(quote -> true)
            .fallback(giveUp -> new Quote("fallback"))
            .giveUpLogLevel(System.Logger.Level.OFF)
            .build();

    StepVerifier.withVirtualTime(
            () -> client.quote("ACME").transform(BackonReactor.retry(rejecting)))
        .thenAwait(Duration.ofSeconds(2))
        .expectNext(new Quote("fallback"))
        .verifyComplete();
    assertThat(client.subscriptions).hasValue(3);
  }

  @Test
  void theAttemptContextKeyIsBackonAttempt() {
    assertThat(BackonReactor.ATTEMPT_CONTEXT_KEY).isEqualTo("backon.attempt");
  }

  /** A quote of a symbol. */
  record Quote(String symbol) {}

  /** One tick of a stream. */
  record Tick(int number) {}

  /** A reactive quote service whose first {@code failures} subscriptions fail. */
  static final class QuoteClient {
    final AtomicInteger subscriptions = new AtomicInteger();
    final List<Integer> attemptsSeen = new ArrayList<>();
    int failures;

    Mono<Quote> quote(String symbol) {
      return Mono.deferContextual(
          context -> {
            attemptsSeen.add(context.get(BackonReactor.ATTEMPT_CONTEXT_KEY));
            return subscriptions.incrementAndGet() <= failures
                ? Mono.error(new IOException("503"))
                : Mono.just(new Quote(symbol));
          });
    }

    /** Tick 1, then an error while failures remain, else tick 2 and completion. */
    Flux<Tick> ticks() {
      return Flux.defer(
          () ->
              subscriptions.incrementAndGet() <= failures
                  ? Flux.concat(Flux.just(new Tick(1)), Flux.error(new IOException("reset")))
                  : Flux.just(new Tick(1), new Tick(2)));
    }
  }
}
