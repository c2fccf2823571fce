package io.backon.internal;

import io.backon.breaker.CircuitBreaker;
import io.backon.budget.RetryBudget;
import io.backon.hedge.HedgingPolicy;

/**
 * Loads the types of a policy's optional layers before the engines run. The engines' fast paths
 * call {@code RetryPolicy} accessors that return them, and HotSpot's JIT does not inline a call
 * whose signature names a class that is not loaded yet: the case in an application that never
 * builds a breaker, hedging or a budget, where each such call costs about a nanosecond. Loading
 * does not initialize the classes. Not API.
 */
final class LayerTypes {

  @SuppressWarnings("unused") // resolving the class literals is what loads the classes
  private static final Class<?>[] TYPES = {
    CircuitBreaker.class, HedgingPolicy.class, RetryBudget.class
  };

  private LayerTypes() {}

  /** Makes sure the layer types are loaded (by initializing this class, once). */
  static void load() {
    // Nothing else: the static initializer did the work.
  }
}
