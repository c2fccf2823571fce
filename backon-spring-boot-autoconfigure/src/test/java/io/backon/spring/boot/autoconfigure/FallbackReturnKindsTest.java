package io.backon.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backon.Backon;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What each return type's fallback receives and returns: {@code Optional}, {@code void}, futures,
 * {@code Mono} and {@code Flux} (README, "Fallback"). Where fallbacks live and which signatures
 * fit: {@link FallbackMethodsTest}.
 */
class FallbackReturnKindsTest {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  PropertyPlaceholderAutoConfiguration.class, BackonAutoConfiguration.class))
          .withPropertyValues("backon.defaults.wait=none");

  static class EveryReturnKind {
    private final AtomicInteger voidFallbacks = new AtomicInteger();
    private final AtomicInteger monoSubscriptions = new AtomicInteger();

    @Backon(fallback = "noAddress")
    public Optional<String> address(String id) throws IOException {
      throw new IOException("down");
    }

    Optional<String> noAddress(String id) {
      return Optional.empty();
    }

    @Backon(fallback = "notifyLater")
    public void notify(String id) throws IOException {
      throw new IOException("down");
    }

    void notifyLater(String id, IOException failure) {
      voidFallbacks.incrementAndGet();
    }

    @Backon(fallback = "futureFallback")
    public CompletableFuture<String> future(String id) {
      return CompletableFuture.failedFuture(new IOException("future down"));
    }

    CompletableFuture<String> futureFallback(String id, Throwable failure) {
      return CompletableFuture.completedFuture(
          "future fallback " + id + ": " + failure.getMessage());
    }

    @Backon(fallback = "monoFallback")
    public Mono<String> mono(String id) {
      return Mono.defer(
          () -> {
            monoSubscriptions.incrementAndGet();
            return Mono.error(new IOException("mono down"));
          });
    }

    Mono<String> monoFallback(String id, Throwable failure) {
      return Mono.just("mono fallback " + id + ": " + failure.getMessage());
    }

    @Backon(fallback = "fluxFallback")
    public Flux<String> flux(String id) {
      return Flux.concat(Flux.just("partial"), Flux.error(new IOException("flux down")));
    }

    Flux<String> fluxFallback(String id, Throwable failure) {
      return Flux.just("flux", "fallback");
    }

    @Backon(fallback = "futureFallbackFailing")
    public CompletableFuture<String> futureWhoseFallbackFails() {
      return CompletableFuture.failedFuture(new IOException("future down"));
    }

    CompletableFuture<String> futureFallbackFailing(Throwable failure) {
      throw new IllegalStateException("no spare either");
    }

    public int voidFallbacks() {
      return voidFallbacks.get();
    }

    public int monoSubscriptions() {
      return monoSubscriptions.get();
    }
  }

  @Test
  void optionalAndVoidMethodsHaveFallbacksOfTheirOwnType() {
    runner
        .withBean(EveryReturnKind.class)
        .run(
            context -> {
              EveryReturnKind bean = context.getBean(EveryReturnKind.class);

              assertThat(bean.address("1")).isEmpty();
              bean.notify("1");
              assertThat(bean.voidFallbacks()).isEqualTo(1);
            });
  }

  @Test
  void aFuturesFallbackCompletesTheFutureTheCallerHolds() {
    runner
        .withBean(EveryReturnKind.class)
        .run(
            context ->
                assertThat(context.getBean(EveryReturnKind.class).future("1").join())
                    .isEqualTo("future fallback 1: future down"));
  }

  @Test
  void aFuturesFallbackThatThrowsFailsTheFutureWithTheLastFailureSuppressed() {
    runner
        .withBean(EveryReturnKind.class)
        .run(
            context ->
                assertThatThrownBy(
                        () ->
                            context
                                .getBean(EveryReturnKind.class)
                                .futureWhoseFallbackFails()
                                .join())
                    .isInstanceOf(CompletionException.class)
                    .cause()
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("no spare either")
                    .satisfies(
                        cause ->
                            assertThat(cause.getSuppressed())
                                .singleElement()
                                .satisfies(s -> assertThat(s).hasMessage("future down"))));
  }

  @Test
  void aMonosFallbackAnswersAfterEveryResubscriptionFailed() {
    runner
        .withBean(EveryReturnKind.class)
        .run(
            context -> {
              EveryReturnKind bean = context.getBean(EveryReturnKind.class);

              assertThat(bean.mono("1").block(Duration.ofSeconds(10)))
                  .isEqualTo("mono fallback 1: mono down");
              assertThat(bean.monoSubscriptions()).isEqualTo(3);
            });
  }

  @Test
  void aFluxsFallbackContinuesAfterTheElementsOfTheLastAttempt() {
    runner
        .withBean(EveryReturnKind.class)
        .run(
            context ->
                assertThat(
                        context
                            .getBean(EveryReturnKind.class)
                            .flux("1")
                            .collectList()
                            .block(Duration.ofSeconds(10)))
                    .endsWith("flux", "fallback"));
  }
}
