package io.backon.integration;

import io.backon.reactor.RetryOperator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * Sixteen subscribers of one policy's Reactor {@code Mono} operator live an outage together, some
 * cancelling their subscriptions on the way, as {@link AsyncOutageSoakTest} does for futures: each
 * attempt is a subscription to a downstream answering on threads of its own, waits run on a Reactor
 * scheduler whose timers the test fires.
 */
class MonoOutageSoakTest extends ReactorOutageFixture {

  @Test
  void monoSubscribersLeaveTheBreakerBudgetAndMetersConsistent() throws Exception {
    RetryOperator<String> retry = operator();
    liveAnOutage(() -> subscribe(retry));
  }

  @Test
  void cancelledSubscriptionsKeepNeitherATrialPermissionNorATimer() throws Exception {
    RetryOperator<String> retry = operator();
    cancelSomeCallsMidCall(() -> subscribe(retry));
  }

  @Test
  void subscriptionsCancelledMidBackoffOrMidAttemptLeakNothing() throws Exception {
    RetryOperator<String> retry = operator();
    cancelCallsDuringABackoffAndDuringAnAttempt(() -> subscribe(retry));
  }

  /** One subscription; cancelling its future cancels the subscription. */
  private Call subscribe(RetryOperator<String> retry) {
    AtomicInteger reached = new AtomicInteger();
    callsMade.incrementAndGet();
    CompletableFuture<String> outcome = new CompletableFuture<>();
    Disposable subscription =
        Mono.defer(
                () -> {
                  reached.incrementAndGet();
                  return Mono.fromFuture(requestAsync());
                })
            .transform(retry)
            .subscribe(outcome::complete, outcome::completeExceptionally);
    return cancellable(outcome, subscription, reached);
  }
}
