package io.backon;

import io.backon.breaker.CircuitBreaker;
import io.backon.budget.RetryBudget;
import io.backon.condition.RetryCondition;
import io.backon.hedge.HedgingPolicy;
import io.backon.instrumentation.RetryInstrumentation;
import io.backon.stop.Stop;
import io.backon.time.Clock;
import io.backon.time.Scheduler;
import io.backon.time.Sleeper;
import io.backon.wait.Jitter;
import io.backon.wait.Wait;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.IntSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * Every setting of a {@link RetryPolicy}, declared once: the {@link RetryPolicyBuilder} fills one
 * instance and each built policy wraps its own {@link #copy()}. Field defaults are the documented
 * defaults; validation happens in the builder's setters. Not thread-safe while a builder owns it;
 * never changed once a policy wraps it.
 */
final class RetrySettings implements Cloneable {

  String name = RetryPolicy.DEFAULT_NAME;
  Wait wait = Wait.expo();
  Jitter jitter = Jitter.full();
  int maxTries;
  @Nullable IntSupplier maxTriesSupplier;
  @Nullable Duration maxTime;
  @Nullable Supplier<Duration> maxTimeSupplier;
  @Nullable Stop stop;

  @SuppressWarnings({"unchecked", "rawtypes"})
  Class<? extends Throwable>[] retryOn = new Class[0];

  @Nullable Predicate<? super Throwable> retryIfException;
  @Nullable Predicate<? super @Nullable Object> retryIfResult;
  @Nullable RetryCondition retryIf;

  @SuppressWarnings({"unchecked", "rawtypes"})
  Class<? extends Throwable>[] abortOn = new Class[0];

  @Nullable Predicate<? super Throwable> giveUpIf;
  String giveUpIfReason = GiveUpReason.GIVE_UP_PREDICATE.description();
  @Nullable Function<? super Throwable, ? extends @Nullable Duration> waitOverride;
  @Nullable Fallback fallback;
  boolean raiseOnGiveUp = true;
  boolean waitForAbandonedAttempts = true;
  Map<EventType, List<RetryListener>> listeners = new EnumMap<>(EventType.class);
  Clock clock = Clock.system();
  Sleeper sleeper = Sleeper.threadSleep();
  @Nullable RandomGenerator random;
  System.Logger.Level backoffLogLevel = RetryPolicy.DEFAULT_BACKOFF_LOG_LEVEL;
  System.Logger.Level giveUpLogLevel = RetryPolicy.DEFAULT_GIVE_UP_LOG_LEVEL;
  boolean statistics;
  boolean enabled = true;
  @Nullable Duration attemptTimeout;
  @Nullable Duration deadline;
  Scheduler scheduler = Scheduler.shared();
  @Nullable Executor executor;
  @Nullable CircuitBreaker circuitBreaker;
  boolean retryOnCircuitOpen;
  @Nullable HedgingPolicy hedging;
  @Nullable RetryBudget retryBudget;
  RetryInstrumentation instrumentation = RetryInstrumentation.NONE;

  /** An independent copy: the arrays and listener lists are copied, the values shared. */
  RetrySettings copy() {
    RetrySettings copy;
    try {
      copy = (RetrySettings) super.clone();
    } catch (CloneNotSupportedException impossible) {
      throw new AssertionError(impossible);
    }
    copy.retryOn = retryOn.clone();
    copy.abortOn = abortOn.clone();
    copy.listeners = new EnumMap<>(EventType.class);
    listeners.forEach((type, list) -> copy.listeners.put(type, new ArrayList<>(list)));
    return copy;
  }

  /** Whether any stop condition was configured; without one the policy stops after 3 attempts. */
  boolean anyStop() {
    return maxTries > 0
        || maxTriesSupplier != null
        || maxTime != null
        || maxTimeSupplier != null
        || stop != null;
  }

  /** Whether values (not only failures) are tested by the retry condition. */
  boolean checksResults() {
    return retryIf != null || retryIfResult != null;
  }

  /** The listeners of every hook, indexed by {@link EventType#ordinal()}, unmodifiable. */
  List<List<RetryListener>> listenerLists() {
    List<List<RetryListener>> lists = new ArrayList<>();
    for (EventType type : EventType.values()) {
      lists.add(List.copyOf(listeners.getOrDefault(type, List.of())));
    }
    return List.copyOf(lists);
  }

  /** The retry condition the policy applies: retryIf, or retryOn/retryIfException/retryIfResult. */
  RetryCondition effectiveCondition() {
    if (retryIf != null) {
      return retryIf;
    }
    RetryCondition failures;
    if (retryOn.length == 0 && retryIfException == null) {
      failures = RetryCondition.DEFAULT;
    } else if (retryIfException == null) {
      failures = RetryCondition.onException(withTimeouts(retryOn));
    } else if (retryOn.length == 0) {
      failures =
          RetryCondition.onFailure(retryIfException)
              .or(RetryCondition.onException(AttemptTimeoutException.class));
    } else {
      failures =
          RetryCondition.onException(withTimeouts(retryOn))
              .or(RetryCondition.onFailure(retryIfException));
    }
    return retryIfResult == null ? failures : failures.or(RetryCondition.onResult(retryIfResult));
  }

  /** Attempt timeouts stay retryable when the user narrows the retried types. */
  @SuppressWarnings("unchecked")
  private static Class<? extends Throwable>[] withTimeouts(Class<? extends Throwable>[] types) {
    Class<? extends Throwable>[] all = Arrays.copyOf(types, types.length + 1);
    all[types.length] = AttemptTimeoutException.class;
    return all;
  }
}
