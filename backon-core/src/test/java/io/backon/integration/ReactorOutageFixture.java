package io.backon.integration;

import io.backon.reactor.BackonReactor;
import io.backon.reactor.RetryOperator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.Disposable;

/**
 * {@link AsyncOutageFixture} for the Reactor faces: the policy's operator waits on a Reactor
 * scheduler whose timers the test fires, and a call's future cancels its subscription.
 */
abstract class ReactorOutageFixture extends AsyncOutageFixture {

  final PendingReactorTimers reactorTimers = new PendingReactorTimers();

  /** The policy's Reactor operator, on the test's timers. */
  RetryOperator<String> operator() {
    return BackonReactor.retry(policy().build(), reactorTimers);
  }

  /** A call whose {@code outcome} cancelling disposes {@code subscription}. */
  static Call cancellable(
      CompletableFuture<String> outcome, Disposable subscription, AtomicInteger reached) {
    outcome.whenComplete(
        (value, failure) -> {
          if (outcome.isCancelled()) {
            subscription.dispose();
          }
        });
    return new Call(outcome, reached);
  }

  @Override
  void fireTimers() {
    reactorTimers.fireAll();
  }

  @Override
  long pendingTimers() {
    return reactorTimers.pending();
  }

  @Override
  List<Long> timerDelays() {
    return reactorTimers.delays;
  }
}
