package io.backon.integration;

import io.backon.reactor.RetryOperator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Sixteen subscribers of one policy's Reactor {@code Flux} operator live an outage together, some
 * cancelling their subscriptions mid-attempt or mid-back-off, as {@link MonoOutageSoakTest} does
 * for {@code Mono}: a Flux attempt asks the breaker for admission and reports to it itself, so this
 * is the path where a cancelled stream must give its permission back. Each attempt is a stream of
 * one answer from a downstream answering on threads of its own; waits run on a Reactor scheduler
 * whose timers the test fires.
 */
class FluxOutageSoakTest extends ReactorOutageFixture {

  private final RetryOperator<String> retry = operator();

  @Test
  void fluxSubscribersLeaveTheBreakerBudgetAndMetersConsistent() throws Exception {
    liveAnOutage(this::subscribe);
  }

  @Test
  void cancelledFluxSubscriptionsKeepNeitherATrialPermissionNorATimer() throws Exception {
    cancelSomeCallsMidCall(this::subscribe);
  }

  @Test
  void fluxSubscriptionsCancelledMidBackoffOrMidAttemptLeakNothing() throws Exception {
    cancelCallsDuringABackoffAndDuringAnAttempt(this::subscribe);
  }

  /**
   * One subscription to the retried stream; its future completes with the last element once the
   * stream completes, and cancelling the future cancels the subscription.
   */
  private Call subscribe() {
    AtomicInteger reached = new AtomicInteger();
    callsMade.incrementAndGet();
    CompletableFuture<String> outcome = new CompletableFuture<>();
    AtomicReference<String> last = new AtomicReference<>();
    Flux<String> stream =
        Flux.defer(
            () -> {
              reached.incrementAndGet();
              return Mono.fromFuture(requestAsync()).flux();
            });
    Disposable subscription =
        retry
            .flux(stream)
            .subscribe(
                last::set, outcome::completeExceptionally, () -> outcome.complete(last.get()));
    return cancellable(outcome, subscription, reached);
  }
}
