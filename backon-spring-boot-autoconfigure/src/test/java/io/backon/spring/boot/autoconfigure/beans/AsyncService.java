package io.backon.spring.boot.autoconfigure.beans;

import io.backon.Backon;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * @Backon methods returning futures and publishers.
 */
public class AsyncService {

  private final Flaky flaky = new Flaky();

  @Backon("quick")
  public CompletableFuture<String> future() {
    try {
      return CompletableFuture.completedFuture(flaky.next());
    } catch (IOException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  @Backon("quick")
  public CompletionStage<String> stageThrowingSynchronously() throws IOException {
    return CompletableFuture.completedFuture(flaky.next());
  }

  @Backon(value = "quick", fallback = "futureFallback")
  public CompletableFuture<String> futureWithFallback() {
    return CompletableFuture.failedFuture(new IOException("always"));
  }

  private volatile CompletableFuture<String> pending = new CompletableFuture<>();

  /** Returns a future that never completes on its own; {@link #pending()} is the latest one. */
  @Backon(value = "quick", fallback = "futureFallback")
  public CompletableFuture<String> pendingWithFallback() {
    pending = new CompletableFuture<>();
    return pending;
  }

  public CompletableFuture<String> pending() {
    return pending;
  }

  CompletableFuture<String> futureFallback(Throwable failure) {
    return CompletableFuture.completedFuture("fallback:" + failure.getMessage());
  }

  @Backon("quick")
  public Mono<String> mono() {
    return Mono.fromCallable(flaky::next);
  }

  @Backon("quick")
  public Flux<String> flux() {
    return Flux.defer(() -> Mono.fromCallable(flaky::next).flux().concatWith(Flux.just("tail")));
  }

  @Backon(value = "quick", fallback = "monoFallback")
  public Mono<String> monoWithFallback() {
    return Mono.error(new IOException("always"));
  }

  Mono<String> monoFallback(IOException failure) {
    return Mono.just("fallback:" + failure.getMessage());
  }

  /**
   * Fails with an IOException, which its fallback (it takes only IllegalStateException) rethrows.
   */
  @Backon(value = "quick", fallback = "staleFutureFallback")
  public CompletableFuture<String> futureWithNarrowFallback() {
    return CompletableFuture.failedFuture(new IOException("always"));
  }

  CompletableFuture<String> staleFutureFallback(IllegalStateException failure) {
    return CompletableFuture.completedFuture("stale:" + failure.getMessage());
  }

  /**
   * Fails with an IOException, which its fallback (it takes only IllegalStateException) rethrows.
   */
  @Backon(value = "quick", fallback = "staleMonoFallback")
  public Mono<String> monoWithNarrowFallback() {
    return Mono.error(new IOException("always"));
  }

  Mono<String> staleMonoFallback(IllegalStateException failure) {
    return Mono.just("stale:" + failure.getMessage());
  }

  public Flaky flaky() {
    return flaky;
  }
}
