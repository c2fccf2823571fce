package io.backon;

/** A {@link Runnable} that may throw any exception, checked ones included. */
@FunctionalInterface
public interface CheckedRunnable {

  /** Runs the action. */
  void run() throws Exception;
}
