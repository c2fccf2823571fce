package io.backon.jcstress;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** How a future ended, as one outcome word for jcstress results. */
final class FutureOutcome {

  private FutureOutcome() {}

  /**
   * {@code "pending"}, {@code "cancelled"}, the value as {@code "value-" + value}, or the failure's
   * simple class name, e.g. {@code "AttemptTimeoutException"}.
   */
  static String of(CompletableFuture<?> future) {
    if (!future.isDone()) {
      return "pending";
    }
    if (future.isCancelled()) {
      return "cancelled";
    }
    try {
      return "value-" + future.join();
    } catch (CancellationException e) {
      return "cancelled";
    } catch (CompletionException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      return cause.getClass().getSimpleName();
    }
  }
}
