package io.backon;

import io.backon.hedge.HedgeCopyObserver;
import io.backon.hedge.HedgingPolicy;
import io.backon.internal.Engine;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Runs hedged calls under a {@link HedgingPolicy}. The primary copy starts at once; while no copy
 * has succeeded, hedge {@code k} starts {@code hedgeDelay} after copy {@code k-1} was launched, or
 * at once when a copy fails, until {@code maxHedges} copies (the primary included) were launched.
 * The <b>first success wins</b>: its value is the result, every other copy is cancelled (futures
 * cancelled, blocking copies interrupted) and reported via {@link HedgeCopyObserver#copyCancelled},
 * and the call returns at once without waiting for them; their late results are discarded. If every
 * launched copy fails, the call fails with the <b>last failure</b> itself (unwrapped from {@code
 * CompletionException}), the earlier copies' failures added to it as suppressed, oldest first. A
 * copy cancelled because another won is neither a success nor a failure. Every {@link
 * HedgeCopyObserver} callback of a call happens before its outcome is available to the caller.
 *
 * <p>Stateless and thread-safe; each call has its own state.
 */
public final class Hedging {

  private Hedging() {}

  /**
   * {@link #call(HedgingPolicy, Callable, HedgeCopyObserver)} with no observer.
   *
   * @throws Exception the last copy's failure when all failed
   */
  public static <T extends @Nullable Object> T call(HedgingPolicy policy, Callable<T> copy)
      throws Exception {
    return call(policy, copy, HedgeCopyObserver.NOOP);
  }

  /**
   * Runs {@code copy} hedged and blocks until one copy succeeds or all fail. Every copy, the
   * primary included, runs on {@link HedgingPolicy#executor()} (virtual threads by default), so
   * {@code copy} must tolerate running several times at once; the caller's thread only waits. Each
   * copy sees the caller's {@code Retries.attemptNumber()}.
   *
   * <p><b>Interrupts:</b> if the caller's thread is interrupted while waiting, every copy is
   * cancelled (interrupted) along with the pending hedge timer, the interrupt flag is restored and
   * {@link InterruptedException} is thrown, carrying the failures of the copies that already failed
   * as suppressed. (If a copy won or the last one failed at that very moment, that outcome is
   * returned or thrown instead, with the flag still restored.)
   *
   * @return the first successful copy's value
   * @throws Exception the last copy's failure when all failed (an {@link Error} is rethrown as is,
   *     another non-{@code Exception} throwable wrapped in {@link io.backon.BackonException})
   */
  public static <T extends @Nullable Object> T call(
      HedgingPolicy policy, Callable<T> copy, HedgeCopyObserver observer) throws Exception {
    return Engine.hedge(policy, copy, observer);
  }

  /** {@link #callAsync(HedgingPolicy, Supplier, HedgeCopyObserver)} with no observer. */
  public static <T extends @Nullable Object> CompletableFuture<T> callAsync(
      HedgingPolicy policy, Supplier<? extends @Nullable CompletionStage<T>> copy) {
    return callAsync(policy, copy, HedgeCopyObserver.NOOP);
  }

  /**
   * Runs {@code copy} hedged without blocking: the primary's supplier is called on the calling
   * thread, hedges' suppliers on {@link HedgingPolicy#executor()}; hedge delays are timers on
   * {@link HedgingPolicy#scheduler()}. The returned future completes with the first success, or
   * fails with the last failure (unwrapped, earlier ones suppressed). Cancelling it cancels every
   * copy's future and the pending hedge timer, and launches nothing more. A throwing supplier or a
   * {@code null} stage counts as a failed copy.
   */
  public static <T extends @Nullable Object> CompletableFuture<T> callAsync(
      HedgingPolicy policy,
      Supplier<? extends @Nullable CompletionStage<T>> copy,
      HedgeCopyObserver observer) {
    return Engine.hedgeAsync(policy, copy, observer);
  }
}
