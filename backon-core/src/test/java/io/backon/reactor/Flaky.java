package io.backon.reactor;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Mono;

/** A Mono whose n-th subscription fails until {@code failures} subscriptions have failed. */
final class Flaky {

  final AtomicInteger subscriptions = new AtomicInteger();
  final AtomicInteger cancellations = new AtomicInteger();
  final List<IOException> thrown = new ArrayList<>();

  /**
   * Fails the first {@code failures} subscriptions with a new IOException each, then emits value.
   */
  Mono<String> failing(int failures, String value) {
    return Mono.defer(
        () -> {
          int n = subscriptions.incrementAndGet();
          if (n <= failures) {
            IOException failure = new IOException("down #" + n);
            synchronized (thrown) {
              thrown.add(failure);
            }
            return Mono.error(failure);
          }
          return Mono.just(value);
        });
  }

  /** Every subscription fails with a new IOException. */
  Mono<String> alwaysFailing() {
    return failing(Integer.MAX_VALUE, "never");
  }

  /** Subscription n never completes when {@code n <= hanging}; later ones emit value. */
  Mono<String> hangingThen(int hanging, String value) {
    return Mono.defer(
        () -> {
          int n = subscriptions.incrementAndGet();
          if (n <= hanging) {
            return Mono.<String>never().doOnCancel(cancellations::incrementAndGet);
          }
          return Mono.just(value);
        });
  }

  IOException last() {
    synchronized (thrown) {
      return thrown.get(thrown.size() - 1);
    }
  }
}
