package io.backon.internal;

import io.backon.hedge.HedgeCopyObserver;
import io.backon.hedge.HedgeDelay;
import io.backon.hedge.HedgeListener;
import io.backon.hedge.HedgingPolicy;
import io.backon.time.Cancellable;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import org.jspecify.annotations.Nullable;

/**
 * Calls user and engine hooks so that a throwing hook is logged (WARNING, with its stack trace) on
 * the {@code System.Logger} named {@value #LOGGER_NAME} and never breaks a hedged call. Not API.
 */
final class HedgeSafety {

  /** The logger name of the hedging lines, under the {@code io.backon} parent. */
  static final String LOGGER_NAME = "io.backon.hedge";

  private static final Logger LOGGER = System.getLogger(LOGGER_NAME);

  private HedgeSafety() {}

  /** Runs {@code hook}; logs and swallows what it throws (errors of the VM excepted). */
  static void run(String what, Runnable hook) {
    try {
      hook.run();
    } catch (VirtualMachineError fatal) {
      throw fatal;
    } catch (Throwable broken) {
      log(what, broken);
    }
  }

  /** Asks the observer; a throwing observer counts as {@code false}. */
  static boolean mayStart(HedgeCopyObserver observer, int number) {
    try {
      return observer.mayStartHedge(number);
    } catch (VirtualMachineError fatal) {
      throw fatal;
    } catch (Throwable broken) {
      log("mayStartHedge", broken);
      return false;
    }
  }

  /** Tells the {@code onHedge} listener, if any. */
  static void onHedge(@Nullable HedgeListener listener, int number) {
    if (listener != null) {
      run("onHedge", () -> listener.onHedge(number));
    }
  }

  /**
   * The delay of one call, never negative; a throwing {@link HedgeDelay} is logged and gets {@link
   * HedgingPolicy#DEFAULT_HEDGE_DELAY}.
   */
  static long delayNanos(HedgeDelay delay) {
    try {
      return Math.max(0L, delay.delayNanos());
    } catch (VirtualMachineError fatal) {
      throw fatal;
    } catch (Throwable broken) {
      log("hedgeDelay.delayNanos", broken);
      return HedgingPolicy.DEFAULT_HEDGE_DELAY.toNanos();
    }
  }

  /** Cancels {@code task} if there is one; a throwing cancel is logged. */
  static void cancel(@Nullable Cancellable task) {
    if (task != null) {
      run("Cancellable.cancel", task::cancel);
    }
  }

  static void log(String what, Throwable failure) {
    try {
      LOGGER.log(Level.WARNING, "Hedging hook " + what + " threw; the call goes on", failure);
    } catch (VirtualMachineError fatal) {
      throw fatal;
    } catch (Throwable ignored) {
      // a log line is never worth breaking the call
    }
  }
}
