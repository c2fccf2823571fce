package io.backon.jcstress;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Silences Backon's own log lines (breaker transitions, give-ups, hedge callbacks) in the jcstress
 * VMs: a test makes a transition or gives up on every one of its millions of iterations, and
 * writing each line would measure the logger instead of the race. The {@code System.Logger}s of
 * Backon go to {@code java.util.logging} there, so turning off the {@code io.backon} parent logger
 * also makes the engine skip building the lines.
 */
final class QuietLogs {

  /** Held so that the configured logger is not garbage-collected (JUL keeps loggers weakly). */
  private static final Logger BACKON = Logger.getLogger("io.backon");

  static {
    BACKON.setLevel(Level.OFF);
  }

  private QuietLogs() {}

  /** Turns Backon's logging off in this VM (idempotent; the work is done once, on first use). */
  static void install() {
    // The static initializer did it.
  }
}
