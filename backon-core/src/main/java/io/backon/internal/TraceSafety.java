package io.backon.internal;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/**
 * Logs a throwing instrumentation hook at WARNING, with its stack trace, on the {@code
 * System.Logger} named {@value #LOGGER_NAME}; the call goes on. Not API.
 */
final class TraceSafety {

  /** The logger name of throwing instrumentation hooks, under the {@code io.backon} parent. */
  static final String LOGGER_NAME = "io.backon.instrumentation";

  private static final Logger LOGGER = System.getLogger(LOGGER_NAME);

  private TraceSafety() {}

  static void log(String hook, Throwable failure) {
    try {
      LOGGER.log(
          Level.WARNING, "Instrumentation hook " + hook + " threw; the call goes on", failure);
    } catch (VirtualMachineError fatal) {
      throw fatal;
    } catch (Throwable ignored) {
      // a log line is never worth breaking the call
    }
  }
}
