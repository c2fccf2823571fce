package io.backon.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backon.Backon;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * A {@code @Backon} method returning {@code Mono} or {@code Flux} is invoked once; each attempt
 * re-subscribes the publisher it returned, so work done before the publisher is built (the method
 * body) happens once per call, not once per attempt.
 */
class ReactiveMethodsTest {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(BackonAutoConfiguration.class))
          .withPropertyValues(
              "backon.policies.thrice.max-tries=3", "backon.policies.thrice.wait=none")
          .withBean(QuoteClient.class);

  @Test
  void aMonoMethodRunsItsBodyOnceWhileEachAttemptResubscribesItsMono() {
    runner.run(
        context -> {
          QuoteClient client = context.getBean(QuoteClient.class);
          client.failFirst(2);

          StepVerifier.create(client.quote("ACME"))
              .expectNext("ACME on subscription 3")
              .expectComplete()
              .verify(Duration.ofSeconds(10));

          assertThat(client.invocations()).as("method bodies run").hasValue(1);
          assertThat(client.subscriptions()).as("attempts, each a subscription").hasValue(3);
        });
  }

  @Test
  void aFluxMethodRunsItsBodyOnceWhileEachAttemptResubscribesItsFlux() {
    runner.run(
        context -> {
          QuoteClient client = context.getBean(QuoteClient.class);
          client.failFirst(1);

          StepVerifier.create(client.ticks("ACME"))
              .expectNext("ACME tick 2", "ACME tick 2 again")
              .expectComplete()
              .verify(Duration.ofSeconds(10));

          assertThat(client.invocations()).hasValue(1);
          assertThat(client.subscriptions()).hasValue(2);
        });
  }

  @Test
  void aMonoThatKeepsFailingEndsWithTheLastFailureAfterOneInvocation() {
    runner.run(
        context -> {
          QuoteClient client = context.getBean(QuoteClient.class);
          client.failFirst(10);

          StepVerifier.create(client.quote("ACME"))
              .expectErrorSatisfies(
                  failure ->
                      assertThat(failure)
                          .isInstanceOf(IOException.class)
                          .hasMessage("down on subscription 3"))
              .verify(Duration.ofSeconds(10));

          assertThat(client.invocations()).hasValue(1);
          assertThat(client.subscriptions()).hasValue(3);
        });
  }

  @Test
  void eachSubscriptionOfTheReturnedMonoIsOneRetriedCall() {
    runner.run(
        context -> {
          QuoteClient client = context.getBean(QuoteClient.class);
          client.failFirst(1);
          Mono<String> quote = client.quote("ACME");

          assertThat(quote.block(Duration.ofSeconds(10))).isEqualTo("ACME on subscription 2");
          assertThat(quote.block(Duration.ofSeconds(10))).isEqualTo("ACME on subscription 3");
          assertThat(client.invocations()).hasValue(1);
        });
  }

  @Test
  void aMethodThatThrowsInsteadOfReturningAPublisherThrowsToTheCallerWithoutASecondInvocation() {
    runner.run(
        context -> {
          QuoteClient client = context.getBean(QuoteClient.class);

          assertThatThrownBy(() -> client.quote(""))
              .isInstanceOf(IllegalArgumentException.class)
              .hasMessage("no symbol");
          assertThat(client.invocations()).hasValue(1);
          assertThat(client.subscriptions()).hasValue(0);
        });
  }

  @Test
  void theFallbackAnswersAMethodThatThrowsInsteadOfReturningAPublisher() {
    runner.run(
        context -> {
          QuoteClient client = context.getBean(QuoteClient.class);

          StepVerifier.create(client.quoteOrCached(""))
              .expectNext("cached: no symbol")
              .expectComplete()
              .verify(Duration.ofSeconds(10));
          assertThat(client.invocations()).hasValue(1);
        });
  }

  @Test
  void theFallbackAnswersAMonoThatKeepsFailingAfterOneInvocation() {
    runner.run(
        context -> {
          QuoteClient client = context.getBean(QuoteClient.class);
          client.failFirst(10);

          StepVerifier.create(client.quoteOrCached("ACME"))
              .expectNext("cached: down on subscription 3")
              .expectComplete()
              .verify(Duration.ofSeconds(10));
          assertThat(client.invocations()).hasValue(1);
        });
  }

  /** Counts method bodies run and subscriptions made; the first {@code n} subscriptions fail. */
  static class QuoteClient {
    private final AtomicInteger invocations = new AtomicInteger();
    private final AtomicInteger subscriptions = new AtomicInteger();
    private volatile int failures;

    void failFirst(int n) {
      failures = n;
    }

    AtomicInteger invocations() {
      return invocations;
    }

    AtomicInteger subscriptions() {
      return subscriptions;
    }

    @Backon("thrice")
    public Mono<String> quote(String symbol) {
      invocations.incrementAndGet();
      if (symbol.isEmpty()) {
        throw new IllegalArgumentException("no symbol");
      }
      return Mono.defer(
          () -> {
            int n = subscriptions.incrementAndGet();
            return n <= failures
                ? Mono.error(new IOException("down on subscription " + n))
                : Mono.just(symbol + " on subscription " + n);
          });
    }

    @Backon("thrice")
    public Flux<String> ticks(String symbol) {
      invocations.incrementAndGet();
      return Flux.defer(
          () -> {
            int n = subscriptions.incrementAndGet();
            return n <= failures
                ? Flux.error(new IOException("down on subscription " + n))
                : Flux.just(symbol + " tick " + n, symbol + " tick " + n + " again");
          });
    }

    @Backon(value = "thrice", fallback = "cached")
    public Mono<String> quoteOrCached(String symbol) {
      return quote(symbol);
    }

    Mono<String> cached(String symbol, Throwable failure) {
      return Mono.just("cached: " + failure.getMessage());
    }
  }
}
