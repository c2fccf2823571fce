package io.backon.time;

/** A scheduled task that can still be called off. Thread-safe. */
@FunctionalInterface
public interface Cancellable {

  /** Calls the task off if it has not started; does nothing once it ran or was cancelled. */
  void cancel();
}
