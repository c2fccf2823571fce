package io.backon.internal;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/** Logs a throwing instrumentation hook; the call goes on. Not API. */
final class TraceSafety {

  private static final Logger LOGGER = System.getLogger(RetryLog.LOGGER_NAME);

  private TraceSafety() {}

  static void log(String hook, Throwable failure) {
    LOGGER.log(Level.WARNING, "Instrumentation hook " + hook + " threw; the call goes on",
        failure);
  }
}
