package io.backon.jcstress;

import io.backon.breaker.CircuitBreaker;
import io.backon.breaker.CircuitBreakerSnapshot;
import org.openjdk.jcstress.infra.results.LLL_Result;

/**
 * The breaker of the failure-rate tests, judged only by its failure rate: {@code
 * countBasedWindow(4)}, {@code minimumCalls(4)}, {@code failureRateThreshold(50)}, no
 * consecutive-failure rule, its transitions recorded. Each call lasts 0 ns. One per jcstress state;
 * thread-safe.
 */
final class RateOnlyBreaker {

  private static final IllegalStateException FAILURE =
      new IllegalStateException("downstream failed");

  private final Transitions transitions = new Transitions();
  private final CircuitBreaker breaker =
      CircuitBreaker.builder("jcstress")
          .countBasedWindow(4)
          .minimumCalls(4)
          .failureRateThreshold(50)
          .onStateChange(transitions)
          .build();

  private volatile boolean rejected;

  /** A call that asks for permission, then fails or succeeds; a refused call is remembered. */
  void call(boolean fails) {
    if (!breaker.tryAcquirePermission()) {
      rejected = true;
    } else if (fails) {
      breaker.onError(0L, FAILURE);
    } else {
      breaker.onSuccess(0L);
    }
  }

  /**
   * Reports {@code r1} the final state, {@code r2} the transitions announced ({@link Transitions}),
   * {@code r3} the window as {@code calls/failed}, then {@code " rejected"} if a call was refused,
   * or else (with {@code withRate}) {@code " "} and the failure rate.
   */
  void report(LLL_Result r, boolean withRate) {
    CircuitBreakerSnapshot snapshot = breaker.snapshot();
    r.r1 = snapshot.state();
    r.r2 = transitions.toString();
    String window = snapshot.bufferedCalls() + "/" + snapshot.failedCalls();
    r.r3 =
        rejected ? window + " rejected" : withRate ? window + " " + snapshot.failureRate() : window;
  }
}
