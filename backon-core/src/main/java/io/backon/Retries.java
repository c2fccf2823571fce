package io.backon;

import io.backon.internal.Engine;
import io.backon.internal.GlobalSettings;
import io.backon.internal.support.Checks;
import io.backon.stop.Stop;
import io.backon.wait.Jitter;
import io.backon.wait.Wait;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Static entry points: one-off retries, the JVM-wide on/off switch, and the attempt context.
 *
 * <pre>{@code
 * String body = Retries.retry(() -> client.fetch(url), 5, Wait.expo(), IOException.class);
 * }</pre>
 *
 * <p>Named {@code Retries} because the simple name {@code Backon} belongs to the annotation.
 * Thread-safe.
 */
public final class Retries {

  private Retries() {}

  /**
   * Calls {@code target} under {@code policy}; see {@link Retrying#call(Callable)}.
   *
   * @throws Exception the last failure as the target threw it
   */
  public static <T extends @Nullable Object> T retry(Callable<T> target, RetryPolicy policy)
      throws Exception {
    return Engine.call(
        Objects.requireNonNull(policy, "policy").pipeline(),
        null,
        Objects.requireNonNull(target, "target"),
        null);
  }

  /**
   * Short form: at most {@code maxTries} attempts, waiting per {@code wait} (with full jitter),
   * retrying only failures of the given types (any {@link Exception} when none are given).
   */
  @SafeVarargs
  public static <T extends @Nullable Object> T retry(
      Callable<T> target, int maxTries, Wait wait, Class<? extends Throwable>... retryOn)
      throws Exception {
    RetryPolicyBuilder builder = RetryPolicy.builder().maxTries(maxTries).wait(wait);
    if (retryOn.length > 0) {
      builder.retryOn(retryOn);
    }
    return retry(target, builder.build());
  }

  /**
   * Calls an asynchronous target under {@code policy}; see {@link Retrying#callAsync(Supplier)}.
   */
  public static <T extends @Nullable Object> CompletableFuture<T> retryAsync(
      Supplier<? extends @Nullable CompletionStage<T>> target, RetryPolicy policy) {
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(target, "target");
    return Engine.callAsync(policy.pipeline(), null, target, target, null);
  }

  /**
   * aiomisc's {@code asyncretry(max_tries, exceptions)}, which is {@code asyncbackoff(None, None,
   * 0)}: an async caller making at most {@code maxTries} attempts back to back (no pause, no
   * jitter, no attempt timeout, no deadline), retrying only failures of the given types (when none
   * are given, any {@link Exception} but {@link InterruptedException}, Backon's default). When it
   * gives up, the returned future fails with the last failure itself.
   *
   * @param maxTries attempts in total, {@code >= 1}
   * @param retryOn the failure types to retry
   * @throws IllegalArgumentException if {@code maxTries < 1}
   */
  @SafeVarargs
  public static AsyncRetryingCaller asyncRetry(
      int maxTries, Class<? extends Throwable>... retryOn) {
    RetryPolicyBuilder builder = aiomisc(null, null, Duration.ZERO).maxTries(maxTries);
    if (retryOn.length > 0) {
      builder.retryOn(retryOn);
    }
    return AsyncRetryingCaller.of(builder.build());
  }

  /**
   * aiomisc's {@code asyncbackoff(attempt_timeout, deadline, pause, *exceptions)} without {@code
   * max_tries}: retries until a success, a failure it does not retry, the {@code deadline}, or
   * cancellation of the returned future. <strong>With no deadline it retries forever</strong>, as
   * aiomisc does. See {@link #asyncBackoff(Duration, Duration, Duration, int, Predicate, Class[])}
   * for the rules.
   *
   * @param attemptTimeout the limit of one attempt, {@code > 0}; {@code null} for none
   * @param deadline the limit of the whole call, pauses included, {@code > 0}; {@code null} for
   *     none
   * @param pause the constant wait between attempts, {@code >= 0}
   * @param exceptions the failure types to retry; none: only attempt timeouts
   * @throws IllegalArgumentException if a duration breaks its rule
   */
  @SafeVarargs
  public static AsyncRetryingCaller asyncBackoff(
      @Nullable Duration attemptTimeout,
      @Nullable Duration deadline,
      Duration pause,
      Class<? extends Throwable>... exceptions) {
    return AsyncRetryingCaller.of(
        aiomisc(attemptTimeout, deadline, pause, exceptions).stop(Stop.never()).build());
  }

  /**
   * aiomisc's {@code asyncbackoff(attempt_timeout, deadline, pause, *exceptions, max_tries=...,
   * giveup=...)} as an async caller, keeping its rules:
   *
   * <ul>
   *   <li>an attempt running longer than {@code attemptTimeout} is cancelled and fails with {@link
   *       AttemptTimeoutException}, which is always retried;
   *   <li>only failures of the {@code exceptions} types (and attempt timeouts) are retried; with no
   *       types, <em>only</em> attempt timeouts are (aiomisc's default; pass {@code
   *       Exception.class} to retry any exception); any other failure ends the call at once;
   *   <li>{@code pause} is waited between attempts, unchanged (no back-off growth, no jitter);
   *   <li>at most {@code maxTries} attempts; then the returned future fails with the last failure
   *       itself;
   *   <li>when {@code giveUp} returns {@code true} for a retryable failure the call ends at once
   *       with that failure;
   *   <li>when {@code deadline} passes the running attempt is cancelled and the call fails with
   *       {@link DeadlineExceededException} whose cause is the last failure (aiomisc raises the
   *       last failure itself); a pause that would end after the deadline ends the call at once.
   * </ul>
   *
   * <p>Unlike aiomisc, a zero attempt timeout or deadline is rejected (it would fail every call).
   * For {@code giveUp} without a limit on attempts, pass {@link Integer#MAX_VALUE} as {@code
   * maxTries}.
   *
   * @param attemptTimeout the limit of one attempt, {@code > 0}; {@code null} for none
   * @param deadline the limit of the whole call, pauses included, {@code > 0}; {@code null} for
   *     none
   * @param pause the constant wait between attempts, {@code >= 0}
   * @param maxTries attempts in total, {@code >= 1}
   * @param giveUp ends the call when it returns {@code true} for a retryable failure; {@code null}
   *     for none
   * @param exceptions the failure types to retry; none: only attempt timeouts
   * @throws IllegalArgumentException if an argument breaks its rule
   */
  @SafeVarargs
  public static AsyncRetryingCaller asyncBackoff(
      @Nullable Duration attemptTimeout,
      @Nullable Duration deadline,
      Duration pause,
      int maxTries,
      @Nullable Predicate<? super Throwable> giveUp,
      Class<? extends Throwable>... exceptions) {
    RetryPolicyBuilder builder =
        aiomisc(attemptTimeout, deadline, pause, exceptions).maxTries(maxTries);
    if (giveUp != null) {
      builder.giveUpIf(giveUp);
    }
    return AsyncRetryingCaller.of(builder.build());
  }

  /** The aiomisc limits and pause, retrying {@code exceptions} or, when empty, attempt timeouts. */
  private static RetryPolicyBuilder aiomisc(
      @Nullable Duration attemptTimeout,
      @Nullable Duration deadline,
      Duration pause,
      Class<? extends Throwable>[] exceptions) {
    RetryPolicyBuilder builder = aiomisc(attemptTimeout, deadline, pause);
    return exceptions.length == 0
        ? builder.retryOn(AttemptTimeoutException.class)
        : builder.retryOn(Checks.exceptionTypes("exceptions", exceptions));
  }

  /** No back-off growth and no jitter: {@code pause} between attempts, and the optional limits. */
  private static RetryPolicyBuilder aiomisc(
      @Nullable Duration attemptTimeout, @Nullable Duration deadline, Duration pause) {
    Checks.nonNegative("pause", pause);
    RetryPolicyBuilder builder =
        RetryPolicy.builder()
            .wait(pause.isZero() ? Wait.none() : Wait.constant(pause))
            .jitter(Jitter.none());
    if (attemptTimeout != null) {
      builder.attemptTimeout(attemptTimeout);
    }
    if (deadline != null) {
      builder.deadline(deadline);
    }
    return builder;
  }

  /**
   * Turns retrying off JVM-wide: every face calls its target exactly once, directly. This is the
   * one documented global switch (Spring: {@code backon.enabled=false}).
   */
  public static void disable() {
    GlobalSettings.update(o -> o.withGloballyDisabled(true));
  }

  /** Turns retrying back on after {@link #disable()}. */
  public static void enable() {
    GlobalSettings.update(o -> o.withGloballyDisabled(false));
  }

  /**
   * Whether retrying is on JVM-wide (neither {@link #disable()} nor a test scope turned it off).
   */
  public static boolean isEnabled() {
    return !GlobalSettings.current().disabled();
  }

  /**
   * Whether the calling code runs inside an attempt managed by Backon (any attempt number),
   * anywhere in the call stack of that attempt on this thread.
   */
  public static boolean isRetrying() {
    return Engine.attemptNumber() > 0;
  }

  /** The 1-based number of the attempt the calling code runs in, or 0 outside any attempt. */
  public static int attemptNumber() {
    return Engine.attemptNumber();
  }
}
