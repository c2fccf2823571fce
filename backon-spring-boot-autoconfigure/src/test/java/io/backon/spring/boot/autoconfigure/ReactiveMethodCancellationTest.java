package io.backon.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.backon.AttemptTimeoutException;
import io.backon.Backon;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * What a {@code @Backon} method returning {@code Mono} does with the subscriptions it makes: an
 * attempt running past its timeout is cancelled (the source sees the cancellation) before the next
 * one, and a caller that leaves during a back-off wait (a {@code timeout()} of its own, a client
 * disconnecting) leaves nothing behind: no further attempt is subscribed. Virtual time throughout.
 */
class ReactiveMethodCancellationTest {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(BackonAutoConfiguration.class))
          .withPropertyValues(
              "backon.policies.slow.max-tries=3",
              "backon.policies.slow.wait=constant",
              "backon.policies.slow.delay=1s",
              "backon.policies.slow.jitter=none")
          .withBean(Stock.class);

  @Test
  void anAttemptPastItsTimeoutIsCancelledBeforeTheNextOne() {
    runner.run(
        context -> {
          Stock stock = context.getBean(Stock.class);

          StepVerifier.withVirtualTime(() -> stock.hangingFirst(1))
              .thenAwait(Duration.ofMillis(100))
              .then(() -> assertThat(stock.cancelled()).as("cancelled at the timeout").hasValue(1))
              .thenAwait(Duration.ofSeconds(1))
              .expectNext("level 2")
              .expectComplete()
              .verify(Duration.ofSeconds(10));
          assertThat(stock.subscriptions()).hasValue(2);
        });
  }

  @Test
  void attemptsThatAllHangEndWithTheAttemptTimeoutEachCancelled() {
    runner.run(
        context -> {
          Stock stock = context.getBean(Stock.class);

          StepVerifier.withVirtualTime(() -> stock.hangingFirst(3))
              .thenAwait(Duration.ofSeconds(10))
              .expectError(AttemptTimeoutException.class)
              .verify(Duration.ofSeconds(10));
          assertThat(stock.subscriptions()).hasValue(3);
          assertThat(stock.cancelled()).hasValue(3);
        });
  }

  @Test
  void aCallerThatLeavesDuringTheBackOffStopsTheRetries() {
    runner.run(
        context -> {
          Stock stock = context.getBean(Stock.class);

          StepVerifier.withVirtualTime(
                  () ->
                      stock
                          .down()
                          .timeout(Duration.ofMillis(500))
                          .onErrorResume(
                              TimeoutException.class,
                              left ->
                                  Mono.delay(Duration.ofMinutes(1)).thenReturn("a minute later")))
              .thenAwait(Duration.ofMinutes(2))
              .expectNext("a minute later")
              .verifyComplete();
          assertThat(stock.subscriptions()).as("attempts subscribed").hasValue(1);
        });
  }

  /**
   * A downstream whose subscriptions and cancellations are counted (read through methods: the bean
   * is a proxy).
   */
  static class Stock {
    private final AtomicInteger subscriptions = new AtomicInteger();
    private final AtomicInteger cancelled = new AtomicInteger();

    public AtomicInteger subscriptions() {
      return subscriptions;
    }

    public AtomicInteger cancelled() {
      return cancelled;
    }

    @Backon(value = "slow", attemptTimeout = "100ms", delay = "1s")
    public Mono<String> hangingFirst(int hanging) {
      return Mono.defer(
          () -> {
            int n = subscriptions.incrementAndGet();
            Mono<String> level = n <= hanging ? Mono.never() : Mono.just("level " + n);
            return level.doOnCancel(cancelled::incrementAndGet);
          });
    }

    @Backon("slow")
    public Mono<String> down() {
      return Mono.defer(
          () -> {
            subscriptions.incrementAndGet();
            return Mono.error(new IOException("down"));
          });
    }
  }
}
