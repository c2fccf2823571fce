package io.backon.internal;

import io.backon.GiveUpReason;
import io.backon.breaker.CircuitBreaker;
import io.backon.budget.RetryBudget;
import io.backon.hedge.HedgingPolicy;
import java.util.function.IntSupplier;

/**
 * Loads the types that the engines' fast paths name in signatures before the engines run. HotSpot's
 * JIT does not inline a call whose signature names a class that is not loaded yet: the case for the
 * optional layers' types ({@code RetryPolicy} accessors return them) in an application that never
 * builds a breaker, hedging or a budget, for {@link AttemptTrace} without instrumentation, for
 * {@link IntSupplier} ({@code RetryPolicy.maxTriesSupplier()}) without a supplied limit, and for
 * {@link GiveUpReason} (a {@code RetryEvent} constructor argument) until the first call gives up.
 * Each such call costs about a nanosecond, and an event whose constructor is not inlined is
 * allocated even when its listener lets it go. Loading does not initialize the classes. Not API.
 */
final class FastPathTypes {

  @SuppressWarnings("unused") // resolving the class literals is what loads the classes
  private static final Class<?>[] TYPES = {
    CircuitBreaker.class,
    HedgingPolicy.class,
    RetryBudget.class,
    AttemptTrace.class,
    GiveUpReason.class,
    IntSupplier.class
  };

  private FastPathTypes() {}

  /** Makes sure the types are loaded (by initializing this class, once). */
  static void load() {
    // Nothing else: the static initializer did the work.
  }
}
